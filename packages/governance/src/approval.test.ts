import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeOf, governors, validators, votesFrom } from './_test/fixtures';
import { distanceToApproval, evaluateApproval, supermajorityRequired } from './approval';
import { computeTally } from './tally';

/** A tally with `G` governors of which `gy` vote Yes and `gn` No, and `P` public validators of which `py` vote Yes. */
function tallyOf({
  G,
  gy,
  gn = 0,
  P = 0,
  py = 0,
  pn = 0,
}: {
  G: number;
  gy: number;
  gn?: number;
  P?: number;
  py?: number;
  pn?: number;
}) {
  const gs = governors(G);
  const vs = validators(P);
  return computeTally({
    votes: [
      ...votesFrom(gs.slice(0, gy), 1),
      ...votesFrom(gs.slice(gy, gy + gn), 2),
      ...votesFrom(vs.slice(0, py), 1),
      ...votesFrom(vs.slice(py, py + pn), 2),
    ],
    governors: gs,
    committee: committeeOf(vs),
  });
}

const noMinimums = { minGovernorValidators: 0, minPublicValidators: 0 };

describe('evaluateApproval: supermajority 100*gy >= 67*G', () => {
  it.each([
    { G: 3, gy: 2, ok: false, required: 3 }, // 66.66…%
    { G: 3, gy: 3, ok: true, required: 3 },
    { G: 100, gy: 67, ok: true, required: 67 },
    { G: 100, gy: 66, ok: false, required: 67 },
    { G: 1, gy: 1, ok: true, required: 1 },
    { G: 1, gy: 0, ok: false, required: 1 },
    { G: 0, gy: 0, ok: true, required: 0 }, // the rule as written holds with no governors
    { G: 4, gy: 3, ok: true, required: 3 }, // 75%
    { G: 6, gy: 4, ok: false, required: 5 }, // 66.66…%
    { G: 7, gy: 5, ok: true, required: 5 }, // 71%
    { G: 200, gy: 134, ok: true, required: 134 },
    { G: 200, gy: 133, ok: false, required: 134 },
  ])('G=$G gy=$gy -> $ok', ({ G, gy, ok, required }) => {
    const [supermajority] = evaluateApproval(tallyOf({ G, gy }), noMinimums).conditions;
    expect(supermajority).toMatchObject({
      id: 'supermajority',
      ok,
      actual: gy,
      required,
      governors: G,
    });
  });

  it('agrees with the rule in exact integers for any G and gy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.nat(), (G, n) => {
        const gy = n % (G + 1);
        const required = supermajorityRequired(G);
        expect(100n * BigInt(required) >= 67n * BigInt(G)).toBe(true);
        expect(required === 0 || 100n * BigInt(required - 1) < 67n * BigInt(G)).toBe(true);
        expect(gy >= required).toBe(100n * BigInt(gy) >= 67n * BigInt(G));
      }),
    );
  });

  it('reports the share in basis points for display', () => {
    const [s] = evaluateApproval(tallyOf({ G: 3, gy: 2 }), noMinimums).conditions;
    expect(s.shareBps).toBe(6666);
    const [empty] = evaluateApproval(tallyOf({ G: 0, gy: 0 }), noMinimums).conditions;
    expect(empty.shareBps).toBeNull();
  });
});

describe('evaluateApproval: minimums and the overall verdict', () => {
  it.each([
    {
      name: 'all met exactly',
      t: { G: 3, gy: 3, P: 5, py: 2 },
      min: [3, 2],
      approved: true,
      failing: [],
    },
    {
      name: 'governor minimum one short',
      t: { G: 10, gy: 7, P: 5, py: 2 },
      min: [8, 2],
      approved: false,
      failing: ['min_governors'],
    },
    {
      name: 'public minimum one short',
      t: { G: 3, gy: 3, P: 5, py: 1 },
      min: [3, 2],
      approved: false,
      failing: ['min_public'],
    },
    {
      name: 'supermajority short, minimums met',
      t: { G: 3, gy: 2, P: 5, py: 2 },
      min: [2, 2],
      approved: false,
      failing: ['supermajority'],
    },
    {
      name: 'everything short',
      t: { G: 3, gy: 0, P: 5, py: 0 },
      min: [1, 1],
      approved: false,
      failing: ['supermajority', 'min_governors', 'min_public'],
    },
    {
      name: 'zero minimums',
      t: { G: 3, gy: 3, P: 0, py: 0 },
      min: [0, 0],
      approved: true,
      failing: [],
    },
    {
      name: 'minimum above G can never pass',
      t: { G: 3, gy: 3, P: 0 },
      min: [4, 0],
      approved: false,
      failing: ['min_governors'],
    },
  ])('$name', ({ t, min, approved, failing }) => {
    const [minGovernorValidators = 0, minPublicValidators = 0] = min;
    const result = evaluateApproval(tallyOf(t), { minGovernorValidators, minPublicValidators });
    expect(result.approved).toBe(approved);
    expect(result.conditions.filter((c) => !c.ok).map((c) => c.id)).toEqual(failing);
  });

  it('reports each condition with its numbers', () => {
    const result = evaluateApproval(tallyOf({ G: 10, gy: 7, P: 5, py: 1 }), {
      minGovernorValidators: 8,
      minPublicValidators: 2,
    });
    expect(result.conditions).toEqual([
      { id: 'supermajority', ok: true, actual: 7, required: 7, governors: 10, shareBps: 7000 },
      { id: 'min_governors', ok: false, actual: 7, required: 8 },
      { id: 'min_public', ok: false, actual: 1, required: 2 },
    ]);
  });
});

