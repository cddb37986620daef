import type { BodyTally, Tally } from './tally';

/** The proposal's minimums; a `ProposalTerms` value can be passed as is. */
export interface ApprovalThresholds {
  minGovernorValidators: number;
  minPublicValidators: number;
}

export type ApprovalConditionId = 'supermajority' | 'min_governors' | 'min_public';

export interface ApprovalCondition {
  id: ApprovalConditionId;
  ok: boolean;
  /** Yes votes that count for this condition (`gy` or `py`). */
  actual: number;
  /** The smallest `actual` that satisfies the condition. */
  required: number;
}

export interface SupermajorityCondition extends ApprovalCondition {
  id: 'supermajority';
  /** `G`, the number of governors. */
  governors: number;
  /** `gy / G` in basis points, rounded down, for display only; null when `G = 0`. */
  shareBps: number | null;
}

export interface Approval {
  approved: boolean;
  conditions: [SupermajorityCondition, ApprovalCondition, ApprovalCondition];
}

// Supermajority is 67 percent: `100 * gy >= 67 * G`.
const NUMERATOR = 67;
const DENOMINATOR = 100;

/** The smallest `gy` with `100 * gy >= 67 * G`, i.e. ceil(67G / 100). */
export function supermajorityRequired(governors: number): number {
  return Math.floor((NUMERATOR * governors + DENOMINATOR - 1) / DENOMINATOR);
}

/**
 * The approval rule of chain.md section 6, with each condition reported on its own.
 * With `G = 0` the supermajority holds trivially, as the rule is written; the minimums
 * still apply.
 */
export function evaluateApproval(tally: Tally, thresholds: ApprovalThresholds): Approval {
  const gy = tally.governors.yes.length;
  const py = tally.public.yes.length;
  const G = tally.governors.size;
  const supermajority: SupermajorityCondition = {
    id: 'supermajority',
    ok: DENOMINATOR * gy >= NUMERATOR * G,
    actual: gy,
    required: supermajorityRequired(G),
    governors: G,
    shareBps: G === 0 ? null : Math.floor((gy * 10_000) / G),
  };
  const minGovernors: ApprovalCondition = {
    id: 'min_governors',
    ok: gy >= thresholds.minGovernorValidators,
    actual: gy,
    required: thresholds.minGovernorValidators,
  };
  const minPublic: ApprovalCondition = {
    id: 'min_public',
    ok: py >= thresholds.minPublicValidators,
    actual: py,
    required: thresholds.minPublicValidators,
  };
  return {
    approved: supermajority.ok && minGovernors.ok && minPublic.ok,
    conditions: [supermajority, minGovernors, minPublic],
  };
}

export interface ConditionDistance {
  id: ApprovalConditionId;
  ok: boolean;
  /** Extra Yes votes the condition still needs; 0 when met. */
  needed: number;
  /** Met, or enough members of the body have not voted yet to meet it. */
  reachable: boolean;
  /** Met, or reachable if members who voted No or Abstain change their vote to Yes. */
  reachableWithChanges: boolean;
  /** "needs 2 more governor Yes votes", or "met". */
  message: string;
}

export interface Distance {
  approved: boolean;
  /** Extra governor Yes votes that satisfy both governor conditions. */
  governorYesNeeded: number;
  publicYesNeeded: number;
  /** Every condition is reachable from the members who have not voted. */
  reachable: boolean;
  reachableWithChanges: boolean;
  conditions: ConditionDistance[];
}

export interface DistanceOptions {
  /** After voting ends no vote can be added: nothing failing is reachable. Default true. */
  votingOpen?: boolean;
}

/**
 * For each failing condition, the smallest number of extra Yes votes that satisfies it,
 * and whether the members still able to vote can supply them. Current Yes votes are
 * assumed to stay.
 */
export function distanceToApproval(
  tally: Tally,
  thresholds: ApprovalThresholds,
  options: DistanceOptions = {},
): Distance {
  const open = options.votingOpen ?? true;
  const approval = evaluateApproval(tally, thresholds);
  const conditions = approval.conditions.map((c): ConditionDistance => {
    const body = c.id === 'min_public' ? tally.public : tally.governors;
    return conditionDistance(c, body, c.id === 'min_public' ? 'public' : 'governor', open);
  });
  const [supermajority, minGovernors, minPublic] = conditions as [
    ConditionDistance,
    ConditionDistance,
    ConditionDistance,
  ];
  // Both governor conditions count the same votes, so the larger need covers both.
  const governorYesNeeded = Math.max(supermajority.needed, minGovernors.needed);
  const governorAvailable = tally.governors.notVoted.length;
  const governorChangeable = governorAvailable + changeable(tally.governors);
  const publicYesNeeded = minPublic.needed;
  const ok = (needed: number, available: number) => needed === 0 || (open && needed <= available);
  return {
    approved: approval.approved,
    governorYesNeeded,
    publicYesNeeded,
    reachable:
      ok(governorYesNeeded, governorAvailable) && ok(publicYesNeeded, tally.public.notVoted.length),
    reachableWithChanges:
      ok(governorYesNeeded, governorChangeable) &&
      ok(publicYesNeeded, tally.public.notVoted.length + changeable(tally.public)),
    conditions,
  };
}

function changeable(body: BodyTally): number {
  return body.no.length + body.abstain.length;
}

function conditionDistance(
  c: ApprovalCondition,
  body: BodyTally,
  bodyName: 'governor' | 'public',
  open: boolean,
): ConditionDistance {
  const needed = Math.max(0, c.required - c.actual);
  const available = body.notVoted.length;
  return {
    id: c.id,
    ok: c.ok,
    needed,
    reachable: c.ok || (open && needed <= available),
    reachableWithChanges: c.ok || (open && needed <= available + changeable(body)),
    message: c.ok
      ? 'met'
      : `needs ${needed} more ${bodyName} Yes ${needed === 1 ? 'vote' : 'votes'}`,
  };
}
