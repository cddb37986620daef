import { ProposalDetail } from '@/components/proposal-detail';

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ProposalDetail proposalId={id.replace(/field$/, '')} />;
}
