import type { Approval, ApprovalCondition } from './approval';
import type { ProposalTerms } from './types';
import type { InvalidReason, ProposalValidity } from './validity';

/** What is seen of a network started by the upgrade. */
export interface NetworkObservation {
  genesisHash: string;
  height: number;
  /** Judged by the caller, e.g. from `splitHealth` or `detectStall`. */
  stalled?: boolean;
}

export interface DeltaObservation extends NetworkObservation {
  /** From Delta's genesis ratification. */
  alphaGenesisHash: string;
  alphaNetworkId: number;
}

export interface LifecycleInput {
  proposal: ProposalTerms;
  validity: ProposalValidity;
  /** From the tally at `voting_ends_height`, or the current tally while voting is open. */
  approval: Approval;
  /** Latest height of the source Alpha chain. */
  sourceHeight: number;
  /** The proposal's expected hashes, as `ab1…` strings. */
  expected: { alphaGenesisHash: string; deltaGenesisHash: string };
  /** Alpha on the target network, once a node of it answers. */
  newAlpha?: NetworkObservation;
  /** Delta on the target network, once a node of it answers. */
  newDelta?: DeltaObservation;
  /** Unix seconds. With `activatedAt`, a new Alpha that has not started in time halts. */
  now?: number;
  /** Unix seconds of the source block at `activation_height`. */
  activatedAt?: number;
  /** How long the new Alpha may take to produce its first block. Default 600 seconds. */
  startTimeoutSeconds?: number;
}

export type HaltReason =
  | { code: 'alpha_hash_mismatch'; expected: string; actual: string }
  | { code: 'alpha_not_producing'; activatedAt: number; waitedSeconds: number }
  | { code: 'alpha_stalled'; height: number }
  | { code: 'delta_hash_mismatch'; expected: string; actual: string }
  | { code: 'delta_rogue'; alphaGenesisHash: string; alphaNetworkId: number }
  | { code: 'delta_stalled'; height: number };

export type Lifecycle =
  /** Fails a rule of `submit_network_upgrade`: shown with its reasons, never counted. */
  | { state: 'invalid'; reasons: InvalidReason[] }
  /** Votes can still land in the next `blocksLeft` blocks. */
  | { state: 'voting'; votingEndsHeight: number; blocksLeft: number; approvedSoFar: boolean }
  | { state: 'rejected'; votingEndsHeight: number; failed: ApprovalCondition[] }
  /** Approved, waiting for `activation_height` on the source chain. */
  | { state: 'approved'; votingEndsHeight: number; activationHeight: number; blocksLeft: number }
  /** Activation height reached; the new Alpha has not produced a block yet. */
  | {
      state: 'activating';
      activationHeight: number;
      sourceHeight: number;
      newAlphaGenesisHash: string | null;
    }
  /** The new Alpha produces blocks; Delta has not moved yet. */
  | {
      state: 'split';
      activationHeight: number;
      newAlphaHeight: number;
      newAlphaGenesisHash: string;
      /** Blocks the new Alpha still has to produce before Delta is due (0 once due). */
      blocksUntilDelta: number;
    }
  | {
      state: 'delta_upgraded';
      activationHeight: number;
      newAlphaHeight: number;
      newDeltaHeight: number;
      newAlphaGenesisHash: string;
      newDeltaGenesisHash: string;
    }
  /** An emergency: the upgrade must stop. Every reason found is listed. */
  | { state: 'halted'; activationHeight: number; reasons: HaltReason[] };

export type LifecycleState = Lifecycle['state'];

const DEFAULT_START_TIMEOUT_SECONDS = 600;

/**
 * Where a proposal stands, from heights and observations. Total: checks run in a fixed
 * order (validity, voting, approval, activation, then the new networks) and every input
 * lands in exactly one state.
 */
