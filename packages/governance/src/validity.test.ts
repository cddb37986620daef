import { describe, expect, it } from 'vitest';
import { gov, governors, proposal } from './_test/fixtures';
import type { ValidityContext } from './validity';
import { proposalValidity } from './validity';

const ctx: ValidityContext = {
  network: 2,
  governorsAtCreation: governors(3),
  earlierProposalIds: [1n, 2n],
};

describe('proposalValidity', () => {
  it.each([
    { name: 'canary -> testnet', p: {} },
    { name: 'canary -> mainnet', p: { targetNetwork: 0 } },
    {
      name: 'testnet -> mainnet on testnet',
      p: { sourceNetwork: 1, targetNetwork: 0 },
      c: { network: 1 },
    },
    {
      name: 'tightest heights',
      p: { createdAtHeight: 0, votingEndsHeight: 1, activationHeight: 2 },
    },
    { name: 'largest u32 activation', p: { activationHeight: 0xffff_ffff } },
  ])('valid: $name', ({ p, c }) => {
    expect(proposalValidity(proposal(p), { ...ctx, ...c })).toEqual({ valid: true });
  });

  it.each([
    {
      name: 'source is not this network',
      p: { sourceNetwork: 1, targetNetwork: 0 },
      codes: ['wrong_source_network'],
    },
    { name: 'target equals source', p: { targetNetwork: 2 }, codes: ['network_not_decreasing'] },
    {
      name: 'target above source',
      p: { sourceNetwork: 1, targetNetwork: 2 },
      c: { network: 1 },
      codes: ['network_not_decreasing'],
    },
    {
      name: 'mainnet is terminal',
      p: { sourceNetwork: 0, targetNetwork: 0 },
      c: { network: 0 },
      codes: ['mainnet_terminal'],
    },
    {
      name: 'mainnet to testnet',
      p: { sourceNetwork: 0, targetNetwork: 1 },
      c: { network: 0 },
      codes: ['mainnet_terminal'],
    },
    {
      name: 'unknown target network',
      p: { sourceNetwork: 2, targetNetwork: 3 },
      codes: ['unknown_network', 'network_not_decreasing'],
    },
    {
      name: 'unknown source network',
      p: { sourceNetwork: 9, targetNetwork: 1 },
      c: { network: 9 },
      codes: ['unknown_network'],
    },
    {
      name: 'voting ends at creation',
      p: { createdAtHeight: 500, votingEndsHeight: 500 },
      codes: ['voting_ends_not_after_creation'],
    },
    {
      name: 'voting ends before creation',
      p: { createdAtHeight: 501 },
      codes: ['voting_ends_not_after_creation'],
    },
    {
      name: 'activation at voting end',
      p: { activationHeight: 500 },
      codes: ['activation_not_after_voting_end'],
    },
    {
      name: 'activation before voting end',
      p: { activationHeight: 499 },
      codes: ['activation_not_after_voting_end'],
    },
    {
      name: 'all heights equal',
      p: { createdAtHeight: 5, votingEndsHeight: 5, activationHeight: 5 },
      codes: ['voting_ends_not_after_creation', 'activation_not_after_voting_end'],
    },
    {
      name: 'proposer is not a governor',
      p: { proposer: 'stranger' },
      codes: ['proposer_not_governor'],
    },
    { name: 'proposal id reused', p: { proposalId: 2n }, codes: ['duplicate_proposal_id'] },
    { name: 'u32 overflow', p: { activationHeight: 2 ** 32 }, codes: ['out_of_range'] },
    { name: 'negative height', p: { createdAtHeight: -1 }, codes: ['out_of_range'] },
    { name: 'fractional minimum', p: { minGovernorValidators: 1.5 }, codes: ['out_of_range'] },
    {
      name: 'hash beyond the field',
      p: { alphaExpectedHash: 2n ** 254n },
      codes: ['out_of_range'],
    },
    {
      name: 'several faults at once',
      p: { sourceNetwork: 1, targetNetwork: 1, proposer: gov(9), activationHeight: 10 },
      codes: [
        'wrong_source_network',
        'network_not_decreasing',
        'activation_not_after_voting_end',
        'proposer_not_governor',
      ],
    },
  ])('invalid: $name', ({ p, c, codes }) => {
    const result = proposalValidity(proposal(p), { ...ctx, ...c });
    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('gives a message and the numbers with each reason', () => {
    expect(proposalValidity(proposal({ targetNetwork: 2 }), ctx)).toEqual({
      valid: false,
      reasons: [
        {
          code: 'network_not_decreasing',
          sourceNetwork: 2,
          targetNetwork: 2,
          message: 'network ids only go down: 2 -> 2',
        },
      ],
    });
  });

  it('skips the checks whose context is missing', () => {
    expect(proposalValidity(proposal({ proposer: 'stranger', proposalId: 1n }))).toEqual({
      valid: true,
    });
  });
});
