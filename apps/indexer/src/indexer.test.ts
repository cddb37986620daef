import { createNodeClient, decodeProposal, governanceTransitions } from '@ratify/aleo';
import { createDbClient, type DbClient } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from './_test/wait-for';
import { type IndexerHandle, startIndexer } from './indexer';

const PORT_BASE = 4830;

describe('indexer following a devnet', () => {
  let devnet: Devnet;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: DbClient;
  let indexer: IndexerHandle | undefined;
  const alpha = () =>
    devnet.nodes.filter((n) => n.chain === 'alpha' && n.side === 'source').map((n) => n.url);
  const delta = () =>
    devnet.nodes.filter((n) => n.chain === 'delta' && n.side === 'source').map((n) => n.url);
  const start = () =>
    startIndexer({
      databaseUrl: database.url,
      alphaNodes: alpha(),
      deltaNodes: delta(),
      port: 0,
      pollIntervalMs: 50,
      batchSize: 25,
    });
  const caughtUp = async (height: number) =>
    waitFor(`indexing to ${height}`, async () => {
      const rows = await client.sql`SELECT min(height) AS h FROM checkpoints`;
      const count = await client.sql`SELECT count(*)::int AS n FROM checkpoints`;
      return count[0]?.n === 2 && Number(rows[0]?.h) >= height ? true : undefined;
    });

  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'));
    client = createDbClient(database.url);
    devnet = await startDevnet({
      scenario: 'demo',
      portBase: PORT_BASE,
      blockTimeMs: 0,
      admin: true,
    });
  });
  afterAll(async () => {
    await indexer?.stop();
    await devnet?.stop();
    await client?.close();
    await database?.drop();
  });

  it('indexes every block, proposal and vote, and its counters agree with the node', async () => {
    await devnet.advance(60);
    const node = createNodeClient({ baseUrl: alpha()[0] ?? '' });
    const head = await node.latestHeight();
    indexer = await start();
    await caughtUp(head);

    const [blocks] =
      await client.sql`SELECT count(*)::int AS n, max(height) AS top FROM blocks WHERE chain_network_id LIKE 'alpha:%'`;
    expect(blocks?.n).toBe(head + 1);
    // Every governance transition the node served is in the database, with its status.
    const served = (await node.blocks(0, head + 1)).flatMap((b) => governanceTransitions(b));
    const votes =
      await client.sql`SELECT transaction_id, accepted FROM votes ORDER BY height, position`;
    const servedVotes = served.filter((t) => t.function === 'vote_network_upgrade');
    expect(votes.map((v) => [v.transaction_id, v.accepted])).toEqual(
      servedVotes.map((t) => [t.transactionId, t.status === 'accepted']),
    );
    const proposals =
      await client.sql`SELECT proposal_id, onchain_counters FROM proposals ORDER BY created_at_height`;
    const submitted = served.filter(
      (t) => t.function === 'submit_network_upgrade' && t.status === 'accepted',
    );
    expect(proposals.length).toBe(submitted.length);
    expect(proposals.length).toBeGreaterThanOrEqual(2);
    for (const p of proposals) {
      const value = await node.mapping(
        'credits.alpha',
        'network_upgrade_proposals',
        `${p.proposal_id}field`,
      );
      const onchain = decodeProposal(value ?? '');
      expect(p.onchain_counters).toEqual({
        governorYesVotes: onchain.governorYesVotes,
        governorNoVotes: onchain.governorNoVotes,
        publicYesVotes: onchain.publicYesVotes,
        publicNoVotes: onchain.publicNoVotes,
      });
    }
    const sets =
      await client.sql`SELECT governors, committee FROM validator_sets WHERE chain_network_id LIKE 'alpha:%'`;
    expect(sets[0]?.governors).toEqual([...(await node.governors())].sort());
  });

  it('resumes from its checkpoint after a restart, without gaps or duplicates', async () => {
    await indexer?.stop();
    indexer = undefined;
    const before = await client.sql`SELECT chain_network_id, height FROM checkpoints ORDER BY 1`;
    await devnet.advance(40);
    const head = await createNodeClient({ baseUrl: alpha()[0] ?? '' }).latestHeight();
    indexer = await start();
    await caughtUp(head);
    const rows = await client.sql`
      SELECT chain_network_id, count(*)::int AS n, count(DISTINCT height)::int AS d, max(height) AS top
      FROM blocks GROUP BY 1 ORDER BY 1`;
    for (const r of rows) {
      expect(r.n).toBe(r.d);
      expect(r.n).toBe(Number(r.top) + 1);
    }
    expect(before.every((b) => Number(b.height) < head)).toBe(true);
  });

  it('keeps a single writer per chain-network: a second indexer stands by', async () => {
    const second = await start();
    try {
      await waitFor('standby', async () =>
        second.statuses().every((s) => s.state === 'standby') ? true : undefined,
      );
      const ops = await fetch(`http://127.0.0.1:${second.port}/status`);
      const body = (await ops.json()) as { nodes: { state: string }[] };
      expect(body.nodes.map((n) => n.state)).toEqual(['standby', 'standby']);
    } finally {
      await second.stop();
    }
  });
});
