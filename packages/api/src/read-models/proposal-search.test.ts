import { describe, expect, it } from 'vitest';
import { productionState } from './overview';
import { matchesQuery, parseProposalSearch } from './proposal-search';

describe('parseProposalSearch', () => {
  it('gives defaults for an empty query string and treats empty fields as absent', () => {
    expect(parseProposalSearch({})).toEqual({
      ok: true,
      search: { sort: 'newest', page: 1, per: 20 },
    });
    expect(parseProposalSearch({ phase: '', q: '  ', sort: '', page: '' })).toEqual({
      ok: true,
      search: { sort: 'newest', page: 1, per: 20 },
    });
  });

  it('reads every field', () => {
    expect(
      parseProposalSearch({
        phase: 'voting',
        q: ' ax1abc ',
        sort: 'activation',
        page: '3',
        per: '5',
      }),
    ).toEqual({
      ok: true,
      search: { phase: 'voting', q: 'ax1abc', sort: 'activation', page: 3, per: 5 },
    });
  });

  it.each([
    [
      { phase: 'bogus' },
      'phase must be one of voting, approved, activating, split, delta_upgraded, rejected, invalid, halted',
    ],
    [{ sort: 'size' }, 'sort must be one of newest, oldest, activation, voting-ends'],
    [{ page: '0' }, 'page must be at least 1'],
    [{ page: 'two' }, 'page must be a whole number'],
    [{ page: '1.5' }, 'page must be a whole number'],
    [{ per: '1000' }, 'per must be at most 100'],
    [{ q: 'x'.repeat(101) }, 'q must be at most 100 characters'],
    [{ phase: ['voting', 'rejected'] }, 'phase is given more than once'],
    [
      { phase: 'nope', page: '-1' },
      'phase must be one of voting, approved, activating, split, delta_upgraded, rejected, invalid, halted; page must be at least 1',
    ],
  ])('refuses %j with a clear message', (params, message) => {
    expect(parseProposalSearch(params)).toEqual({ ok: false, message });
  });
});

describe('matchesQuery', () => {
  const p = { proposalId: '1234567890', proposer: 'ax1governorxyz' };
  it.each([
    ['4567', true],
    ['1234567890field', true],
    ['AX1GOVERNOR', true],
    ['999', false],
    ['ax1other', false],
  ])('%s: %s', (q, expected) => {
    expect(matchesQuery(p, q)).toBe(expected);
  });
});

describe('productionState', () => {
  const stall = (ageSeconds: number, stalled = false) => ({
    stalled,
    ageSeconds,
    thresholdSeconds: 10,
  });
  it.each([
    [0, null, 'not_started'],
    [5, null, 'unknown'],
    [5, stall(2), 'producing'],
    [5, stall(5), 'producing'],
    [5, stall(6), 'slow'],
    [5, stall(11, true), 'stalled'],
  ] as const)('height %d, %j: %s', (height, s, expected) => {
    expect(productionState(height, s)).toBe(expected);
  });
});
