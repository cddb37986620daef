import { describe, expect, it } from 'vitest';
import { committeeOf, gov, member, val, vote } from './_test/fixtures';
import { hasBftQuorum, projectSplit } from './split';
import { computeTally } from './tally';
import type { CastVote, CommitteeMember, VoteChoice } from './types';

/** A committee of validators with the given stakes; choices[i] is val(i)'s vote, if any. */
function scenario(stakes: bigint[], choices: (VoteChoice | null)[]) {
  const committee: CommitteeMember[] = stakes.map((s, i) => member(val(i), s));
  const votes: CastVote[] = [];
  choices.forEach((c, i) => {
    if (c !== null) votes.push(vote(val(i), c));
  });
  const tally = computeTally({ votes, governors: [], committee });
  return projectSplit({ tally, committee });
}

describe('hasBftQuorum: more than 2/3 of the old committee stake', () => {
  it.each([
    { side: 67n, total: 100n, ok: true },
    { side: 66n, total: 100n, ok: false },
    { side: 2n, total: 3n, ok: false }, // exactly 2/3 is not enough
    { side: 3n, total: 3n, ok: true },
    { side: 200_000_001n, total: 300_000_000n, ok: true },
    { side: 0n, total: 0n, ok: false },
  ])('$side of $total -> $ok', ({ side, total, ok }) => {
    expect(hasBftQuorum(side, total)).toBe(ok);
  });
});

describe('projectSplit', () => {
  it.each([
    {
      name: 'Yes side keeps quorum, old side loses it and halts',
      stakes: [100n, 100n, 100n, 100n],
      choices: [1, 1, 1, 2] as const,
      expected: {
        newSide: { count: 3, stake: 300n, stakeBps: 7500, hasQuorum: true },
        oldSide: { count: 1, stake: 100n, hasQuorum: false },
        oldChainHalts: true,
        newChainHasQuorum: true,
      },
    },
    {
      name: 'few Yes votes: old side keeps quorum',
      stakes: [100n, 100n, 100n, 100n],
      choices: [1, 2, 3, null] as const,
      expected: {
        newSide: { count: 1, stake: 100n, hasQuorum: false },
        oldSide: { count: 3, stake: 300n, hasQuorum: true },
        oldChainHalts: false,
        newChainHasQuorum: false,
      },
    },
    {
      name: 'even split: neither side has quorum',
      stakes: [100n, 100n],
      choices: [1, 2] as const,
      expected: {
        newSide: { hasQuorum: false },
        oldSide: { hasQuorum: false },
        oldChainHalts: true,
        newChainHasQuorum: false,
      },
    },
    {
      name: 'stake, not head count: one large No validator keeps the old chain alive',
      stakes: [700n, 100n, 100n, 100n],
      choices: [2, 1, 1, 1] as const,
      expected: {
        newSide: { count: 3, stake: 300n, hasQuorum: false },
        oldSide: { count: 1, stake: 700n, hasQuorum: true },
        oldChainHalts: false,
      },
    },
    {
      name: 'old side holding exactly 1/3 halts',
      stakes: [100n, 100n, 100n],
      choices: [1, 1, null] as const,
      expected: {
        newSide: { stake: 200n, hasQuorum: false },
        oldSide: { stake: 100n, hasQuorum: false },
        oldChainHalts: true,
      },
    },
    {
      name: 'unanimous Yes leaves nobody on the old side',
      stakes: [5n, 6n],
      choices: [1, 1] as const,
      expected: {
        newSide: { count: 2, stake: 11n, stakeBps: 10_000, hasQuorum: true },
        oldSide: { count: 0, stake: 0n, stakeBps: 0 },
        oldChainHalts: true,
      },
    },
  ])('$name', ({ stakes, choices, expected }) => {
    expect(scenario(stakes, [...choices])).toMatchObject(expected);
  });

  it('lists each validator with its choice on its side; No, Abstain and non-voters stay', () => {
    const result = scenario([1n, 2n, 3n, 4n], [1, 2, 3, null]);
    expect(result.newSide.validators).toEqual([{ address: val(0), stake: 1n, choice: 'yes' }]);
    expect(result.oldSide.validators).toEqual([
      { address: val(1), stake: 2n, choice: 'no' },
      { address: val(2), stake: 3n, choice: 'abstain' },
      { address: val(3), stake: 4n, choice: 'not_voted' },
    ]);
    expect(result.totalStake).toBe(10n);
  });

  it('counts governors that validate, and ignores governors outside the committee', () => {
    const committee = [member(gov(0), 500n), member(val(0), 100n)];
    const tally = computeTally({
      votes: [vote(gov(0), 1), vote(gov(1), 1)],
      governors: [gov(0), gov(1)],
      committee: committeeOf([]).concat(committee),
    });
    const result = projectSplit({ tally, committee });
    expect(result.newSide.validators.map((v) => v.address)).toEqual([gov(0)]);
    expect(result.newSide.stake).toBe(500n);
    expect(result.oldChainHalts).toBe(true);
  });
});
