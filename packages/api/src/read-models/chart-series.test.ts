import { tallyHistory } from '@ratify/governance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartSeriesOf } from './proposal-page';

type History = Parameters<typeof chartSeriesOf>[0];

const history = (points: History['points']): History => ({
  points,
  governors: 10,
  publicMembers: 40,
  supermajorityRequired: 7,
  minGovernorValidators: 3,
  minPublicValidators: 3,
});
const point = (height: number, governorYes: number): History['points'][number] => ({
  height,
  governorYes,
  governorNo: 0,
  governorAbstain: 0,
  publicYes: height % 7,
  publicNo: 0,
  publicAbstain: 0,
  governorYesBps: governorYes * 1000,
  approved: false,
});

describe("the tally chart's series", () => {
  it('are the history in columns when it is short', () => {
    const h = history([point(10, 0), point(12, 1), point(20, 2)]);
    expect(chartSeriesOf(h)).toEqual({
      governors: 10,
      publicMembers: 40,
      supermajorityRequired: 7,
      minGovernorValidators: 3,
      minPublicValidators: 3,
      changes: 3,
      height: [10, 12, 20],
      governorYes: [0, 1, 2],
      governorYesBps: [0, 1000, 2000],
      publicYes: [3, 5, 6],
    });
  });

  it('keep at most the cap, the first and the last point, each a point of the history', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 3_000 }),
        fc.integer({ min: 2, max: 700 }),
        (heights, cap) => {
          const sorted = [...heights].sort((a, b) => a - b);
          const h = history(sorted.map((height, i) => point(height, i % 11)));
          const s = chartSeriesOf(h, cap);
          expect(s.height.length).toBeLessThanOrEqual(Math.max(cap, 1));
          expect(s.height[0]).toBe(sorted[0]);
          expect(s.height[s.height.length - 1]).toBe(sorted[sorted.length - 1]);
          const byHeight = new Map(h.points.map((p) => [p.height, p]));
          s.height.forEach((height, i) => {
            const p = byHeight.get(height);
            expect(p?.governorYes).toBe(s.governorYes[i]);
            expect(p?.publicYes).toBe(s.publicYes[i]);
          });
          // Heights still rise, so the steps draw in order.
          for (let i = 1; i < s.height.length; i++)
            expect(s.height[i]).toBeGreaterThan(s.height[i - 1] as number);
          expect(s.changes).toBe(sorted.length);
        },
      ),
    );
  });

  it('draw a proposal with 10,000 votes in 600 points', () => {
    const governors = Array.from({ length: 50 }, (_, i) => `g${i}`);
    const committee = [...governors, ...Array.from({ length: 450 }, (_, i) => `p${i}`)].map(
      (address) => ({ address, stake: 1n }),
    );
    const votes = Array.from({ length: 10_000 }, (_, i) => ({
      proposalId: 1n,
      voter: committee[(i * 7) % 500]?.address as string,
      choice: (1 + (i % 3)) as 1 | 2 | 3,
      height: 100 + i,
      index: 0,
      transactionId: `at${i}`,
    }));
    const full = tallyHistory({
      votes,
      governors,
      committee,
      thresholds: {
        minGovernorValidators: 3,
        minPublicValidators: 3,
      } as never,
      proposalId: 1n,
    });
    const s = chartSeriesOf(full);
    expect(full.points.length).toBeGreaterThan(5_000);
    expect(s.height.length).toBeLessThanOrEqual(600);
    expect(JSON.stringify(s).length).toBeLessThan(15_000);
    const last = full.points[full.points.length - 1];
    expect(s.governorYes[s.governorYes.length - 1]).toBe(last?.governorYes);
  });
});
