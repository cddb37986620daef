import { describe, expect, it } from 'vitest';
import { committeeOf, gov, governors, val, validators, vote, votesFrom } from './_test/fixtures';
import { computeTally } from './tally';
import { whatIf } from './what-if';

const G = governors(5);
const committee = committeeOf([...G, ...validators(2)]);
const thresholds = { minGovernorValidators: 3, minPublicValidators: 1 };
// Three governors Yes, one No, one not voted: one short of 67% of five.
const tally = computeTally({
  votes: [...votesFrom([gov(0), gov(1), gov(2)], 1), vote(gov(3), 2), vote(val(0), 1)],
  governors: G,
  committee,
});

describe('whatIf', () => {
  it('with no outcome supposed is the tally as it stands', () => {
    const w = whatIf({ tally, committee, thresholds, outcomes: new Map() });
    expect(w.approval.approved).toBe(false);
    expect(w.tally.governors.notVoted).toEqual([gov(4)]);
    expect(w.split.newSide.count).toBe(4);
  });

  it('approves when the last governor is supposed to vote Yes, and moves it to the new side', () => {
    const w = whatIf({ tally, committee, thresholds, outcomes: new Map([[gov(4), 1]]) });
    expect(w.approval.approved).toBe(true);
    expect(w.tally.governors.yes).toContain(gov(4));
    expect(w.split.newSide.count).toBe(5);
    expect(w.split.newSide.stake).toBe(500n);
  });

  it('never changes a vote already cast, nor the tally it was given', () => {
    const w = whatIf({
      tally,
      committee,
      thresholds,
      outcomes: new Map([
        [gov(3), 1],
        [val(1), 2],
      ]),
    });
    expect(w.tally.governors.no).toEqual([gov(3)]);
    expect(w.tally.public.no).toEqual([val(1)]);
    expect(tally.public.notVoted).toEqual([val(1)]);
  });
});
