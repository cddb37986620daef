import { describe, expect, it } from 'vitest';
import { bodyMembers, decodeBodyChoices, encodeBodyChoices } from './body-choices';
import { computeTally } from './tally';

describe('body choices', () => {
  const governors = ['g1', 'g2', 'g3', 'g1'];
  const committee = [
    { address: 'g2', stake: 5n },
    { address: 'p1', stake: 1n },
    { address: 'p2', stake: 2n },
    { address: 'p3', stake: 3n },
  ];
  const tally = computeTally({
    votes: [
      { proposalId: 1n, voter: 'g2', choice: 1, height: 1 },
      { proposalId: 1n, voter: 'p1', choice: 2, height: 2 },
      { proposalId: 1n, voter: 'g3', choice: 3, height: 3 },
      { proposalId: 1n, voter: 'p3', choice: 1, height: 4 },
    ],
    governors,
    committee,
  });

  it('list the members of each body as computeTally does', () => {
    expect(bodyMembers(governors, committee)).toEqual({
      governors: ['g1', 'g2', 'g3'],
      public: ['p1', 'p2', 'p3'],
    });
  });

  it('carry a tally as a letter per member and back', () => {
    const members = bodyMembers(governors, committee);
    const choices = encodeBodyChoices(tally, members);
    expect(choices).toEqual({ governors: '-ya', public: 'n-y' });
    expect(decodeBodyChoices(choices as NonNullable<typeof choices>, members)).toEqual({
      governors: tally.governors,
      public: tally.public,
    });
  });

  it('refuse members of another set', () => {
    expect(encodeBodyChoices(tally, { governors: ['g1', 'g2'], public: ['p1', 'p2', 'p3'] })).toBe(
      null,
    );
    expect(
      decodeBodyChoices({ governors: '-y', public: 'n-y' }, bodyMembers(governors, committee)),
    ).toBe(null);
  });
});
