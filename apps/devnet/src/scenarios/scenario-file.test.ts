import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DevnetEvent } from '../network/events';
import { type Devnet, startDevnet } from '../start-devnet';
import { findScenario } from './registry';

const example = join(import.meta.dirname, '..', '..', 'scenarios', 'public-decides.json');

function writeScenario(content: unknown): string {
  const path = join(
    tmpdir(),
    `ratify-scenario-${process.pid}-${Math.random().toString(36).slice(2)}.json`,
  );
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

let devnet: Devnet | undefined;
afterEach(async () => {
  await devnet?.stop();
  devnet = undefined;
});

describe('scenario files', () => {
  it('plays a JSON scenario: a changed public vote approves the upgrade and the split follows', async () => {
    const events: DevnetEvent[] = [];
    devnet = await startDevnet({
      scenario: example,
      portBase: 4510,
      blockTimeMs: 0,
      log: (e) => events.push(e),
    });
    await devnet.advance(40);
    const activation = events.find((e) => e.type === 'activation');
    expect(activation).toMatchObject({ approved: true, governorYes: 3, publicYes: 2 });
    expect(events.some((e) => e.type === 'chain-started' && e.chain === 'delta')).toBe(true);
    expect(devnet.accounts.find((a) => a.dev)?.name).toBe('public-c');
  });

  const proposal = {
    key: 'k',
    proposer: 'a',
    submitAt: 1,
    votingEndsAt: 2,
    activationAt: 3,
    minGovernorValidators: 1,
    minPublicValidators: 0,
    deltaMinAlphaBlocks: 1,
  };
  const withVote = (vote: unknown) => ({
    name: 'x',
    validators: [{ name: 'a', role: 'governor', stake: 1 }],
    proposals: [{ ...proposal, votes: [vote] }],
  });

  it.each([
    ['not JSON', '{ "name": ', /scenario file .*: /],
    [
      'an unknown voter',
      withVote({ voter: 'b', choice: 1, at: 1 }),
      /proposals\.0\.votes\.0\.voter: no validator named 'b'/,
    ],
    ['a bad choice', withVote({ voter: 'a', choice: 4, at: 1 }), /proposals\.0\.votes\.0\.choice/],
    [
      'an unknown field',
      { ...withVote({ voter: 'a', choice: 1, at: 1 }), extra: true },
      /Unrecognized key/,
    ],
  ])('rejects %s with the path and the reason', (_what, content, message) => {
    expect(() => findScenario(writeScenario(content)).build({ blockTimeMs: 1000 })).toThrow(
      message,
    );
  });
});

describe('a scenario with hostile text', () => {
  const hostile = join(import.meta.dirname, '..', '..', 'scenarios', 'hostile-text.json');
  const MARKERS = ['<script', 'onerror', '\u202e', '\u0007', 'HYPERLINK', 'alert('];

  it('plays, and no text of it reaches what a node serves: the key is only hashed', async () => {
    devnet = await startDevnet({ scenario: hostile, portBase: 4520, blockTimeMs: 0 });
    await devnet.advance(8);
    const alpha = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source');
    const served = await (await fetch(`${alpha?.url}/blocks?start=0&end=9`)).text();
    expect(served).toContain('vote_network_upgrade');
    for (const m of MARKERS) expect(served).not.toContain(m);
  });

  it('refuses markup where the format has no text: a validator name', () => {
    const path = writeScenario({
      name: 'x',
      validators: [{ name: '<img src=x onerror=alert(1)>', role: 'governor', stake: 1 }],
      proposals: [],
    });
    expect(() => findScenario(path)).toThrow(
      /validators\.0\.name: a validator name is lowercase letters, digits and dashes/,
    );
  });
});
