import { CREDITS, type Scenario, type ScenarioDefinition, type ScenarioVote } from './types';

const governors = ['governor-1', 'governor-2', 'governor-3', 'governor-4', 'governor-5'];

function rehearsal(name: string, description: string, yes: number): Scenario {
  const votes: ScenarioVote[] = governors.map((voter, i) => ({
    voter,
    choice: i < yes ? 1 : 2,
    at: 5 + i,
  }));
  return {
    name,
    description,
    sourceNetwork: 2,
    targetNetwork: 1,
    validators: governors.map((g) => ({ name: g, role: 'governor', stake: 10_000_000n * CREDITS })),
    preludeBlocks: 0,
    proposals: [
      {
        key: 'rehearsal',
        proposer: 'governor-1',
        submitAt: 3,
        votingEndsAt: 14,
        activationAt: 18,
        minGovernorValidators: 3,
        minPublicValidators: 0,
        deltaMinAlphaBlocks: 5,
        votes,
      },
    ],
    // The No voter follows the governors to the new network once their genesis agrees.
    joins:
      yes < governors.length
        ? [{ validator: governors[governors.length - 1] as string, afterTargetBlocks: 8 }]
        : [],
    misbehaviours: [],
    settleBlocks: 3,
  };
}

/** The upgrade design's testnet rehearsal: 3 Yes of 5 governors is under 67%, so it is not approved. */
export const rehearsal3of5: ScenarioDefinition = {
  name: 'rehearsal',
  description: '5 governors, min 3 governors / 0 public, votes 3 Yes 2 No: not approved, no split',
  build: () => rehearsal('rehearsal', rehearsal3of5.description, 3),
};

/** The same with 4 Yes: approved, Alpha moves, then Delta, then the No voter joins late. */
export const rehearsal4of5: ScenarioDefinition = {
  name: 'rehearsal-4of5',
  description:
    '5 governors, 4 Yes 1 No: activation, new Alpha then Delta, a late joiner finds the agreed genesis',
  build: () => rehearsal('rehearsal-4of5', rehearsal4of5.description, 4),
};

/** Rehearsal 4-of-5 with a misbehaviour, for the indexer's alerts. */
export function rehearsalWith(
  name: string,
  description: string,
  misbehaviours: Scenario['misbehaviours'],
  changes: Partial<Scenario> = {},
): ScenarioDefinition {
  return {
    name,
    description,
    build: () => ({ ...rehearsal(name, description, 4), misbehaviours, ...changes }),
  };
}
