import type { CastVote, GovernorSet } from './types';

export type RejectionReason =
  | { code: 'after_voting_end'; message: string }
  | { code: 'not_eligible'; message: string }
  | { code: 'invalid_choice'; message: string }
  | { code: 'unknown'; message: string };

export interface RejectionContext {
  votingEndsHeight: number;
  governors: GovernorSet;
  /** Committee member addresses. */
  committee: readonly string[];
}

/**
 * Why finalize rejected a vote transaction, from the checks `vote_network_upgrade` makes
 * (chain.md section 6). A block only says that it was rejected, so the reader applies the
 * same checks again; one it cannot explain is reported as unknown.
 */
export function rejectionReason(
  vote: Pick<CastVote, 'voter' | 'height'> & { choice: number },
  ctx: RejectionContext,
): RejectionReason {
  if (vote.height > ctx.votingEndsHeight)
    return {
      code: 'after_voting_end',
      message: `cast at height ${vote.height}, after voting ended at ${ctx.votingEndsHeight}`,
    };
  if (vote.choice !== 1 && vote.choice !== 2 && vote.choice !== 3)
    return { code: 'invalid_choice', message: `choice ${vote.choice} is not 1, 2 or 3` };
  if (!ctx.governors.includes(vote.voter) && !ctx.committee.includes(vote.voter))
    return { code: 'not_eligible', message: 'the voter is neither a governor nor a validator' };
  return { code: 'unknown', message: 'rejected by finalize for a reason the block does not show' };
}
