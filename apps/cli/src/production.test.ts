import { spawnSync } from 'node:child_process';
import { createNodeClient } from '@ratify/aleo';
import { createDbClient, type DbClient } from '@ratify/db';
import { createTestDatabase, tableChecksums } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { startIndexer } from '@ratify/indexer';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ratifyBin as bin,
  freePort,
  type IndexProcess,
  spawnIndex,
  waitFor,
} from './_test/index-process';

// The production path, as an operator runs it: `ratify index` processes against a
// PostgreSQL database that also holds someone else's data, following real HTTP nodes.

const PORT_BASE = 4910;
const HISTORY = 2_000;

function ratify(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('ratify index against a shared PostgreSQL database and real nodes', {
  timeout: 240_000,
}, () => {
  let devnet: Devnet;
  let shared: Awaited<ReturnType<typeof createTestDatabase>>;
  let sharedClient: DbClient;
  const running: IndexProcess[] = [];
  const nodes = () => ({
    alpha: devnet.nodes.filter((n) => n.chain === 'alpha' && n.side === 'source').map((n) => n.url),
    delta: devnet.nodes.filter((n) => n.chain === 'delta' && n.side === 'source').map((n) => n.url),
  });
  const heads = async () =>
    Promise.all(
      [...nodes().alpha, ...nodes().delta].map((u) =>
        createNodeClient({ baseUrl: u }).latestHeight(),
      ),
    );
  const indexedTo = (client: DbClient, want: number[], timeoutMs = 60_000) =>
    waitFor(
      `indexing to ${want.join('/')}`,
      async () => {
        const rows = await client.sql<
          { height: number }[]
        >`SELECT height FROM checkpoints ORDER BY chain_network_id`;
        const got = rows.map((r) => Number(r.height)).sort((a, b) => a - b);
        const need = [...want].sort((a, b) => a - b);
        return got.length === need.length && got.every((h, i) => h >= (need[i] ?? 0))
          ? got
          : undefined;
      },
      timeoutMs,
    );

  beforeAll(async () => {
    devnet = await startDevnet({
      scenario: 'demo',
      portBase: PORT_BASE,
      blockTimeMs: 0,
      admin: true,
      history: HISTORY,
    });
    shared = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const sql = postgres(shared.url, { max: 1, onnotice: () => {} });
    // Someone else's data in the same database, in public and in a schema of their own.
    await sql`CREATE TABLE public.app_users (id int PRIMARY KEY, name text)`;
    await sql`INSERT INTO public.app_users VALUES (1, 'ada'), (2, 'grace')`;
    await sql`CREATE SCHEMA billing`;
    await sql`CREATE TABLE billing.invoices (id int PRIMARY KEY)`;
    await sql`INSERT INTO billing.invoices VALUES (7)`;
    await sql.end();
    sharedClient = createDbClient(shared.url, { max: 2 });
  });

  afterAll(async () => {
    await Promise.allSettled(running.map((p) => p.stop()));
    await sharedClient?.close();
    await devnet?.stop();
    await shared?.drop();
  });

  const foreignDataIntact = async () => {
    const sql = postgres(shared.url, { max: 1, onnotice: () => {} });
    try {
      const users = await sql`SELECT name FROM public.app_users ORDER BY id`;
      const invoices = await sql`SELECT id FROM billing.invoices`;
      return { users: users.map((u) => u.name), invoices: invoices.map((i) => i.id) };
    } finally {
      await sql.end();
    }
  };

  it('two indexers started together on an empty database migrate once, write once, and index to the head', async () => {
    const [a, b] = await Promise.all([
      spawnIndex(shared.url, nodes()),
      spawnIndex(shared.url, nodes()),
    ]);
    running.push(a as IndexProcess, b as IndexProcess);
    await indexedTo(sharedClient, await heads());
    const logs = [a?.output() ?? '', b?.output() ?? ''].join('\n').split('\n').filter(Boolean);
    const messages = logs.flatMap((l) => {
      try {
        return [JSON.parse(l).msg as string];
      } catch {
        return [];
      }
    });
    expect(messages.filter((m) => m === 'migrations applied')).toHaveLength(1);
    expect(messages.filter((m) => m === 'database schema up to date')).toHaveLength(1);
    const [migrations] =
      await sharedClient.sql`SELECT count(*)::int AS n FROM __drizzle_migrations`;
    expect(migrations?.n).toBeGreaterThanOrEqual(2);
    // Per chain-network exactly one writes; the other process stands by for it.
    const states = await Promise.all(
      [a, b].map(async (p) =>
        (
          (await getJson(`http://127.0.0.1:${p?.port}/status`)).body.nodes as { state: string }[]
        ).map((n) => n.state),
      ),
    );
    for (let i = 0; i < 2; i++) {
      const column = states.map((s) => s[i]);
      expect(column.filter((s) => s === 'standby')).toHaveLength(1);
    }
    const [blocks] =
      await sharedClient.sql`SELECT count(*)::int AS n, count(DISTINCT (chain_network_id, height))::int AS d FROM blocks`;
    expect(blocks?.n).toBe(blocks?.d);
    expect(await foreignDataIntact()).toEqual({ users: ['ada', 'grace'], invoices: [7] });
  }, 120_000);

  it('cutting the writers’ connections mid-backfill leaves the same database as an uninterrupted run', async () => {
    const want = await heads();
    const clean = await createTestDatabase(inject('databaseUrl'));
    const cut = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    const cleanClient = createDbClient(clean.url, { max: 2 });
    const cutClient = createDbClient(cut.url, { max: 2 });
    const slow = { BATCH_SIZE: '50', NODE_REQUESTS_PER_SECOND: '10' };
    try {
      const reference = await startIndexer({
        databaseUrl: clean.url,
        alphaNodes: nodes().alpha,
        deltaNodes: nodes().delta,
        port: 0,
        batchSize: 50,
        pollIntervalMs: 50,
        requestsPerSecond: 50,
      });
      await indexedTo(cleanClient, want);
      await reference.stop();

      const writer = await spawnIndex(cut.url, nodes(), slow);
      const standby = await spawnIndex(cut.url, nodes(), slow);
      running.push(writer, standby);
      let terminated = 0;
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 250));
        const rows = await admin`
          SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
          WHERE datname = ${new URL(cut.url).pathname.slice(1)} AND application_name = 'ratify-indexer'`;
        terminated += rows.filter((r) => r.done).length;
      }
      expect(terminated).toBeGreaterThanOrEqual(10);
      const [mid] = await cutClient.sql`SELECT min(height)::int AS h FROM checkpoints`;
      await indexedTo(cutClient, want, 150_000).catch(async (error) => {
        const status = await Promise.all(
          [writer, standby].map((p) =>
            fetch(`http://127.0.0.1:${p.port}/status`)
              .then((r) => r.text())
              .catch((e) => String(e)),
          ),
        );
        throw new Error(
          `${error}\n${status.join('\n')}\n${writer.output().slice(-2000)}\n${standby.output().slice(-2000)}`,
        );
      });
      // Both processes lived through it, and the index is byte-for-byte the clean one.
      expect(writer.child.exitCode, writer.output().slice(-3000)).toBe(null);
      expect(standby.child.exitCode, standby.output().slice(-3000)).toBe(null);
      expect(Number(mid?.h ?? 0)).toBeLessThan(Math.min(...want));
      expect(await tableChecksums(cut.url)).toEqual(await tableChecksums(clean.url));
      await writer.stop();
      await standby.stop();
    } finally {
      await admin.end();
      await cleanClient.close();
      await cutClient.close();
      await clean.drop();
      await cut.drop();
    }
  }, 120_000);

  it('a block that does not link pauses its chain-network, /ready names it, and rewind resumes', async () => {
    const [writer] = running;
    const ops = `http://127.0.0.1:${writer?.port}`;
    await waitFor('ready', async () =>
      (await fetch(`${ops}/ready`)).status === 200 ? true : undefined,
    );
    const [top] = await sharedClient.sql<{ id: string; height: number }[]>`
      SELECT chain_network_id AS id, height FROM checkpoints WHERE chain_network_id LIKE 'alpha:%'`;
    const id = top?.id ?? '';
    const height = Number(top?.height);
    // The stored chain no longer matches the node's: the next block will not link to it.
    await sharedClient.sql`UPDATE blocks SET hash = 'ab1storedhashthatthenodeneverserved' WHERE chain_network_id = ${id} AND height = ${height}`;
    await sharedClient.sql`UPDATE checkpoints SET block_hash = 'ab1storedhashthatthenodeneverserved' WHERE chain_network_id = ${id}`;
    await devnet.advance(3);
    const pause = await waitFor('the pause', async () => {
      const [row] =
        await sharedClient.sql`SELECT reason, height FROM index_pauses WHERE chain_network_id = ${id}`;
      return row;
    });
    expect(pause).toMatchObject({ reason: 'discontinuity', height: height + 1 });
    const notReady = await waitFor('/ready 503', async () => {
      const r = await getJson(`${ops}/ready`);
      return r.status === 503 ? r.body : undefined;
    });
    expect(notReady.notReady).toEqual(
      expect.arrayContaining([expect.objectContaining({ chainNetwork: id, state: 'paused' })]),
    );
    // The gauges follow the live status once a second.
    const pausedLine = await waitFor('the paused gauge', async () => {
      const text = await (await fetch(`${ops}/metrics`)).text();
      return text
        .split('\n')
        .find((l) => l.startsWith('ratify_chain_network_paused{') && l.includes(id));
    });
    expect(pausedLine).toContain('reason="discontinuity"');
    expect(pausedLine?.endsWith(' 1')).toBe(true);
    // Nothing was rewritten by itself.
    const [still] =
      await sharedClient.sql`SELECT hash FROM blocks WHERE chain_network_id = ${id} AND height = ${height}`;
    expect(still?.hash).toBe('ab1storedhashthatthenodeneverserved');

    const refused = ratify(
      ['index', 'rewind', '--chain', 'alpha', '--network', '2', '--to', String(height - 1)],
      { DATABASE_URL: shared.url },
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('pass --yes to confirm without a terminal');
    const rewind = ratify(
      [
        'index',
        'rewind',
        '--chain',
        'alpha',
        '--network',
        '2',
        '--to',
        String(height - 1),
        '--yes',
      ],
      { DATABASE_URL: shared.url },
    );
    expect(rewind.err).toBe('');
    expect(rewind.code).toBe(0);
    expect(rewind.out).toContain(`rewound ${id} to height ${height - 1}`);
    expect(rewind.out).toContain('pause cleared');
    await indexedTo(sharedClient, await heads());
    const node = createNodeClient({ baseUrl: nodes().alpha[0] ?? '' });
    const [served] = await node.blocks(height, height + 1);
    const [stored] =
      await sharedClient.sql`SELECT hash FROM blocks WHERE chain_network_id = ${id} AND height = ${height}`;
    expect(stored?.hash).toBe(served?.block_hash);
    await waitFor('/ready 200', async () =>
      (await fetch(`${ops}/ready`)).status === 200 ? true : undefined,
    );
    expect(await foreignDataIntact()).toEqual({ users: ['ada', 'grace'], invoices: [7] });
  });

  it('/ready turns 503 within seconds of a node going away, and 200 after it returns', async () => {
    const [writer] = running;
    const ops = `http://127.0.0.1:${writer?.port}`;
    await waitFor('ready', async () =>
      (await fetch(`${ops}/ready`)).status === 200 ? true : undefined,
    );
    const admin = `${nodes().alpha[0]?.replace(/\/[^/]+$/, '')}/devnet/down`;
    const goneAt = Date.now();
    expect(
      (await fetch(admin, { method: 'POST', body: JSON.stringify({ ms: 9_000 }) })).status,
    ).toBe(200);
    const body = await waitFor(
      '/ready 503',
      async () => {
        const r = await getJson(`${ops}/ready`);
        return r.status === 503 ? r.body : undefined;
      },
      15_000,
    );
    const seconds = (Date.now() - goneAt) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(JSON.stringify(body.notReady)).toContain('unreachable');
    await waitFor(
      '/ready 200 again',
      async () => ((await fetch(`${ops}/ready`)).status === 200 ? true : undefined),
      30_000,
    );
  }, 60_000);

  it('/metrics parses as Prometheus text and carries every family operators alert on', async () => {
    // The two processes of the first test: each writes one chain-network or stands by for it.
    const [first, second] = running;
    const texts = await Promise.all(
      [first, second].map(async (p) => (await fetch(`http://127.0.0.1:${p?.port}/metrics`)).text()),
    );
    const families = parsePrometheusTextFormat(texts[0] ?? '');
    const text = texts.join('\n');
    expect(families.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'ratify_node_head_height',
        'ratify_indexed_height',
        'ratify_index_lag_blocks',
        'ratify_index_blocks_per_second',
        'ratify_index_eta_seconds',
        'ratify_chain_last_block_age_seconds',
        'ratify_node_request_duration_seconds',
        'ratify_rate_limited_total',
        'ratify_follow_retries_total',
        'ratify_db_transaction_duration_seconds',
        'ratify_block_commit_latency_seconds',
        'ratify_discontinuities_total',
        'ratify_chain_network_paused',
        'ratify_audit_mismatches',
        'process_resident_memory_bytes',
      ]),
    );
    const requests = families.find((f) => f.name === 'ratify_node_request_duration_seconds');
    expect(requests?.type).toBe('HISTOGRAM');
    // The parser keeps no labels for histograms whose `le` comes first: read those lines as text.
    expect(text).toMatch(
      /ratify_node_request_duration_seconds_count\{node="[^"]+",route="\/blocks",status="200"\} \d+/,
    );
  });

  it('db migrate and db status leave the data alone and say where each chain-network stands', () => {
    const migrate = ratify(['db', 'migrate'], { DATABASE_URL: shared.url });
    expect(migrate.code).toBe(0);
    expect(migrate.out).toMatch(/^schema "ratify" is up to date \(\d+ migrations applied\)\n$/);
    const status = ratify(['db', 'status', '--json'], { DATABASE_URL: shared.url });
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.out) as {
      migrations: { pending: string[] };
      chainNetworks: { chain: string; blocks: number; checkpoint: { height: number } }[];
    };
    expect(parsed.migrations.pending).toEqual([]);
    expect(parsed.chainNetworks.map((n) => n.chain).sort()).toEqual(['alpha', 'delta']);
    for (const n of parsed.chainNetworks) expect(n.blocks).toBe(n.checkpoint.height + 1);
    const bad = ratify(['db', 'status'], { DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('ratify: --database-url: a database URL starts with postgres://');
  });

  it('ratify up refuses to start clean over an index of real nodes, and changes nothing', async () => {
    const before = await tableChecksums(shared.url);
    const r = ratify(
      ['up', '--port', String(await freePort()), '--indexer-port', String(await freePort())],
      { DATABASE_URL: shared.url },
    );
    expect(r.code).toBe(1);
    expect(`${r.out}${r.err}`).toContain(
      'refusing to start clean: schema "ratify" holds an index of real nodes',
    );
    expect(`${r.out}${r.err}`).toContain('--keep-data');
    expect(await tableChecksums(shared.url)).toEqual(before);
    expect(await foreignDataIntact()).toEqual({ users: ['ada', 'grace'], invoices: [7] });
  });

  it('rejects a bad setting with one line and exit 2', () => {
    const r = ratify(['index', '--alpha', 'ftp://nowhere'], { DATABASE_URL: shared.url });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('ALPHA_NODES: node URLs are http(s) URLs, comma-separated');
    const noDb = ratify(['index', '--alpha', 'http://127.0.0.1:1/x'], { DATABASE_URL: '' });
    expect(noDb.code).toBe(2);
    expect(noDb.err).toContain('DATABASE_URL');
  });
});
