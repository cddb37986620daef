import { blockAt, type Database, votesForProposal } from '@ratify/db';
import { type Alert, listAlertHistory } from './alerts';
import { listProposalSummaries, type ProposalSummary } from './proposal';

export type FeedProposal = ProposalSummary & {
  /** When the proposal last changed: its latest vote, or the phase boundary it passed. */
  updatedAt: number | null;
  submittedAt: number | null;
};

/** What the Atom feed carries: every proposal, newest first, and the latest alert events. */
export async function buildFeedEntries(
  db: Database,
): Promise<{ proposals: FeedProposal[]; alerts: Alert[] }> {
  const [summaries, alerts] = await Promise.all([listProposalSummaries(db), listAlertHistory(db)]);
  const proposals = await Promise.all(
    summaries.map(async (p) => {
      const votes = await votesForProposal(db, p.chainNetworkId, p.proposalId);
      const lastVote = votes[votes.length - 1]?.height ?? p.createdAtHeight;
      const passed = [p.votingEndsHeight, p.activationHeight].filter((h) => h <= p.indexedHeight);
      const changed = Math.max(lastVote, ...passed);
      const [submitted, updated] = await Promise.all([
        blockAt(db, p.chainNetworkId, p.createdAtHeight),
        blockAt(db, p.chainNetworkId, changed),
      ]);
      return {
        ...p,
        submittedAt: submitted?.timestamp ?? null,
        updatedAt: updated?.timestamp ?? submitted?.timestamp ?? null,
      };
    }),
  );
  return { proposals, alerts };
}
