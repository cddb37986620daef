import { createDbClient, type DbClient } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { type IndexerHandle, startIndexer } from '@ratify/indexer';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAlerts } from './alerts';
import { buildProposalView } from './proposal';
import { buildSplitView } from './split';

// Each misbehaviour the devnet can play, followed by the real indexer into a fresh database:
// what operators are shown must name the fault.
let devnet: Devnet | undefined;
let indexer: IndexerHandle | undefined;
let client: DbClient | undefined;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

afterEach(async () => {
  await indexer?.stop();
  await devnet?.stop();
  await client?.close();
  await database?.drop();
  indexer = devnet = client = database = undefined;
});

async function play(scenario: string, portBase: number, blocks = 60) {
  database = await createTestDatabase();
  client = createDbClient(database.url);
  devnet = await startDevnet({ scenario, portBase, blockTimeMs: 0, admin: true });
  const urls = (chain: string) =>
    (devnet?.nodes ?? []).filter((n) => n.chain === chain).map((n) => n.url);
  indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: urls('alpha'),
    deltaNodes: urls('delta'),
    port: 0,
    pollIntervalMs: 50,
    requestsPerSecond: 1000,
  });
  for (let i = 0; i < blocks; i += 10) await devnet.advance(10);
  // Caught up: every node that exists is indexed to its head, including the post-split ones.
  const running = devnet.nodes.filter((n) => n.running).length;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const seen = indexer.statuses().filter((s) => s.state !== 'waiting' && s.state !== 'retrying');
    if (
      seen.length === running &&
      seen.every((s) => s.indexedHeight !== undefined && s.indexedHeight === s.headHeight)
    )
      break;
    if (Date.now() > deadline)
      throw new Error(`not caught up: ${JSON.stringify(indexer.statuses())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const split = await buildSplitView(client.db);
  if (!split) throw new Error('no proposal indexed');
  const proposal = await buildProposalView(client.db, split.proposalId);
  if (!proposal) throw new Error('no proposal view');
  const address = (name: string) => devnet?.accounts.find((a) => a.name === name)?.address;
  return { split, proposal, address };
}

describe('misbehaviours reach the operators', { timeout: 60_000 }, () => {
  it('rehearsal-4of5: both chains upgrade, genesis hashes match', async () => {
    const { split, proposal } = await play('rehearsal-4of5', 4310);
    expect(proposal.lifecycle.state).toBe('delta_upgraded');
    expect(split.health?.alpha.new?.genesis).toBe('matched');
    expect(split.health?.delta.new?.genesis).toBe('matched');
    expect(split.health?.delta.new?.alphaReference).toBe('matched');
    expect(
      split.health?.alerts.filter((a) => a.code === 'genesis_mismatch' || a.code === 'delta_rogue'),
    ).toEqual([]);
  });

  it('genesis-mismatch: the upgrade halts and the alert names the hashes', async () => {
    const { split, proposal } = await play('genesis-mismatch', 4320);
    expect(proposal.lifecycle.state).toBe('halted');
    if (proposal.lifecycle.state === 'halted') {
      expect(proposal.lifecycle.reasons.map((r) => r.code)).toContain('alpha_hash_mismatch');
    }
    const alert = split.health?.alerts.find((a) => a.code === 'genesis_mismatch');
    expect(alert).toMatchObject({ chain: 'alpha', expected: split.expected.alphaGenesisHash });
    // The banner on every page leads with it.
    const [first] = await buildAlerts(client?.db as NonNullable<typeof client>['db']);
    expect(first).toMatchObject({ severity: 'critical', code: 'genesis_mismatch' });
  });

  it('rogue-delta: a Delta naming the wrong Alpha genesis is flagged', async () => {
    const { split, proposal } = await play('rogue-delta', 4340);
    expect(split.health?.delta.new?.alphaReference).toBe('mismatched');
    expect(split.health?.alerts.map((a) => a.code)).toContain('delta_rogue');
    expect(proposal.lifecycle.state).toBe('halted');
  });

  it('yes-voter-stays: Yes voters still authoring on the old network are defectors', async () => {
    const { split, address } = await play('yes-voter-stays', 4350);
    const defectors = split.health?.alpha.old?.defectors ?? [];
    for (const name of ['governor-2', 'governor-3', 'governor-4']) {
      expect(defectors).toContainEqual({ address: address(name), kind: 'yes_on_old' });
    }
    expect(split.health?.alerts).toContainEqual(
      expect.objectContaining({ code: 'defectors', chain: 'alpha', side: 'old' }),
    );
  });

  it('double-authoring: validators on both sides at once are named', async () => {
    const { split, address } = await play('double-authoring', 4360);
    expect(split.health?.bothSides.alpha).toEqual(
      expect.arrayContaining([address('governor-2'), address('governor-3'), address('governor-4')]),
    );
  });

  it('counter-drift: the audit reports the program counters that disagree with the votes', async () => {
    const { proposal } = await play('counter-drift', 4370);
    expect(proposal.audit?.mismatches.length).toBeGreaterThan(0);
    expect(proposal.audit?.mismatches).toContainEqual(
      expect.objectContaining({ counter: 'governorNoVotes' }),
    );
  });
});
