import { type Database, indexedHeight, votes } from '@ratify/db';
import { and, desc, eq, gt, or } from 'drizzle-orm';

export type VoteStatus =
  | { state: 'pending'; indexedHeight: number | null }
  /** Not in any indexed block although the chain passed its expiry: the node dropped it. */
  | { state: 'expired'; indexedHeight: number; expiresAtHeight: number }
  | {
      state: 'included';
      accepted: boolean;
      height: number;
      proposalId: string;
      voter: string;
      choice: number;
      /** Accepted and not replaced by a later accepted vote of the same voter. */
      counted: boolean;
      chainNetworkId: string;
    };

/**
 * Where a relayed vote stands in the index. A rejected execution is stored under a new fee
 * transaction id, so the vote is also found by its transition id, which stays the same.
 */
export async function voteStatus(
  db: Database,
  q: {
    transactionId: string;
    transitionId?: string;
    chainNetworkId?: string;
    expiresAtHeight?: number;
  },
): Promise<VoteStatus> {
  const match = q.transitionId
    ? or(eq(votes.transactionId, q.transactionId), eq(votes.transitionId, q.transitionId))
    : eq(votes.transactionId, q.transactionId);
  const [row] = await db.select().from(votes).where(match).orderBy(desc(votes.height)).limit(1);
  if (!row) {
    const head = q.chainNetworkId ? ((await indexedHeight(db, q.chainNetworkId)) ?? null) : null;
    if (head !== null && q.expiresAtHeight !== undefined && head > q.expiresAtHeight) {
      return { state: 'expired', indexedHeight: head, expiresAtHeight: q.expiresAtHeight };
    }
    return { state: 'pending', indexedHeight: head };
  }
  let counted = false;
  if (row.accepted) {
    const [later] = await db
      .select({ height: votes.height })
      .from(votes)
      .where(
        and(
          eq(votes.chainNetworkId, row.chainNetworkId),
          eq(votes.proposalId, row.proposalId),
          eq(votes.voter, row.voter),
          eq(votes.accepted, true),
          or(
            gt(votes.height, row.height),
            and(eq(votes.height, row.height), gt(votes.position, row.position)),
          ),
        ),
      )
      .limit(1);
    counted = !later;
  }
  return {
    state: 'included',
    accepted: row.accepted,
    height: row.height,
    proposalId: row.proposalId,
    voter: row.voter,
    choice: row.choice,
    counted,
    chainNetworkId: row.chainNetworkId,
  };
}
