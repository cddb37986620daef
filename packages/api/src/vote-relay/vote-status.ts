import { type Database, indexedHeight, votes } from '@ratify/db';
import { and, asc, desc, eq, gt, or } from 'drizzle-orm';

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
      transactionId: string;
      transitionId: string;
    };

/** How a submitted vote is looked for: by the ids it was sent under, or by who voted what since when. */
export type VoteStatusQuery = {
  transactionId?: string;
  transitionId?: string;
  chainNetworkId?: string;
  expiresAtHeight?: number;
  /**
   * A wallet may answer a temporary id of its own: then the vote is the first one of this
   * voter, for this proposal and choice, included after the height it was submitted at.
   */
  cast?: { proposalId: string; voter: string; choice: number; afterHeight: number };
};

/**
 * Where a submitted vote stands in the index. A rejected execution is stored under a new fee
 * transaction id, so the vote is also found by its transition id, which stays the same.
 */
export async function voteStatus(db: Database, q: VoteStatusQuery): Promise<VoteStatus> {
  const ids = [
    q.transactionId ? eq(votes.transactionId, q.transactionId) : undefined,
    q.transitionId ? eq(votes.transitionId, q.transitionId) : undefined,
  ].filter((c) => c !== undefined);
  let [row] =
    ids.length > 0
      ? await db
          .select()
          .from(votes)
          .where(or(...ids))
          .orderBy(desc(votes.height))
          .limit(1)
      : [];
  if (!row && q.cast && q.chainNetworkId) {
    [row] = await db
      .select()
      .from(votes)
      .where(
        and(
          eq(votes.chainNetworkId, q.chainNetworkId),
          eq(votes.proposalId, q.cast.proposalId),
          eq(votes.voter, q.cast.voter),
          eq(votes.choice, q.cast.choice),
          gt(votes.height, q.cast.afterHeight),
        ),
      )
      .orderBy(asc(votes.height), asc(votes.position))
      .limit(1);
  }
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
    transactionId: row.transactionId,
    transitionId: row.transitionId,
  };
}
