/** A scenario drives the devnet: who validates, what is proposed, who votes what and when. */
export type ScenarioValidator = {
  name: string;
  role: 'governor' | 'public';
  /** Bonded stake in microcredits. */
  stake: bigint;
  /** The account a person is meant to import into the dashboard's wallet. */
  dev?: boolean;
};

/** Heights are source-Alpha heights counted after any `--history` blocks. */
export type ScenarioVote = { voter: string; choice: 1 | 2 | 3; at: number };

export type ScenarioProposal = {
  key: string;
  proposer: string;
  submitAt: number;
  votingEndsAt: number;
  activationAt: number;
  minGovernorValidators: number;
  minPublicValidators: number;
  deltaMinAlphaBlocks: number;
  votes: ScenarioVote[];
};

export type Misbehaviour =
  /** The Yes voters' new Alpha genesis differs from `alpha_expected_hash`. */
  | { type: 'genesis-mismatch' }
  /** The new Delta's genesis names the old Alpha genesis instead of the new one. */
  | { type: 'rogue-delta' }
  /** A Yes voter that keeps authoring on the old network instead of moving. */
  | { type: 'yes-voter-stays'; validator: string }
  /** A Yes voter that authors on both networks after the split. */
  | { type: 'double-authoring'; validator: string }
  /** No blocks on a chain for `blocks` ticks from a height of that chain. */
  | {
      type: 'stall';
      chain: 'alpha' | 'delta';
      side: 'source' | 'target';
      fromHeight: number;
      blocks: number;
    }
  /** A buggy program whose counters drift from the votes (a changed vote is counted twice). */
  | { type: 'counter-drift' };

export type Scenario = {
  name: string;
  description: string;
  sourceNetwork: number;
  targetNetwork: number;
  validators: ScenarioValidator[];
  /** Blocks produced at once at start-up, so the scenario opens with some past. */
  preludeBlocks: number;
  proposals: ScenarioProposal[];
  /** Validators that join the new Alpha later, after checking the governors' genesis. */
  joins: { validator: string; afterTargetBlocks: number }[];
  misbehaviours: Misbehaviour[];
  /** Blocks of the newest running chain after the last planned event before "complete". */
  settleBlocks: number;
};

export type ScenarioContext = { blockTimeMs: number };

export type ScenarioDefinition = {
  name: string;
  description: string;
  build: (ctx: ScenarioContext) => Scenario;
};

export const CREDITS = 1_000_000n;
