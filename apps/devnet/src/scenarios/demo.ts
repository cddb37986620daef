import { CREDITS, type ScenarioDefinition } from './types';

/**
 * What `npm start` shows: one proposal already rejected, one in voting with a vote every
 * few blocks, the demo account not yet voted, and activation a few minutes out. Without
 * the demo account's Yes the proposal falls one governor short, so that vote decides.
 */
export const demo: ScenarioDefinition = {
  name: 'demo',
  description:
    'A proposal in voting with votes arriving, one past proposal rejected, the demo account not yet voted',
  build: ({ blockTimeMs }) => {
    const blocksPerMinute = Math.max(1, Math.round(60_000 / blockTimeMs));
    const prelude = 24;
    const votingEnds = prelude + 4 * blocksPerMinute;
    const activation = prelude + 5 * blocksPerMinute;
    const spacing = Math.max(3, Math.min(5, Math.floor((votingEnds - prelude) / 8)));
    const at = (i: number) => prelude + 2 + i * spacing;
    return {
      name: 'demo',
      description: demo.description,
      sourceNetwork: 2,
      targetNetwork: 1,
      validators: [
        { name: 'governor-1', role: 'governor', stake: 10_000_000n * CREDITS },
        { name: 'governor-2', role: 'governor', stake: 10_000_000n * CREDITS },
        { name: 'governor-3', role: 'governor', stake: 10_000_000n * CREDITS },
        { name: 'governor-4', role: 'governor', stake: 10_000_000n * CREDITS },
        { name: 'demo', role: 'governor', stake: 10_000_000n * CREDITS, dev: true },
        { name: 'public-1', role: 'public', stake: 2_000_000n * CREDITS },
        { name: 'public-2', role: 'public', stake: 2_000_000n * CREDITS },
      ],
      preludeBlocks: prelude,
      proposals: [
        {
          key: 'past-upgrade',
          proposer: 'governor-1',
          submitAt: 2,
          votingEndsAt: 12,
          activationAt: 16,
          minGovernorValidators: 3,
          minPublicValidators: 1,
          deltaMinAlphaBlocks: 10,
          votes: [
            { voter: 'governor-1', choice: 1, at: 4 },
            { voter: 'governor-2', choice: 2, at: 5 },
            { voter: 'governor-3', choice: 2, at: 6 },
            { voter: 'public-1', choice: 1, at: 7 },
            { voter: 'governor-4', choice: 3, at: 8 },
            // Too late: included as a rejected transaction.
            { voter: 'public-2', choice: 1, at: 14 },
          ],
        },
        {
          key: 'canary-to-testnet',
          proposer: 'governor-2',
          submitAt: prelude - 2,
          votingEndsAt: votingEnds,
          activationAt: activation,
          minGovernorValidators: 3,
          minPublicValidators: 1,
          deltaMinAlphaBlocks: 10,
          votes: [
            { voter: 'governor-2', choice: 1, at: at(0) },
            { voter: 'public-1', choice: 1, at: at(1) },
            { voter: 'governor-3', choice: 2, at: at(2) },
            { voter: 'governor-1', choice: 1, at: at(3) },
            { voter: 'public-2', choice: 3, at: at(4) },
            // governor-3 changes its mind: the old No is replaced.
            { voter: 'governor-3', choice: 1, at: at(5) },
            { voter: 'governor-4', choice: 2, at: at(6) },
          ],
        },
      ],
      joins: [],
      misbehaviours: [],
      settleBlocks: 20,
    };
  },
};
