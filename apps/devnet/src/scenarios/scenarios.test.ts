import { blockSchema, decodeProposal } from '@ratify/aleo';
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, manualDevnet } from '../_test/devnet';
import type { Devnet } from '../start-devnet';
import { listScenarios } from './registry';

let devnet: Devnet | null = null;
afterEach(async () => {
  await devnet?.stop();
  devnet = null;
});

describe('scenarios', () => {
  it('lists every scenario', () => {
    expect(listScenarios().map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'demo',
        'rehearsal',
        'rehearsal-4of5',
        'genesis-mismatch',
        'rogue-delta',
        'stall',
        'counter-drift',
      ]),
    );
  });

  it('demo: a past proposal rejected, votes arriving on the live one, the demo account not voted', async () => {
    devnet = await manualDevnet(4270);
    expect(devnet.accounts).toHaveLength(7);
    const demoAccount = devnet.accounts.find((a) => a.name === 'demo');
    expect(demoAccount).toMatchObject({
      role: 'governor',
      secretKeyHex: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const activations = devnet.events.filter((e) => e.type === 'activation');
    expect(activations).toEqual([expect.objectContaining({ approved: false })]);
    const url = devnet.nodes[0]?.url;
    const submit = (await getJson(`${url}/block/22/transactions`)).body as {
      transaction: {
        execution: { transitions: { function: string; inputs: { value: string }[] }[] };
      };
    }[];
    const id = submit[0]?.transaction.execution.transitions[0]?.inputs[0]?.value;
    const read = async () =>
      decodeProposal(
        (await getJson(`${url}/program/credits.alpha/mapping/network_upgrade_proposals/${id}`))
          .body as string,
      );
    const first = await read();
    expect(first.activationHeight - first.createdAtHeight).toBeGreaterThan(120);
    await devnet.advance(12);
    const later = await read();
    expect(later.governorYesVotes + later.publicYesVotes).toBeGreaterThan(
      first.governorYesVotes + first.publicYesVotes,
    );
    await devnet.advance(30);
    const end = await read();
    expect(end).toMatchObject({ governorYesVotes: 3, governorNoVotes: 1, publicYesVotes: 1 });
    const votes = devnet.events.filter(
      (e) => e.type === 'transaction' && e.function === 'vote_network_upgrade',
    );
    expect(votes.some((v) => v.type === 'transaction' && v.caller === demoAccount?.address)).toBe(
      false,
    );
  });

  it('history: starts with N past blocks, about 1% carrying governance', async () => {
    const n = 600;
    const t = performance.now();
    devnet = await manualDevnet(4280, { scenario: 'rehearsal', history: n });
    const made = performance.now() - t;
    const url = devnet.nodes[0]?.url;
    expect((await getJson(`${url}/block/height/latest`)).body).toBe(n);
    let governance = 0;
    let bytes = 0;
    const s = performance.now();
    for (let start = 0; start < n; start += 50) {
      const r = await getJson(`${url}/blocks?start=${start}&end=${start + 50}`);
      bytes += r.text.length;
      for (const b of r.body as unknown[])
        governance += blockSchema.parse(b).transactions.length > 0 ? 1 : 0;
    }
    const served = performance.now() - s;
    expect(governance).toBeGreaterThan(1);
    expect(governance).toBeLessThan(n * 0.05);
    console.log(
      `history ${n}: made in ${made.toFixed(0)} ms; served ${(n / (served / 1000)).toFixed(0)} blocks/s, ` +
        `${(bytes / 1e6 / (served / 1000)).toFixed(1)} MB/s (${(bytes / n / 1024).toFixed(1)} KiB/block, parse included)`,
    );
  });
});
