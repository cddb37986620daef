import type { VotesPage } from '@ratify/api';
import { describe, expect, it } from 'vitest';
import { grownNewest, LIVE_ROWS, placed } from './vote-log-rows';

type Vote = VotesPage['items'][number];
const vote = (n: number, voter = `v${n}`, counted = true): Vote => ({
  voter,
  choice: 'yes',
  accepted: true,
  counted,
  height: 100 + n,
  transactionId: `tx${n}`,
  isGovernor: false,
  replaces: null,
  rejection: null,
});
/** The newest `limit` of a log of `total` votes, as the server answers. */
const newestPage = (total: number, limit: number, of = (n: number) => vote(n)): VotesPage => {
  const start = Math.max(0, total - limit);
  const items = Array.from({ length: total - start }, (_, i) => of(total - 1 - i));
  return { total, from: total, items, older: start > 0 ? start : null };
};
const ats = (rows: { at: number }[]) => rows.map((r) => r.at);

describe('the newest page of the vote log as votes arrive', () => {
  it('grows: new votes on top, the rows being read stay', () => {
    let rows = placed(newestPage(30, 3));
    expect(ats(rows)).toEqual([29, 28, 27]);
    rows = grownNewest(rows, newestPage(31, 3));
    rows = grownNewest(rows, newestPage(32, 3));
    expect(ats(rows)).toEqual([31, 30, 29, 28, 27]);
  });

  it('marks a kept vote no longer counted when its voter votes again', () => {
    const first = placed(newestPage(3, 3));
    const again = newestPage(4, 1, (n) => vote(n, n === 3 ? 'v0' : `v${n}`));
    const rows = grownNewest(first, again);
    expect(rows.map((r) => [r.vote.voter, r.vote.counted])).toEqual([
      ['v0', true],
      ['v2', true],
      ['v1', true],
      ['v0', false],
    ]);
  });

  it('starts again after a rewind or a gap, and stops growing at its bound', () => {
    const rows = placed(newestPage(30, 3));
    expect(ats(grownNewest(rows, newestPage(29, 3)))).toEqual([28, 27, 26]);
    expect(ats(grownNewest(rows, newestPage(40, 3)))).toEqual([39, 38, 37]);
    let grown = placed(newestPage(200, 25));
    for (let total = 201; total < 300; total++) grown = grownNewest(grown, newestPage(total, 25));
    expect(grown).toHaveLength(LIVE_ROWS);
    expect(grown[0]?.at).toBe(298);
  });
});
