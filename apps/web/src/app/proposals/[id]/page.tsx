import { findProposalsById } from '@ratify/db';
import { notFound } from 'next/navigation';
import { ProposalDetail } from '@/components/proposal-detail';
import { getDb } from '@/server/db';
import { proposalIdParam } from '@/server/public-api';

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const id = proposalIdParam.safeParse((await params).id);
  // Not an id, or no such proposal indexed: a 404 page rather than an empty one.
  if (!id.success || (await findProposalsById(getDb(), id.data)).length === 0) notFound();
  return <ProposalDetail proposalId={id.data} />;
}
