import type { GovernorSet, NetworkId, ProposalTerms } from './types';
import { MAINNET } from './types';

/** Facts about the chain a proposal was submitted on. Checks whose fact is absent are skipped. */
export interface ValidityContext {
  /** Network id of the Alpha chain that holds the proposal. */
  network?: NetworkId;
  /** Governor set at `created_at_height`: the proposer must be in it. */
  governorsAtCreation?: GovernorSet;
  /** Ids of proposals submitted earlier; an id may be used once. */
  earlierProposalIds?: Iterable<bigint>;
}

export type InvalidReason =
  | { code: 'out_of_range'; field: keyof ProposalTerms; value: number | bigint; message: string }
  | {
      code: 'unknown_network';
      field: 'sourceNetwork' | 'targetNetwork';
      value: number;
      message: string;
    }
  | { code: 'wrong_source_network'; sourceNetwork: number; network: number; message: string }
  | { code: 'mainnet_terminal'; message: string }
  | {
      code: 'network_not_decreasing';
      sourceNetwork: number;
      targetNetwork: number;
      message: string;
    }
  | {
      code: 'voting_ends_not_after_creation';
      createdAtHeight: number;
      votingEndsHeight: number;
      message: string;
    }
  | {
      code: 'activation_not_after_voting_end';
      votingEndsHeight: number;
      activationHeight: number;
      message: string;
    }
  | { code: 'proposer_not_governor'; proposer: string; message: string }
  | { code: 'duplicate_proposal_id'; proposalId: bigint; message: string };

export type InvalidReasonCode = InvalidReason['code'];

export type ProposalValidity = { valid: true } | { valid: false; reasons: InvalidReason[] };

const KNOWN_NETWORKS: readonly number[] = [0, 1, 2];
const U16_MAX = 0xffff;
const U32_MAX = 0xffff_ffff;
const FIELD_MODULUS = 8444461749428370424248824938781546531375899335154063827935233455917409239041n;

const U16_FIELDS = ['sourceNetwork', 'targetNetwork'] as const;
const U32_FIELDS = [
  'activationHeight',
  'deltaMinAlphaBlocks',
  'minGovernorValidators',
  'minPublicValidators',
  'governorYesVotes',
  'governorNoVotes',
  'publicYesVotes',
  'publicNoVotes',
  'createdAtHeight',
  'votingEndsHeight',
] as const;
const FIELD_FIELDS = [
  'proposalId',
  'alphaExpectedHash',
  'alphaParamsHash',
  'deltaExpectedHash',
  'deltaParamsHash',
] as const;

/**
 * The checks `submit_network_upgrade` makes in finalize, applied again by the reader: a
 * proposal that fails any of them is shown with every reason and never counted.
 */
export function proposalValidity(p: ProposalTerms, ctx: ValidityContext = {}): ProposalValidity {
  const reasons: InvalidReason[] = [...rangeReasons(p)];

  for (const field of U16_FIELDS) {
    const value = p[field];
    if (!KNOWN_NETWORKS.includes(value)) {
      reasons.push({
        code: 'unknown_network',
        field,
        value,
        message: `${field} ${value} is not a known network id`,
      });
    }
  }
  if (ctx.network !== undefined && p.sourceNetwork !== ctx.network) {
    reasons.push({
      code: 'wrong_source_network',
      sourceNetwork: p.sourceNetwork,
      network: ctx.network,
      message: `source network ${p.sourceNetwork} is not this chain's network ${ctx.network}`,
    });
  }
  if (p.sourceNetwork === MAINNET) {
    reasons.push({
      code: 'mainnet_terminal',
      message: 'mainnet is terminal: it cannot upgrade to another network',
    });
  } else if (p.targetNetwork >= p.sourceNetwork) {
    reasons.push({
      code: 'network_not_decreasing',
      sourceNetwork: p.sourceNetwork,
      targetNetwork: p.targetNetwork,
      message: `network ids only go down: ${p.sourceNetwork} -> ${p.targetNetwork}`,
    });
  }
  if (!(p.createdAtHeight < p.votingEndsHeight)) {
    reasons.push({
      code: 'voting_ends_not_after_creation',
      createdAtHeight: p.createdAtHeight,
      votingEndsHeight: p.votingEndsHeight,
      message: `voting ends at ${p.votingEndsHeight}, not after creation at ${p.createdAtHeight}`,
    });
  }
  if (!(p.votingEndsHeight < p.activationHeight)) {
    reasons.push({
      code: 'activation_not_after_voting_end',
      votingEndsHeight: p.votingEndsHeight,
      activationHeight: p.activationHeight,
      message: `activation at ${p.activationHeight} is not after voting ends at ${p.votingEndsHeight}`,
    });
  }
  if (ctx.governorsAtCreation !== undefined && !ctx.governorsAtCreation.includes(p.proposer)) {
    reasons.push({
      code: 'proposer_not_governor',
      proposer: p.proposer,
      message: `proposer ${p.proposer} was not a governor`,
    });
  }
  if (ctx.earlierProposalIds !== undefined && new Set(ctx.earlierProposalIds).has(p.proposalId)) {
    reasons.push({
      code: 'duplicate_proposal_id',
      proposalId: p.proposalId,
      message: `proposal id ${p.proposalId} was already used`,
    });
  }
  return reasons.length === 0 ? { valid: true } : { valid: false, reasons };
}

function rangeReasons(p: ProposalTerms): InvalidReason[] {
  const out: InvalidReason[] = [];
  const check = (field: keyof ProposalTerms, value: number | bigint, ok: boolean, type: string) => {
    if (!ok)
      out.push({
        code: 'out_of_range',
        field,
        value,
        message: `${field} ${value} is not a ${type}`,
      });
  };
  for (const f of U16_FIELDS)
    check(f, p[f], Number.isInteger(p[f]) && p[f] >= 0 && p[f] <= U16_MAX, 'u16');
  for (const f of U32_FIELDS)
    check(f, p[f], Number.isInteger(p[f]) && p[f] >= 0 && p[f] <= U32_MAX, 'u32');
  for (const f of FIELD_FIELDS) check(f, p[f], p[f] >= 0n && p[f] < FIELD_MODULUS, 'field element');
  return out;
}
