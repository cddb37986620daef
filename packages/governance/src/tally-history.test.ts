import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeOf, gov, governors, PROPOSAL_ID, val, validators, vote } from './_test/fixtures';
import { evaluateApproval } from './approval';
import { computeTally } from './tally';
import { tallyHistory } from './tally-history';
import type { CastVote, VoteChoice } from './types';

const G = governors(5);
const committee = committeeOf([...G, ...validators(2)]);
const thresholds = { minGovernorValidators: 3, minPublicValidators: 1 };

describe('tallyHistory', () => {
  it('has one point per height where the tally changed, vote changes included', () => {
    const history = tallyHistory({
      votes: [
        vote(gov(1), 1, 26),
        vote(val(0), 1, 31),
        vote(gov(2), 2, 36),
        vote(gov(0), 1, 41),
        vote(gov(2), 1, 51),
        // Same choice again: the tally does not change, so no point.
        vote(gov(0), 1, 55),
        vote(gov(3), 2, 56),
      ],
      governors: G,
      committee,
      thresholds,
      startHeight: 22,
    });
    expect(history.supermajorityRequired).toBe(4);
    expect(
      history.points.map((p) => [p.height, p.governorYes, p.governorNo, p.publicYes, p.approved]),
    ).toEqual([
      [22, 0, 0, 0, false],
      [26, 1, 0, 0, false],
      [31, 1, 0, 1, false],
      [36, 1, 1, 1, false],
      [41, 2, 1, 1, false],
      [51, 3, 0, 1, false],
      [56, 3, 1, 1, false],
    ]);
    expect(history.points[5]?.governorYesBps).toBe(6000);
  });

  it('merges the votes of one height into one point and ignores votes that cannot count', () => {
    const history = tallyHistory({
      votes: [
        vote(gov(0), 1, 10, 1),
        vote(gov(0), 2, 10, 0),
        vote(gov(1), 1, 10, 2),
        vote('stranger', 1, 11),
        { ...vote(gov(2), 1, 12), proposalId: PROPOSAL_ID + 1n },
        vote(gov(3), 4 as VoteChoice, 13),
        vote(gov(4), 1, 600),
      ],
      governors: G,
      committee,
      thresholds,
      proposalId: PROPOSAL_ID,
      votingEndsHeight: 500,
    });
    expect(history.points).toHaveLength(1);
    expect(history.points[0]).toMatchObject({ height: 10, governorYes: 2, governorNo: 0 });
  });

  it('ends where the full tally and the approval rule end, for any votes', () => {
    const voters = [...G, ...validators(3), 'stranger'];
    const arbitraryVote = fc.record({
      voter: fc.constantFrom(...voters),
      choice: fc.constantFrom<VoteChoice>(1, 2, 3),
      height: fc.integer({ min: 1, max: 30 }),
      index: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryVote, { maxLength: 40 }), (raw) => {
        const votes: CastVote[] = raw.map((v) => ({ ...v, proposalId: PROPOSAL_ID }));
        const params = { votes, governors: G, committee: committeeOf([...G, ...validators(3)]) };
        const full = computeTally(params);
        const last = tallyHistory({ ...params, thresholds, startHeight: 0 }).points.at(-1);
        expect(last).toMatchObject({
          governorYes: full.governors.yes.length,
          governorNo: full.governors.no.length,
          governorAbstain: full.governors.abstain.length,
          publicYes: full.public.yes.length,
          publicNo: full.public.no.length,
          publicAbstain: full.public.abstain.length,
          approved: evaluateApproval(full, thresholds).approved,
        });
      }),
    );
  });
});