describe('distanceToApproval', () => {
  it.each([
    {
      name: 'G=3 with 2 Yes needs one more governor',
      t: { G: 3, gy: 2, P: 2, py: 1 },
      min: [1, 1],
      governorYesNeeded: 1,
      publicYesNeeded: 0,
      reachable: true,
      messages: ['needs 1 more governor Yes vote', 'met', 'met'],
    },
    {
      name: 'the larger governor need covers both conditions',
      t: { G: 10, gy: 5, P: 2, py: 0 },
      min: [9, 2],
      governorYesNeeded: 4,
      publicYesNeeded: 2,
      reachable: true,
      messages: [
        'needs 2 more governor Yes votes',
        'needs 4 more governor Yes votes',
        'needs 2 more public Yes votes',
      ],
    },
    {
      name: 'unreachable when too few have not voted',
      t: { G: 3, gy: 1, gn: 1, P: 3, py: 0, pn: 2 },
      min: [0, 2],
      governorYesNeeded: 2,
      publicYesNeeded: 2,
      reachable: false,
      messages: ['needs 2 more governor Yes votes', 'met', 'needs 2 more public Yes votes'],
    },
    {
      name: 'approved',
      t: { G: 3, gy: 3, P: 1, py: 1 },
      min: [3, 1],
      governorYesNeeded: 0,
      publicYesNeeded: 0,
      reachable: true,
      messages: ['met', 'met', 'met'],
    },
  ])('$name', ({ t, min, governorYesNeeded, publicYesNeeded, reachable, messages }) => {
    const [minGovernorValidators = 0, minPublicValidators = 0] = min;
    const d = distanceToApproval(tallyOf(t), { minGovernorValidators, minPublicValidators });
    expect(d).toMatchObject({ governorYesNeeded, publicYesNeeded, reachable });
    expect(d.conditions.map((c) => c.message)).toEqual(messages);
  });

  it('tells apart reachable from non-voters and reachable only if votes change', () => {
    const d = distanceToApproval(tallyOf({ G: 3, gy: 1, gn: 1 }), noMinimums);
    expect(d.conditions[0]).toMatchObject({
      needed: 2,
      reachable: false,
      reachableWithChanges: true,
    });
    expect(d).toMatchObject({ reachable: false, reachableWithChanges: true });
  });

  it('a minimum above the body size is unreachable even with changes', () => {
    const d = distanceToApproval(tallyOf({ G: 3, gy: 3 }), {
      minGovernorValidators: 4,
      minPublicValidators: 0,
    });
    expect(d.conditions[1]).toMatchObject({
      needed: 1,
      reachable: false,
      reachableWithChanges: false,
    });
  });

  it('nothing failing is reachable once voting has ended', () => {
    const d = distanceToApproval(tallyOf({ G: 3, gy: 2 }), noMinimums, { votingOpen: false });
    expect(d).toMatchObject({
      reachable: false,
      reachableWithChanges: false,
      governorYesNeeded: 1,
    });
    const met = distanceToApproval(tallyOf({ G: 3, gy: 3 }), noMinimums, { votingOpen: false });
    expect(met.reachable).toBe(true);
  });

  it('adding the needed Yes votes approves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), fc.nat(), (G, a, b, c) => {
        const gy = a % (G + 1);
        const minGovernorValidators = b % (G + 1);
        const P = 10;
        const minPublicValidators = c % (P + 1);
        const d = distanceToApproval(tallyOf({ G, gy, P }), {
          minGovernorValidators,
          minPublicValidators,
        });
        expect(d.reachable).toBe(true);
        const after = tallyOf({ G, gy: gy + d.governorYesNeeded, P, py: d.publicYesNeeded });
        expect(
          evaluateApproval(after, { minGovernorValidators, minPublicValidators }).approved,
        ).toBe(true);
        if (d.governorYesNeeded > 0) {
          const short = tallyOf({ G, gy: gy + d.governorYesNeeded - 1, P, py: d.publicYesNeeded });
          expect(
            evaluateApproval(short, { minGovernorValidators, minPublicValidators }).approved,
          ).toBe(false);
        }
      }),
    );
  });
});
