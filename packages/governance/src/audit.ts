import type { Tally } from './tally';
import type { ProposalTerms } from './types';

export type CounterName =
  | 'governorYesVotes'
  | 'governorNoVotes'
  | 'publicYesVotes'
  | 'publicNoVotes';

export interface CounterMismatch {
  counter: CounterName;
  /** The program's counter, from the proposal value. */
  onChain: number;
  /** The same counter recomputed from accepted votes and the governor set. */
  recomputed: number;
}

type Counters = Pick<ProposalTerms, CounterName>;

/**
 * Compares the recomputed tally with the proposal's on-chain counters. They can differ
 * legitimately: the program fixes `is_governor` when a vote is cast, while the tally uses
 * the governor set at `voting_ends_height`. Every difference is reported.
 */
export function auditCounters(tally: Tally, proposal: Counters): CounterMismatch[] {
  const recomputed: Counters = {
    governorYesVotes: tally.governors.yes.length,
    governorNoVotes: tally.governors.no.length,
    publicYesVotes: tally.public.yes.length,
    publicNoVotes: tally.public.no.length,
  };
  const names: CounterName[] = [
    'governorYesVotes',
    'governorNoVotes',
    'publicYesVotes',
    'publicNoVotes',
  ];
  return names
    .filter((counter) => recomputed[counter] !== proposal[counter])
    .map((counter) => ({ counter, onChain: proposal[counter], recomputed: recomputed[counter] }));
}