export function lifecycle(input: LifecycleInput): Lifecycle {
  const { proposal: p, sourceHeight, newAlpha, newDelta, expected } = input;
  if (!input.validity.valid) return { state: 'invalid', reasons: input.validity.reasons };

  // Votes are accepted up to and including `voting_ends_height`: once that block exists
  // the tally is final.
  if (sourceHeight < p.votingEndsHeight) {
    return {
      state: 'voting',
      votingEndsHeight: p.votingEndsHeight,
      blocksLeft: p.votingEndsHeight - sourceHeight,
      approvedSoFar: input.approval.approved,
    };
  }
  if (!input.approval.approved) {
    return {
      state: 'rejected',
      votingEndsHeight: p.votingEndsHeight,
      failed: input.approval.conditions.filter((c) => !c.ok),
    };
  }
  // A new Alpha that answers is itself evidence of activation, even if the source node lags.
  if (sourceHeight < p.activationHeight && newAlpha === undefined) {
    return {
      state: 'approved',
      votingEndsHeight: p.votingEndsHeight,
      activationHeight: p.activationHeight,
      blocksLeft: p.activationHeight - sourceHeight,
    };
  }

  const reasons: HaltReason[] = [];
  const alphaStarted = newAlpha !== undefined && newAlpha.height > 0;
  if (newAlpha !== undefined && newAlpha.genesisHash !== expected.alphaGenesisHash) {
    reasons.push({
      code: 'alpha_hash_mismatch',
      expected: expected.alphaGenesisHash,
      actual: newAlpha.genesisHash,
    });
  }
  if (!alphaStarted && input.now !== undefined && input.activatedAt !== undefined) {
    const waitedSeconds = input.now - input.activatedAt;
    if (waitedSeconds > (input.startTimeoutSeconds ?? DEFAULT_START_TIMEOUT_SECONDS)) {
      reasons.push({ code: 'alpha_not_producing', activatedAt: input.activatedAt, waitedSeconds });
    }
  }
  if (newAlpha?.stalled === true && alphaStarted) {
    reasons.push({ code: 'alpha_stalled', height: newAlpha.height });
  }
  if (newDelta !== undefined) {
    if (newDelta.genesisHash !== expected.deltaGenesisHash) {
      reasons.push({
        code: 'delta_hash_mismatch',
        expected: expected.deltaGenesisHash,
        actual: newDelta.genesisHash,
      });
    }
    const alphaGenesis = newAlpha?.genesisHash ?? expected.alphaGenesisHash;
    if (newDelta.alphaGenesisHash !== alphaGenesis || newDelta.alphaNetworkId !== p.targetNetwork) {
      reasons.push({
        code: 'delta_rogue',
        alphaGenesisHash: newDelta.alphaGenesisHash,
        alphaNetworkId: newDelta.alphaNetworkId,
      });
    }
    if (newDelta.stalled === true && newDelta.height > 0) {
      reasons.push({ code: 'delta_stalled', height: newDelta.height });
    }
  }
  if (reasons.length > 0) return { state: 'halted', activationHeight: p.activationHeight, reasons };

  if (newAlpha === undefined || !alphaStarted) {
    return {
      state: 'activating',
      activationHeight: p.activationHeight,
      sourceHeight,
      newAlphaGenesisHash: newAlpha?.genesisHash ?? null,
    };
  }
  if (newDelta !== undefined && newDelta.height > 0) {
    return {
      state: 'delta_upgraded',
      activationHeight: p.activationHeight,
      newAlphaHeight: newAlpha.height,
      newDeltaHeight: newDelta.height,
      newAlphaGenesisHash: newAlpha.genesisHash,
      newDeltaGenesisHash: newDelta.genesisHash,
    };
  }
  return {
    state: 'split',
    activationHeight: p.activationHeight,
    newAlphaHeight: newAlpha.height,
    newAlphaGenesisHash: newAlpha.genesisHash,
    blocksUntilDelta: Math.max(0, p.deltaMinAlphaBlocks - newAlpha.height),
  };
}
