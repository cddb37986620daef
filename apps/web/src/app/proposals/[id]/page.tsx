import { proposalIdSchema } from '@ratify/aleo';
import { findProposalsById } from '@ratify/db';
import { notFound } from 'next/navigation';
import { ProposalDetail } from '@/components/proposal-detail';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  // One parse for ids, the same as the JSON API's: a malformed id is as unknown as a missing one.
  const parsed = proposalIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const [row] = await findProposalsById(getDb(), parsed.data);
  if (!row) notFound();
  return <ProposalDetail proposalId={parsed.data} />;
}
