import { describe, expect, it } from 'vitest';
import { committeeOf, gov, governors, proposal, val, validators, vote } from './_test/fixtures';
import { auditCounters } from './audit';
import { computeTally } from './tally';

const tally = computeTally({
  votes: [
    vote(gov(0), 1),
    vote(gov(1), 1),
    vote(gov(2), 2),
    vote(val(0), 1),
    vote(val(1), 2),
    vote(val(2), 3),
  ],
  governors: governors(3),
  committee: committeeOf(validators(3)),
});
const agreeing = { governorYesVotes: 2, governorNoVotes: 1, publicYesVotes: 1, publicNoVotes: 1 };

describe('auditCounters', () => {
  it('reports nothing when the counters agree (Abstain has no counter)', () => {
    expect(auditCounters(tally, proposal(agreeing))).toEqual([]);
  });

  it.each([
    { counter: 'governorYesVotes', onChain: 3, recomputed: 2 },
    { counter: 'governorNoVotes', onChain: 0, recomputed: 1 },
    { counter: 'publicYesVotes', onChain: 2, recomputed: 1 },
    { counter: 'publicNoVotes', onChain: 5, recomputed: 1 },
  ] as const)('reports $counter', ({ counter, onChain, recomputed }) => {
    expect(auditCounters(tally, proposal({ ...agreeing, [counter]: onChain }))).toEqual([
      { counter, onChain, recomputed },
    ]);
  });

  it('reports every mismatch, e.g. after a governor left the set during voting', () => {
    // gov2 voted No as a governor, then left the set and is not in the committee.
    const after = computeTally({
      votes: [vote(gov(0), 1), vote(gov(2), 2), vote(val(0), 1)],
      governors: [gov(0), gov(1)],
      committee: committeeOf([val(0)]),
    });
    const onChain = {
      governorYesVotes: 1,
      governorNoVotes: 1,
      publicYesVotes: 0,
      publicNoVotes: 0,
    };
    expect(auditCounters(after, proposal(onChain))).toEqual([
      { counter: 'governorNoVotes', onChain: 1, recomputed: 0 },
      { counter: 'publicYesVotes', onChain: 0, recomputed: 1 },
    ]);
  });
});
