import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  committeeOf,
  gov,
  governors,
  PROPOSAL_ID,
  val,
  validators,
  vote,
  votesFrom,
} from './_test/fixtures';
import { computeTally, isLaterVote, tallyCounts } from './tally';
import type { CastVote, VoteChoice } from './types';

const G3 = governors(3);
const committee = committeeOf([gov(0), ...validators(3)]);

describe('computeTally', () => {
  it('sorts eligible votes by body and lists who has not voted', () => {
    const tally = computeTally({
      votes: [vote(gov(0), 1), vote(gov(1), 2), vote(val(0), 1), vote(val(1), 3)],
      governors: G3,
      committee,
    });
    expect(tally.governors).toEqual({
      yes: [gov(0)],
      no: [gov(1)],
      abstain: [],
      notVoted: [gov(2)],
      size: 3,
    });
    // gov0 sits in the committee too but counts only as a governor.
    expect(tally.public).toEqual({
      yes: [val(0)],
      no: [],
      abstain: [val(1)],
      notVoted: [val(2)],
      size: 3,
    });
    expect(tally.ineligible).toEqual([]);
  });

  it.each<{ name: string; votes: CastVote[]; choice: VoteChoice | undefined; superseded: number }>([
    {
      name: 'a later height wins',
      votes: [vote(gov(0), 1, 10), vote(gov(0), 2, 11)],
      choice: 2,
      superseded: 1,
    },
    {
      name: 'input order does not matter',
      votes: [vote(gov(0), 2, 11), vote(gov(0), 1, 10)],
      choice: 2,
      superseded: 1,
    },
    {
      name: 'within a block the higher index wins',
      votes: [vote(gov(0), 3, 10, 5), vote(gov(0), 1, 10, 2)],
      choice: 3,
      superseded: 1,
    },
    {
      name: 'Yes then No then Yes',
      votes: [vote(gov(0), 1, 1), vote(gov(0), 2, 2), vote(gov(0), 1, 3)],
      choice: 1,
      superseded: 2,
    },
    {
      name: 'equal height and index: the later input wins',
      votes: [vote(gov(0), 1, 10, 0), vote(gov(0), 2, 10, 0)],
      choice: 2,
      superseded: 1,
    },
  ])('vote change: $name', ({ votes, choice, superseded }) => {
    const tally = computeTally({ votes, governors: G3, committee });
    const choiceOf = (t: typeof tally) =>
      t.governors.yes.includes(gov(0))
        ? 1
        : t.governors.no.includes(gov(0))
          ? 2
          : t.governors.abstain.includes(gov(0))
            ? 3
            : undefined;
    expect(choiceOf(tally)).toBe(choice);
    expect(tally.superseded).toHaveLength(superseded);
    expect(tally.counted).toHaveLength(1);
  });

  it.each([
    {
      name: 'neither governor nor committee member',
      v: vote('stranger', 1),
      reason: 'not_eligible',
    },
    {
      name: 'another proposal',
      v: { ...vote(gov(0), 1), proposalId: 8n },
      reason: 'other_proposal',
    },
    { name: 'after voting end', v: vote(gov(0), 1, 501), reason: 'after_voting_end' },
    {
      name: 'choice out of range',
      v: { ...vote(gov(0), 1), choice: 4 as VoteChoice },
      reason: 'invalid_choice',
    },
    {
      name: 'choice zero',
      v: { ...vote(gov(0), 1), choice: 0 as VoteChoice },
      reason: 'invalid_choice',
    },
  ])('sets aside a vote from $name', ({ v, reason }) => {
    const tally = computeTally({
      votes: [v],
      governors: G3,
      committee,
      proposalId: PROPOSAL_ID,
      votingEndsHeight: 500,
    });
    expect(tally.ineligible).toEqual([{ vote: v, reason }]);
    expect(tally.counted).toEqual([]);
    expect(tally.governors.notVoted).toEqual(G3);
  });

  it('a vote at voting_ends_height still counts', () => {
    const tally = computeTally({
      votes: [vote(gov(0), 1, 500)],
      governors: G3,
      committee,
      votingEndsHeight: 500,
    });
    expect(tally.governors.yes).toEqual([gov(0)]);
  });

  it('a rejected late vote does not replace the earlier one', () => {
    const tally = computeTally({
      votes: [vote(gov(0), 1, 400), vote(gov(0), 2, 600)],
      governors: G3,
      committee,
      votingEndsHeight: 500,
    });
    expect(tally.governors.yes).toEqual([gov(0)]);
    expect(tally.ineligible.map((i) => i.reason)).toEqual(['after_voting_end']);
  });

  it.each([
    {
      name: 'a governor removed during voting who stays in the committee counts as public',
      governorsAtEnd: [gov(1), gov(2)],
      committee: committeeOf([gov(0), val(0)]),
      expected: { governorYes: 0, publicYes: 1, ineligible: 0, G: 2 },
    },
    {
      name: 'a governor removed during voting outside the committee is set aside',
      governorsAtEnd: [gov(1), gov(2)],
      committee: committeeOf([val(0)]),
      expected: { governorYes: 0, publicYes: 0, ineligible: 1, G: 2 },
    },
    {
      name: 'a governor added during voting counts, even for a vote cast before',
      governorsAtEnd: [gov(0), gov(1), gov(2), gov(3)],
      committee: committeeOf([val(0)]),
      expected: { governorYes: 1, publicYes: 0, ineligible: 0, G: 4 },
    },
  ])('governor set change: $name', ({ governorsAtEnd, committee, expected }) => {
    const tally = computeTally({
      votes: [vote(gov(0), 1, 50)],
      governors: governorsAtEnd,
      committee,
    });
    expect({
      governorYes: tally.governors.yes.length,
      publicYes: tally.public.yes.length,
      ineligible: tally.ineligible.length,
      G: tally.governors.size,
    }).toEqual(expected);
  });

  it('ignores duplicate addresses in the governor set and committee', () => {
    const tally = computeTally({
      votes: [],
      governors: [gov(0), gov(0), gov(1)],
      committee: committeeOf([val(0), val(0)]),
    });
    expect(tally.governors.size).toBe(2);
    expect(tally.public.size).toBe(1);
  });

  it('counts each list', () => {
    const tally = computeTally({
      votes: [...votesFrom(G3.slice(0, 2), 1), vote(val(2), 2)],
      governors: G3,
      committee,
    });
    expect(tallyCounts(tally)).toEqual({
      governorYes: 2,
      governorNo: 0,
      governorAbstain: 0,
      governorNotVoted: 1,
      governors: 3,
      publicYes: 0,
      publicNo: 1,
      publicAbstain: 0,
      publicNotVoted: 2,
      publicMembers: 3,
    });
  });

  it('depends only on the set of votes, not their order, and partitions each body', () => {
    const voters = [...governors(5), ...validators(5), 'stranger'];
    const arbVote = fc.record({
      voter: fc.constantFrom(...voters),
      choice: fc.constantFrom<VoteChoice>(1, 2, 3),
      height: fc.integer({ min: 0, max: 20 }),
      index: fc.integer({ min: 0, max: 1_000 }),
    });
    // Distinct (voter, height, index): the chain never orders two votes the same.
    const arbVotes = fc.uniqueArray(arbVote, {
      selector: (v) => `${v.voter}/${v.height}/${v.index}`,
      maxLength: 40,
    });
    fc.assert(
      fc.property(arbVotes, fc.infiniteStream(fc.nat()), (raw, seeds) => {
        const votes = raw.map((v) => ({ ...v, proposalId: PROPOSAL_ID }));
        const shuffled = [...votes].sort(() => (seeds.next().value % 3) - 1);
        const params = { governors: governors(5), committee: committeeOf(validators(5)) };
        const a = computeTally({ votes, ...params });
        const b = computeTally({ votes: shuffled, ...params });
        expect(b.governors).toEqual(a.governors);
        expect(b.public).toEqual(a.public);
        for (const body of [a.governors, a.public]) {
          const n = body.yes.length + body.no.length + body.abstain.length + body.notVoted.length;
          expect(n).toBe(body.size);
        }
        // Every vote lands in exactly one of counted, superseded, ineligible.
        expect(a.counted.length + a.superseded.length + a.ineligible.length).toBe(votes.length);
      }),
    );
  });
});

describe('isLaterVote', () => {
  it.each([
    { a: vote(gov(0), 1, 11), b: vote(gov(0), 1, 10), later: true },
    { a: vote(gov(0), 1, 10), b: vote(gov(0), 1, 11), later: false },
    { a: vote(gov(0), 1, 10, 3), b: vote(gov(0), 1, 10, 2), later: true },
    { a: vote(gov(0), 1, 10, 1), b: vote(gov(0), 1, 10, 2), later: false },
    { a: vote(gov(0), 1, 10), b: vote(gov(0), 1, 10, 0), later: true },
  ])('($a.height, $a.index) after ($b.height, $b.index): $later', ({ a, b, later }) => {
    expect(isLaterVote(a, b)).toBe(later);
  });
});
