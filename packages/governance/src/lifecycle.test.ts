import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeOf, governors, proposal, votesFrom } from './_test/fixtures';
import { evaluateApproval } from './approval';
import type { LifecycleInput, LifecycleState } from './lifecycle';
import { lifecycle } from './lifecycle';
import { computeTally } from './tally';
import { proposalValidity } from './validity';

// votingEndsHeight 500, activationHeight 1000, targetNetwork 1, deltaMinAlphaBlocks 10.
const p = proposal({ minGovernorValidators: 2, minPublicValidators: 0 });
const approvedTally = computeTally({
  votes: votesFrom(governors(3), 1),
  governors: governors(3),
  committee: committeeOf([]),
});
const rejectedTally = computeTally({
  votes: votesFrom(governors(2), 1),
  governors: governors(3),
  committee: committeeOf([]),
});
const approved = evaluateApproval(approvedTally, p);
const rejected = evaluateApproval(rejectedTally, p);
const expected = { alphaGenesisHash: 'ab1alpha', deltaGenesisHash: 'ab1delta' };
const goodAlpha = { genesisHash: 'ab1alpha', height: 5 };
const goodDelta = {
  genesisHash: 'ab1delta',
  height: 3,
  alphaGenesisHash: 'ab1alpha',
  alphaNetworkId: 1,
};

const base: LifecycleInput = {
  proposal: p,
  validity: { valid: true },
  approval: approved,
  sourceHeight: 100,
  expected,
};
const at = (o: Partial<LifecycleInput>): LifecycleInput => ({ ...base, ...o });

