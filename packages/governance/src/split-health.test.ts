import { describe, expect, it } from 'vitest';
import { committeeOf, gov, governors, val, validators, vote } from './_test/fixtures';
import type { SideObservation, SplitHealthParameters } from './split-health';
import { splitHealth } from './split-health';
import { computeTally } from './tally';
import type { BlockTime } from './types';

const NOW = 10_000;

/** `n` blocks ending at `last` height and timestamp, `dt` seconds apart. */
function blocks(n: number, last: number, lastTime: number, dt = 10): BlockTime[] {
  return Array.from({ length: n }, (_, i) => ({
    height: last - (n - 1 - i),
    timestamp: lastTime - (n - 1 - i) * dt,
  }));
}

// gov0, gov1, val0 voted Yes; gov2, val1 voted No; val2 did not vote.
const tally = computeTally({
  votes: [vote(gov(0), 1), vote(gov(1), 1), vote(val(0), 1), vote(gov(2), 2), vote(val(1), 2)],
  governors: governors(3),
  committee: committeeOf([...governors(3), ...validators(3)]),
});

const side = (o: Partial<SideObservation> = {}): SideObservation => ({
  genesisHash: 'ab1x',
  blocks: blocks(10, 100, NOW - 5),
  authors: [],
  ...o,
});

const base: SplitHealthParameters = {
  now: NOW,
  expectedIntervalMs: 10_000,
  expected: { alphaGenesisHash: 'ab1newalpha', deltaGenesisHash: 'ab1newdelta' },
  targetNetwork: 1,
  tally,
  alpha: {
    old: side({ genesisHash: 'ab1oldalpha', authors: [gov(2), val(1), val(2)] }),
    new: side({ genesisHash: 'ab1newalpha', authors: [gov(0), gov(1), val(0)] }),
  },
  delta: {},
};

describe('splitHealth', () => {
  it('a clean split raises no alert', () => {
    const h = splitHealth(base);
    expect(h.alerts).toEqual([]);
    expect(h.alpha.new).toMatchObject({
      status: 'producing',
      genesis: 'matched',
      defectors: [],
      ageSeconds: 5,
      medianMs: 10_000,
    });
    expect(h.alpha.old).toMatchObject({ status: 'producing', genesis: 'not_checked' });
    expect(h.delta).toEqual({ old: null, new: null });
  });

  it.each([
    { name: 'producing', obs: { blocks: blocks(10, 100, NOW - 20) }, status: 'producing' },
    {
      name: 'slow: last block older than 2 intervals',
      obs: { blocks: blocks(10, 100, NOW - 21) },
      status: 'slow',
    },
    {
      name: 'slow: median interval above 2 expected',
      obs: { blocks: blocks(10, 100, NOW, 25) },
      status: 'slow',
    },
    {
      name: 'stalled at exactly 5 intervals is still slow',
      obs: { blocks: blocks(10, 100, NOW - 50) },
      status: 'slow',
    },
    {
      name: 'stalled: last block older than 5 intervals',
      obs: { blocks: blocks(10, 100, NOW - 51) },
      status: 'stalled',
    },
    {
      name: 'not started: genesis only',
      obs: { blocks: [{ height: 0, timestamp: NOW - 1_000 }] },
      status: 'not_started',
    },
    { name: 'not started: no blocks', obs: { blocks: [] }, status: 'not_started' },
  ])('status $name', ({ obs, status }) => {
    const h = splitHealth({
      ...base,
      alpha: { old: base.alpha.old, new: side({ genesisHash: 'ab1newalpha', ...obs }) },
    });
    expect(h.alpha.new?.status).toBe(status);
  });

  it('raises a stall alert with the age', () => {
    const h = splitHealth({
      ...base,
      alpha: { ...base.alpha, old: side({ blocks: blocks(5, 1_000, NOW - 300) }) },
    });
    expect(h.alerts).toEqual([{ code: 'stalled', chain: 'alpha', side: 'old', ageSeconds: 300 }]);
  });

  it('flags a new Alpha genesis that is not the expected one', () => {
    const h = splitHealth({
      ...base,
      alpha: { ...base.alpha, new: side({ genesisHash: 'ab1evil', authors: [] }) },
    });
    expect(h.alpha.new?.genesis).toBe('mismatched');
    expect(h.alerts).toEqual([
      { code: 'genesis_mismatch', chain: 'alpha', expected: 'ab1newalpha', actual: 'ab1evil' },
    ]);
  });

  it('finds defectors on both sides and validators authoring on both at once', () => {
    const h = splitHealth({
      ...base,
      alpha: {
        old: side({ authors: [gov(0), gov(2), val(2)] }), // gov0 voted Yes
        new: side({ genesisHash: 'ab1newalpha', authors: [gov(0), gov(1), val(1), val(2)] }), // val1 voted No
      },
    });
    expect(h.alpha.old?.defectors).toEqual([{ address: gov(0), kind: 'yes_on_old' }]);
    expect(h.alpha.new?.defectors).toEqual([{ address: val(1), kind: 'no_on_new' }]);
    expect(h.bothSides.alpha).toEqual([gov(0), val(2)]);
    expect(h.alerts.map((a) => a.code)).toEqual(['defectors', 'defectors', 'double_authoring']);
  });

  it.each([
    {
      name: 'matching Delta',
      delta: {},
      genesis: 'matched',
      alphaReference: 'matched',
      alerts: [],
    },
    {
      name: 'Delta genesis mismatch',
      delta: { genesisHash: 'ab1bad' },
      genesis: 'mismatched',
      alphaReference: 'matched',
      alerts: ['genesis_mismatch'],
    },
    {
      name: 'Delta names the old Alpha',
      delta: { alphaGenesisHash: 'ab1oldalpha' },
      genesis: 'matched',
      alphaReference: 'mismatched',
      alerts: ['delta_rogue'],
    },
    {
      name: 'Delta names the wrong network',
      delta: { alphaNetworkId: 2 },
      genesis: 'matched',
      alphaReference: 'mismatched',
      alerts: ['delta_rogue'],
    },
  ])('new Delta: $name', ({ delta, genesis, alphaReference, alerts }) => {
    const h = splitHealth({
      ...base,
      delta: {
        old: side({ authors: [val(1)] }),
        new: {
          ...side({ genesisHash: 'ab1newdelta', authors: [val(0)] }),
          alphaGenesisHash: 'ab1newalpha',
          alphaNetworkId: 1,
          ...delta,
        },
      },
    });
    expect(h.delta.new).toMatchObject({ genesis, alphaReference });
    expect(h.alerts.map((a) => a.code)).toEqual(alerts);
  });

  it('checks Delta against the new Alpha actually observed', () => {
    const h = splitHealth({
      ...base,
      alpha: { new: side({ genesisHash: 'ab1seen' }) },
      delta: {
        new: {
          ...side({ genesisHash: 'ab1newdelta' }),
          alphaGenesisHash: 'ab1newalpha',
          alphaNetworkId: 1,
        },
      },
    });
    expect(h.delta.new?.alphaReference).toBe('mismatched');
  });
});
