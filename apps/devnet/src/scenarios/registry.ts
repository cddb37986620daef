import { demo } from './demo';
import { rehearsal3of5, rehearsal4of5, rehearsalWith } from './rehearsal';
import { isScenarioFile, loadScenarioFile } from './scenario-file';
import type { ScenarioDefinition, ScenarioProposal } from './types';

function driftProposal(): ScenarioProposal {
  const plan = rehearsal4of5.build({ blockTimeMs: 2000 }).proposals[0] as ScenarioProposal;
  return { ...plan, votes: [...plan.votes, { voter: 'governor-5', choice: 1, at: 11 }] };
}

const SCENARIOS: ScenarioDefinition[] = [
  demo,
  rehearsal3of5,
  rehearsal4of5,
  rehearsalWith(
    'genesis-mismatch',
    'Rehearsal 4-of-5 where the new Alpha genesis differs from the expected hash',
    [{ type: 'genesis-mismatch' }],
  ),
  rehearsalWith('rogue-delta', 'Rehearsal 4-of-5 where the new Delta names the old Alpha genesis', [
    { type: 'rogue-delta' },
  ]),
  rehearsalWith(
    'yes-voter-stays',
    'Rehearsal 4-of-5 where three Yes voters keep authoring on the old network: with the No voter they hold a quorum there, and the new network is left without one',
    [
      { type: 'yes-voter-stays', validator: 'governor-2' },
      { type: 'yes-voter-stays', validator: 'governor-3' },
      { type: 'yes-voter-stays', validator: 'governor-4' },
    ],
    { joins: [] },
  ),
  rehearsalWith(
    'double-authoring',
    'Rehearsal 4-of-5 where three Yes voters author on both networks, keeping the old one alive',
    [
      { type: 'double-authoring', validator: 'governor-2' },
      { type: 'double-authoring', validator: 'governor-3' },
      { type: 'double-authoring', validator: 'governor-4' },
    ],
    { joins: [] },
  ),
  rehearsalWith(
    'stall',
    'Rehearsal 4-of-5 where the source Alpha stalls for 6 blocks during voting',
    [{ type: 'stall', chain: 'alpha', side: 'source', fromHeight: 8, blocks: 6 }],
  ),
  rehearsalWith(
    'counter-drift',
    'Rehearsal 4-of-5 run by a buggy program: governor-5 votes No then Yes, and the No is never taken back',
    [{ type: 'counter-drift' }],
    { proposals: [driftProposal()] },
  ),
];

export function listScenarios(): { name: string; description: string }[] {
  return SCENARIOS.map(({ name, description }) => ({ name, description }));
}

export function findScenario(name: string): ScenarioDefinition {
  if (isScenarioFile(name)) return loadScenarioFile(name);
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found)
    throw new Error(
      `Unknown scenario '${name}'; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  return found;
}
