import { createDbClient, type DbClient } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { type IndexerHandle, startIndexer } from '@ratify/indexer';
import { addressOf, hashToField, randomAccount } from '@ratify/wallet';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOverview } from './overview';
import { parseProposalSearch, searchProposals } from './proposal-search';
import { buildValidatorView } from './validator';

// The demo scenario (2 s nominal blocks: voting ends at 144, votes at 26, 31, …, 56),
// played past its last vote and followed by the real indexer into a fresh database.
const votingId = hashToField('proposal-id', 'demo', 'canary-to-testnet').toString();
const pastId = hashToField('proposal-id', 'demo', 'past-upgrade').toString();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let devnet: Devnet;
let indexer: IndexerHandle;
let client: DbClient;

const address = (name: string) => {
  const a = devnet.accounts.find((x) => x.name === name);
  if (!a) throw new Error(`no devnet account ${name}`);
  return a.address;
};

beforeAll(async () => {
  database = await createTestDatabase();
  client = createDbClient(database.url, { max: 4 });
  devnet = await startDevnet({ scenario: 'demo', portBase: 4770, blockTimeMs: 0, admin: true });
  const urls = (chain: string) => devnet.nodes.filter((n) => n.chain === chain).map((n) => n.url);
  indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: urls('alpha'),
    deltaNodes: urls('delta'),
    port: 0,
    pollIntervalMs: 50,
    requestsPerSecond: 1000,
  });
  await devnet.advance(40);
  const deadline = Date.now() + 30_000;
  const running = devnet.nodes.filter((n) => n.running).length;
  for (;;) {
    const s = indexer.statuses().filter((x) => x.indexedHeight !== undefined);
    if (s.length === running && s.every((x) => x.indexedHeight === x.headHeight)) break;
    if (Date.now() > deadline)
      throw new Error(`not caught up: ${JSON.stringify(indexer.statuses())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  await indexer?.stop();
  await devnet?.stop();
  await client?.close();
  await database?.drop();
});

describe('validator page', () => {
  it('shows a governor that changed its vote: role, stake, every vote, authoring', async () => {
    const view = await buildValidatorView(client.db, address('governor-3'));
    expect(view?.role).toBe('governor');
    expect(view?.roles.map((r) => [r.chain, r.current.role, r.current.stake])).toContainEqual([
      'alpha',
      'governor',
      (10_000_000n * 1_000_000n).toString(),
    ]);
    // Past proposal: No at 6. Demo proposal: No at 36, replaced by Yes at 51.
    expect(
      view?.votes.map((v) => [v.proposalId, v.choice, v.accepted, v.counted, v.height]),
    ).toEqual([
      [pastId, 'no', true, true, 6],
      [votingId, 'no', true, false, 36],
      [votingId, 'yes', true, true, 51],
    ]);
    expect(view?.proposals.find((p) => p.proposalId === votingId)).toMatchObject({
      phase: 'voting',
      choice: 'yes',
      side: null,
    });
    const alpha = view?.authoring.find((a) => a.chain === 'alpha');
    expect(alpha?.certificates).toBeGreaterThan(0);
    expect(
      (alpha?.led ?? 0) + (view?.authoring.find((a) => a.chain === 'delta')?.led ?? 0),
    ).toBeGreaterThan(0);
  });

  it('shows a rejected attempt, and finds the same key under the Delta prefix', async () => {
    const view = await buildValidatorView(client.db, address('public-2'));
    expect(view?.role).toBe('public');
    expect(view?.votes.map((v) => [v.proposalId, v.choice, v.accepted, v.counted])).toEqual([
      [pastId, 'yes', false, false],
      [votingId, 'abstain', true, true],
    ]);
    const dx = view?.forms.find((f) => f.startsWith('dx1'));
    expect(dx).toBeDefined();
    const again = await buildValidatorView(client.db, dx ?? '');
    expect(again?.votes).toHaveLength(2);
  });

  it('knows a proposer as such, and nothing of an address never seen', async () => {
    const view = await buildValidatorView(client.db, address('governor-1'));
    expect(view?.proposals.find((p) => p.proposalId === pastId)?.proposer).toBe(true);
    expect(
      await buildValidatorView(client.db, addressOf(randomAccount().publicKey, 'ax')),
    ).toBeNull();
  });

  it('has indexes that serve its queries', async () => {
    const plan = async (query: ReturnType<typeof sql>) =>
      client.db.transaction(async (tx) => {
        // Tables this small are always scanned; forbid that to see which index the planner picks.
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${query}`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const a = address('governor-3');
    expect(await plan(sql`SELECT * FROM votes WHERE voter = ${a} ORDER BY height`)).toContain(
      'votes_by_voter',
    );
    expect(
      await plan(
        sql`SELECT chain_network_id, count(*) FROM blocks WHERE leader IN (${a}) GROUP BY 1`,
      ),
    ).toContain('blocks_by_leader');
    expect(
      await plan(
        sql`SELECT chain_network_id, count(*) FROM blocks WHERE authors && ARRAY[${a}]::text[] GROUP BY 1`,
      ),
    ).toContain('blocks_by_author');
  });
});

describe('proposals list', () => {
  const search = async (params: Record<string, string>) => {
    const parsed = parseProposalSearch(params);
    if (!parsed.ok) throw new Error(parsed.message);
    return searchProposals(client.db, parsed.search);
  };

  it('filters by phase, searches by id and proposer, sorts and pages', async () => {
    expect((await search({})).items.map((p) => p.proposalId)).toEqual([votingId, pastId]);
    expect((await search({ sort: 'oldest' })).items.map((p) => p.proposalId)).toEqual([
      pastId,
      votingId,
    ]);
    expect((await search({ phase: 'voting' })).items.map((p) => p.proposalId)).toEqual([votingId]);
    expect((await search({ phase: 'rejected' })).items.map((p) => p.proposalId)).toEqual([pastId]);
    expect((await search({ phase: 'halted' })).total).toBe(0);
    expect((await search({ q: `${pastId.slice(3, 15)}` })).items.map((p) => p.proposalId)).toEqual([
      pastId,
    ]);
    expect((await search({ q: address('governor-2') })).items.map((p) => p.proposalId)).toEqual([
      votingId,
    ]);
    const second = await search({ per: '1', page: '2' });
    expect([second.total, second.pages, second.items.map((p) => p.proposalId)]).toEqual([
      2,
      2,
      [pastId],
    ]);
    expect((await search({ per: '1', page: '3' })).items).toEqual([]);
  });
});

describe('overview', () => {
  it('shows each chain, the proposal in voting with its distance, and the next activation', async () => {
    const o = await buildOverview(client.db);
    expect(o.chains.map((c) => [c.chain, c.networkId])).toEqual([
      ['alpha', 2],
      ['delta', 2],
    ]);
    expect(o.chains.every((c) => (c.head ?? 0) > 24)).toBe(true);
    expect(o.active.map((a) => [a.proposalId, a.phase])).toEqual([[votingId, 'voting']]);
    const [demo] = o.active;
    // governor-1, -2, -3 Yes; -4 No; the demo account has not voted: 3 of 5 is short of 67%.
    expect(demo?.governors).toEqual({ yes: 3, size: 5 });
    expect(demo?.public).toEqual({ yes: 1, size: 2 });
    expect(demo?.approved).toBe(false);
    expect(demo?.distance.unmet.map((c) => c.id)).toEqual(['supermajority']);
    expect(o.nextActivation?.proposalId).toBe(votingId);
    expect(o.nextActivation?.countdown.targetHeight).toBe(174);
  });
});