describe('lifecycle', () => {
  it.each<{ name: string; input: LifecycleInput; expected: object }>([
    {
      name: 'invalid proposal',
      input: at({ validity: proposalValidity(proposal({ targetNetwork: 2 })) }),
      expected: { state: 'invalid', reasons: [{ code: 'network_not_decreasing' }] },
    },
    {
      name: 'invalid wins over any height',
      input: at({
        validity: { valid: false, reasons: [] },
        sourceHeight: 5_000,
        newAlpha: goodAlpha,
      }),
      expected: { state: 'invalid' },
    },
    {
      name: 'voting',
      input: at({ sourceHeight: 100 }),
      expected: { state: 'voting', blocksLeft: 400, approvedSoFar: true },
    },
    {
      name: 'voting, one block left',
      input: at({ sourceHeight: 499, approval: rejected }),
      expected: { state: 'voting', blocksLeft: 1, approvedSoFar: false },
    },
    {
      name: 'rejected once the last voting block exists',
      input: at({ sourceHeight: 500, approval: rejected }),
      expected: {
        state: 'rejected',
        votingEndsHeight: 500,
        failed: [{ id: 'supermajority', actual: 2, required: 3 }],
      },
    },
    {
      name: 'rejected stays rejected after activation height',
      input: at({ sourceHeight: 2_000, approval: rejected }),
      expected: { state: 'rejected' },
    },
    {
      name: 'approved, awaiting activation',
      input: at({ sourceHeight: 500 }),
      expected: { state: 'approved', activationHeight: 1_000, blocksLeft: 500 },
    },
    {
      name: 'approved, one block before activation',
      input: at({ sourceHeight: 999 }),
      expected: { state: 'approved', blocksLeft: 1 },
    },
    {
      name: 'activating at activation height',
      input: at({ sourceHeight: 1_000 }),
      expected: { state: 'activating', sourceHeight: 1_000, newAlphaGenesisHash: null },
    },
    {
      name: 'activating: new genesis only',
      input: at({ sourceHeight: 1_000, newAlpha: { genesisHash: 'ab1alpha', height: 0 } }),
      expected: { state: 'activating', newAlphaGenesisHash: 'ab1alpha' },
    },
    {
      name: 'activating within the start timeout',
      input: at({ sourceHeight: 1_000, activatedAt: 10_000, now: 10_600 }),
      expected: { state: 'activating' },
    },
    {
      name: 'halted: new Alpha not producing after the timeout',
      input: at({ sourceHeight: 1_000, activatedAt: 10_000, now: 10_601 }),
      expected: { state: 'halted', reasons: [{ code: 'alpha_not_producing', waitedSeconds: 601 }] },
    },
    {
      name: 'halted: custom start timeout',
      input: at({ sourceHeight: 1_000, activatedAt: 10_000, now: 10_061, startTimeoutSeconds: 60 }),
      expected: { state: 'halted' },
    },
    {
      name: 'halted: new Alpha genesis mismatch',
      input: at({ sourceHeight: 1_000, newAlpha: { genesisHash: 'ab1other', height: 0 } }),
      expected: {
        state: 'halted',
        reasons: [{ code: 'alpha_hash_mismatch', expected: 'ab1alpha', actual: 'ab1other' }],
      },
    },
    {
      name: 'split',
      input: at({ sourceHeight: 1_001, newAlpha: goodAlpha }),
      expected: { state: 'split', newAlphaHeight: 5, blocksUntilDelta: 5 },
    },
    {
      name: 'split: new Alpha seen before the source node reaches activation',
      input: at({ sourceHeight: 990, newAlpha: goodAlpha }),
      expected: { state: 'split' },
    },
    {
      name: 'split, Delta due',
      input: at({ sourceHeight: 1_001, newAlpha: { ...goodAlpha, height: 12 } }),
      expected: { state: 'split', blocksUntilDelta: 0 },
    },
    {
      name: 'split: Delta genesis only',
      input: at({
        sourceHeight: 1_001,
        newAlpha: goodAlpha,
        newDelta: { ...goodDelta, height: 0 },
      }),
      expected: { state: 'split' },
    },
    {
      name: 'halted: new Alpha stalled',
      input: at({ sourceHeight: 1_001, newAlpha: { ...goodAlpha, stalled: true } }),
      expected: { state: 'halted', reasons: [{ code: 'alpha_stalled', height: 5 }] },
    },
    {
      name: 'delta upgraded',
      input: at({ sourceHeight: 1_001, newAlpha: goodAlpha, newDelta: goodDelta }),
      expected: { state: 'delta_upgraded', newAlphaHeight: 5, newDeltaHeight: 3 },
    },
    {
      name: 'halted: Delta genesis mismatch',
      input: at({
        sourceHeight: 1_001,
        newAlpha: goodAlpha,
        newDelta: { ...goodDelta, genesisHash: 'ab1x' },
      }),
      expected: { state: 'halted', reasons: [{ code: 'delta_hash_mismatch' }] },
    },
    {
      name: 'halted: rogue Delta names another Alpha',
      input: at({
        sourceHeight: 1_001,
        newAlpha: goodAlpha,
        newDelta: { ...goodDelta, alphaGenesisHash: 'ab1old' },
      }),
      expected: { state: 'halted', reasons: [{ code: 'delta_rogue', alphaGenesisHash: 'ab1old' }] },
    },
    {
      name: 'halted: rogue Delta names another network',
      input: at({
        sourceHeight: 1_001,
        newAlpha: goodAlpha,
        newDelta: { ...goodDelta, alphaNetworkId: 2 },
      }),
      expected: { state: 'halted', reasons: [{ code: 'delta_rogue', alphaNetworkId: 2 }] },
    },
    {
      name: 'halted: Delta stalled',
      input: at({
        sourceHeight: 1_001,
        newAlpha: goodAlpha,
        newDelta: { ...goodDelta, stalled: true },
      }),
      expected: { state: 'halted', reasons: [{ code: 'delta_stalled' }] },
    },
    {
      name: 'halted lists every reason',
      input: at({
        sourceHeight: 1_001,
        newAlpha: { genesisHash: 'ab1bad', height: 0 },
        newDelta: { ...goodDelta, genesisHash: 'ab1bad2' },
        activatedAt: 0,
        now: 1_000,
      }),
      expected: {
        state: 'halted',
        reasons: [
          { code: 'alpha_hash_mismatch' },
          { code: 'alpha_not_producing' },
          { code: 'delta_hash_mismatch' },
          { code: 'delta_rogue' },
        ],
      },
    },
  ])('$name', ({ input, expected }) => {
    expect(lifecycle(input)).toMatchObject(expected);
  });

  it('is total: any heights and observations land in exactly one known state', () => {
    const states: LifecycleState[] = [
      'invalid',
      'voting',
      'approved',
      'rejected',
      'activating',
      'split',
      'delta_upgraded',
      'halted',
    ];
    const hash = fc.constantFrom('ab1alpha', 'ab1delta', 'ab1other');
    const obs = fc.record({ genesisHash: hash, height: fc.nat(50), stalled: fc.boolean() });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.nat(3_000),
        fc.option(obs, { nil: undefined }),
        fc.option(
          fc.record({
            genesisHash: hash,
            height: fc.nat(50),
            stalled: fc.boolean(),
            alphaGenesisHash: hash,
            alphaNetworkId: fc.nat(2),
          }),
          { nil: undefined },
        ),
        fc.option(fc.nat(2_000), { nil: undefined }),
        (valid, ok, sourceHeight, newAlpha, newDelta, now) => {
          const result = lifecycle({
            ...base,
            validity: valid ? { valid: true } : { valid: false, reasons: [] },
            approval: ok ? approved : rejected,
            sourceHeight,
            ...(newAlpha ? { newAlpha } : {}),
            ...(newDelta ? { newDelta } : {}),
            ...(now === undefined ? {} : { now, activatedAt: 0 }),
          });
          expect(states).toContain(result.state);
        },
      ),
    );
  });
});
