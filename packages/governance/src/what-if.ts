import { type Approval, type ApprovalThresholds, evaluateApproval } from './approval';
import { projectSplit, type SplitProjection } from './split';
import type { BodyTally, Tally } from './tally';
import type { Committee, VoteChoice } from './types';

export interface WhatIfParameters {
  tally: Tally;
  committee: Committee;
  thresholds: ApprovalThresholds;
  /** A supposed choice for members who have not voted; others are left as they are. */
  outcomes: ReadonlyMap<string, VoteChoice>;
}

export interface WhatIf {
  tally: Tally;
  approval: Approval;
  split: SplitProjection;
}

function suppose(body: BodyTally, outcomes: ReadonlyMap<string, VoteChoice>): BodyTally {
  const next: BodyTally = {
    yes: [...body.yes],
    no: [...body.no],
    abstain: [...body.abstain],
    notVoted: [],
    size: body.size,
  };
  for (const address of body.notVoted) {
    const choice = outcomes.get(address);
    if (choice === 1) next.yes.push(address);
    else if (choice === 2) next.no.push(address);
    else if (choice === 3) next.abstain.push(address);
    else next.notVoted.push(address);
  }
  return next;
}

/**
 * The approval and the split if the members who have not voted yet voted as supposed.
 * Votes already cast stay: a what-if never changes what is on chain.
 */
export function whatIf({ tally, committee, thresholds, outcomes }: WhatIfParameters): WhatIf {
  const supposed: Tally = {
    ...tally,
    governors: suppose(tally.governors, outcomes),
    public: suppose(tally.public, outcomes),
  };
  return {
    tally: supposed,
    approval: evaluateApproval(supposed, thresholds),
    split: projectSplit({ tally: supposed, committee }),
  };
}
