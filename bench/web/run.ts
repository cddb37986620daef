import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDbClient, NOTIFY_CHANNEL } from '@ratify/db';
import { startEmbeddedPostgres } from '@ratify/db/embedded';
import { migrateDatabase } from '@ratify/db/migrate';
import postgres from 'postgres';
import { z } from 'zod';
import { ensureWebBuilt, startWeb } from '../../apps/cli/src/launch/web';
import { openProposalPage, type ProposalPage } from './browser';
import { type Goal, goalsTable, judge } from './goals';
import { hit, type LoadFigures } from './load';
import { type NodeFigures, nodeToClient, startNodeStack, timingsBetween } from './node-phase';
import { seedChain } from './seed';
import { openStreams, parseIndexed, type Spread, sseFanOut, wireBytes } from './sse';

const root = join(import.meta.dirname, '..', '..');

const bool = z.enum(['true', 'false']).transform((s) => s === 'true');
/** Flags that take no value (`--strict`); `--strict=false` also works. */
const BARE = new Set(['skip-build', 'quick', 'strict', 'browser', 'devnet']);
/** What `--quick` sets unless given too. */
const QUICK = { duration: '5', sse: '100', blocks: '5' } as const;

const flags = z
  .object({
    duration: z.coerce.number().int().positive().default(30),
    connections: z
      .string()
      .default('50,200')
      .transform((s) => s.split(',').map(Number))
      .pipe(z.array(z.number().int().positive())),
    sse: z.coerce.number().int().nonnegative().default(500),
    blocks: z.coerce.number().int().positive().default(20),
    // Serve the dashboard as last built, e.g. to measure an earlier version's build.
    'skip-build': bool.default(false),
    // A short run: --duration 5 --sse 100 --blocks 5 unless given.
    quick: bool.default(false),
    // Exit 1 when a goal fails (otherwise the run is a report and exits 0).
    strict: bool.default(false),
    // The proposal page in Chromium while the streams are open.
    browser: bool.default(true),
    // The second stream phase: `ratify devnet` and `ratify index` as the source of blocks.
    devnet: bool.default(true),
    // Where `ratify index` writes: the seeded database, served by the same web server
    // (`shared`), or a fresh database with a second web server (`own`).
    'devnet-db': z.enum(['shared', 'own']).default('shared'),
    'block-time': z.coerce.number().int().min(100).max(10_000).default(1000),
    // POLL_INTERVAL_MS for `ratify index` (its own default when not given).
    'index-poll': z.coerce.number().int().min(50).max(60_000).optional(),
    // NODE_REQUESTS_PER_SECOND for `ratify index` (a number or `unpaced`; its own default
    // when not given).
    'node-rps': z
      .string()
      .regex(/^(unpaced|\d+(\.\d+)?)$/, 'a number or unpaced')
      .optional(),
  })
  .strict();

const FLAG_NAMES = Object.keys(flags.shape)
  .map((k) => `--${k}`)
  .join(', ');

function parseFlags(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i] ?? '');
    if (!m?.[1]) throw new Error(`unknown argument ${argv[i]} (flags: ${FLAG_NAMES})`);
    raw[m[1]] = m[2] ?? (BARE.has(m[1]) ? 'true' : (argv[++i] ?? ''));
  }
  if (raw.quick === 'true') for (const [k, v] of Object.entries(QUICK)) raw[k] ??= v;
  const parsed = flags.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `bad flags: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The first of `n` consecutive free ports (the devnet takes a base and the ports after it). */
async function freePorts(n: number): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const base = randomInt(20_000, 60_000);
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = await portFree(base + i);
    if (ok) return base;
  }
  throw new Error(`no ${n} consecutive free ports found`);
}

/** A database of its own: on DATABASE_URL's server (created, then dropped) or embedded. */
async function benchDatabase(
  label = 'seeded',
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `ratify_bench_${randomBytes(5).toString('hex')}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  const dataDir = join(root, '.data', 'bench-web', `${process.pid}-${label}`);
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  return {
    url: pg.url,
    stop: async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.log`, { force: true });
    },
  };
}

/** Resident memory of a process's session (`next start` and its next-server, or the indexer). */
function rssMb(pid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' });
    return out.split('\n').reduce((n, l) => n + (Number(l.trim()) || 0), 0) / 1024;
  } catch {
    return Number.NaN; // the process is gone
  }
}

type Js = { files: number; bytes: number; encodings: string[]; paths: string[] };

/** Every script the page's HTML names, as the server sends it to a browser that accepts gzip/br. */
async function htmlJavaScript(base: string, path: string): Promise<Js> {
  const html = await (await fetch(base + path)).text();
  const srcs = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string)),
  ];
  const sent = await Promise.all(srcs.map((src) => wireBytes(new URL(src, base).toString())));
  return {
    files: srcs.length,
    bytes: sent.reduce((n, s) => n + s.bytes, 0),
    encodings: [...new Set(sent.map((s) => s.encoding))].sort(),
    paths: srcs.map((src) => new URL(src, base).pathname),
  };
}

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const ms = (s: Spread) => `p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, max ${fmt(s.max)} ms`;
const sizes = (bytes: number) =>
  `${bytes.toLocaleString('en-US')} bytes = ${fmt(bytes / 1000, 1)} kB = ${fmt(bytes / 1024, 1)} KiB`;
const JS_BUDGET = 250_000;
const HTTP_P95_MS = 100;
const STREAM_P95_MS = 1_000;

function table(rows: LoadFigures[]): string {
  const head = '| target | clients | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | MB/s |';
  const line = '|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  return [
    head,
    line,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} | ${r.non2xx} | ${fmt(r.mbPerSec, 1)} |`,
    ),
  ].join('\n');
}

/** First time the bench's own LISTEN connection heard each `chainNetworkId#height`. */
async function listenIndexed(sql: postgres.Sql): Promise<{
  heard: Map<string, number>;
  stop: () => Promise<void>;
}> {
  const heard = new Map<string, number>();
  const sub = await sql.listen(NOTIFY_CHANNEL, (payload) => {
    const at = Date.now();
    const e = parseIndexed(JSON.stringify(payload));
    if (e?.c !== undefined && !heard.has(`${e.c}#${e.h}`)) heard.set(`${e.c}#${e.h}`, at);
  });
  return { heard, stop: () => sub.unlisten() };
}

/** Runs the bench and prints its report; true when `--strict` was given and a goal failed. */
async function main(): Promise<boolean> {
  const o = parseFlags(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  const started = Date.now();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const database = await benchDatabase();
  const stops: (() => Promise<void>)[] = [database.stop];
  try {
    await migrateDatabase(database.url);
    const client = createDbClient(database.url, { max: 4 });
    stops.unshift(client.close);
    const seedStarted = Date.now();
    const chain = await seedChain(client.db, {
      proposals: 50,
      votes: 10_000,
      validators: 500,
      blocks: 2_000,
    });
    log(
      `seeded 50 proposals, 10,000 votes, 500 validators, 2,000 blocks in ${fmt((Date.now() - seedStarted) / 1000, 1)} s`,
    );

    if (!o['skip-build']) await ensureWebBuilt(root, log);
    const port = await freePort();
    const web = await startWeb({
      root,
      host: '127.0.0.1',
      port,
      env: { DATABASE_URL: database.url },
      log: () => {},
    });
    stops.unshift(web.stop);
    const base = `http://127.0.0.1:${port}`;
    const id = chain.proposalIds[0] as string;
    const trpcInput = encodeURIComponent(JSON.stringify({ 0: {}, 1: { proposalId: id } }));
    const targets = [
      ['/api/v1/proposals', '/api/v1/proposals'],
      ['/api/v1/proposals/{id}', `/api/v1/proposals/${id}`],
      [
        'tRPC alerts.list,proposals.get',
        `/api/trpc/alerts.list,proposals.get?batch=1&input=${trpcInput}`,
      ],
      ['/proposals/{id} HTML', `/proposals/${id}`],
    ] as const;
    for (const [, path] of targets) {
      const res = await fetch(base + path);
      if (!res.ok) throw new Error(`${path} answered ${res.status} before the run`);
      await res.arrayBuffer();
    }
    const pid = web.child.pid ?? 0;
    const rssBefore = rssMb(pid);
    const rows: LoadFigures[] = [];
    for (const connections of o.connections) {
      for (const [name, path] of targets) {
        const r = await hit(name, base + path, connections, o.duration);
        // Requests still queued in the server would slow the next run: wait them out.
        const drained = Date.now();
        try {
          await (await fetch(base + path, { signal: AbortSignal.timeout(180_000) })).arrayBuffer();
        } catch {
          log(`  the server had not worked off its queue after 180 s`);
        }
        log(`  queue drained in ${fmt((Date.now() - drained) / 1000, 1)} s`);
        log(`${name} @${connections}: ${fmt(r.rps)} req/s p95 ${fmt(r.p95)} ms`);
        rows.push(r);
      }
    }
    const rssAfterLoad = rssMb(pid);

    // The streams stay open through both stream phases.
    lag.enable();
    const listen = await listenIndexed(client.sql);
    stops.unshift(listen.stop);
    const pool = o.sse > 0 ? await openStreams(`${base}/api/stream`, o.sse) : undefined;
    if (pool) {
      stops.unshift(async () => pool.close());
      log(`${pool.connected()}/${o.sse} event streams open`);
    }

    // Phase 1: blocks written straight into the database, the page open in Chromium.
    let page: ProposalPage | undefined;
    let pageError: string | undefined;
    if (o.browser) {
      try {
        page = await openProposalPage(`${base}/proposals/${id}`);
        stops.unshift(async () => page?.close());
      } catch (e) {
        pageError = e instanceof Error ? e.message.split('\n')[0] : String(e);
        log(`Chromium: ${pageError}`);
      }
    }
    const commits: { startedAt: number; count: number }[] = [];
    const sse = pool
      ? await sseFanOut({
          pool,
          blocks: o.blocks,
          chainNetworkId: chain.chainNetworkId,
          nextHeight: () => chain.head + 1,
          // Every block votes on the page's proposal, so the page has something to show.
          commit: (startedAt) => {
            if (page) commits.push({ startedAt, count: page.initialCount + commits.length + 1 });
            return chain.nextBlock(0);
          },
          notified: listen.heard,
          // What an open proposal page fetches when told of a commit.
          refetch: base + (targets[2]?.[1] ?? ''),
        })
      : undefined;
    const dom = page ? await page.measure(commits) : undefined;
    if (page) await page.close();
    const rssAfter = rssMb(pid);
    const lagSeeded = lag.percentile(99) / 1e6;
    lag.reset();

    // Phase 2: blocks from a devnet node, through `ratify index`.
    let nodes: NodeFigures | undefined;
    let indexerRss: { before: number; after: number } | undefined;
    let stackError: string | undefined;
    let rssAfterNodes = Number.NaN;
    let indexerTimes: ReturnType<typeof timingsBetween> = [];
    let webRssNodes = Number.NaN;
    if (pool && o.devnet) {
      try {
        // `own`: a fresh database and web server of their own, holding only the devnet.
        let phase = { url: database.url, sql: client.sql, pool, heard: listen.heard, pid };
        if (o['devnet-db'] === 'own') {
          pool.close();
          const own = await benchDatabase('devnet');
          stops.unshift(own.stop);
          await migrateDatabase(own.url);
          const ownClient = createDbClient(own.url, { max: 2 });
          stops.unshift(ownClient.close);
          const ownPort = await freePort();
          const ownWeb = await startWeb({
            root,
            host: '127.0.0.1',
            port: ownPort,
            env: { DATABASE_URL: own.url },
            log: () => {},
          });
          stops.unshift(ownWeb.stop);
          const ownListen = await listenIndexed(ownClient.sql);
          stops.unshift(ownListen.stop);
          const ownPool = await openStreams(`http://127.0.0.1:${ownPort}/api/stream`, o.sse);
          stops.unshift(async () => ownPool.close());
          phase = {
            url: own.url,
            sql: ownClient.sql,
            pool: ownPool,
            heard: ownListen.heard,
            pid: ownWeb.child.pid ?? 0,
          };
        }
        const stack = await startNodeStack({
          root,
          databaseUrl: phase.url,
          sql: phase.sql,
          portBase: await freePorts(4),
          indexerPort: await freePort(),
          blockTimeMs: o['block-time'],
          ...(o['index-poll'] ? { indexPollMs: o['index-poll'] } : {}),
          ...(o['node-rps'] ? { nodeRps: o['node-rps'] } : {}),
          log,
        });
        stops.unshift(stack.stop);
        const before = rssMb(stack.indexerPid);
        const m0 = await stack.timings().catch(() => undefined);
        nodes = await nodeToClient({
          pool: phase.pool,
          nodes: stack.nodes,
          blocks: o.blocks,
          blockTimeMs: o['block-time'],
          notified: phase.heard,
        });
        indexerRss = { before, after: rssMb(stack.indexerPid) };
        const m1 = await stack.timings().catch(() => undefined);
        if (m0 && m1) indexerTimes = timingsBetween(m0, m1);
        rssAfterNodes = rssMb(pid);
        webRssNodes = rssMb(phase.pid);
        await stack.stop();
        phase.pool.close();
      } catch (e) {
        stackError = e instanceof Error ? e.message : String(e);
        log(`devnet phase: ${stackError}`);
      }
    }
    const lagNodes = lag.percentile(99) / 1e6;
    lag.disable();
    pool?.close();
    const js = await htmlJavaScript(base, `/proposals/${id}`);

    console.log(`\n## bench:web (${o.duration} s per HTTP run)\n`);
    console.log(table(rows));
    if (sse) {
      console.log(
        `\nStreams, blocks written into the database (writeBatch, as the indexer commits): ` +
          `${sse.connected}/${sse.clients} streams open, ${sse.blocks} blocks 1 s apart, each a vote on the first proposal: ` +
          `${sse.delivered}/${sse.expected} updates delivered; commit to client ${ms(sse.latency)}`,
      );
      if (sse.toNotify)
        console.log(`  commit start to the bench's own LISTEN hearing it: ${ms(sse.toNotify)}`);
      if (sse.refetch)
        console.log(
          `  each stream then refetching the page's tRPC batch: ${sse.refetch.done} answered, ` +
            `${sse.refetch.failed} failed; commit to fresh data p50 ${fmt(sse.refetch.p50)} ms, p95 ${fmt(sse.refetch.p95)} ms`,
        );
      console.log(`  bench event loop delay p99 ${fmt(lagSeeded, 1)} ms`);
    }
    if (o.browser)
      console.log(
        dom
          ? `\nProposal page in Chromium (vote rows of [data-testid="votes"]): the new vote shown for ${dom.updated}/${commits.length} blocks; commit to DOM updated ${ms(dom.latency)}`
          : `\nProposal page in Chromium: not measured (${pageError ?? 'no streams'})`,
      );
    if (nodes)
      console.log(
        `\nStreams, blocks from \`ratify devnet\` (block time ${o['block-time']} ms) through \`ratify index\`` +
          ` (POLL_INTERVAL_MS ${o['index-poll'] ?? 'default'}, NODE_REQUESTS_PER_SECOND ${o['node-rps'] ?? 'default'}), ` +
          `${o['devnet-db'] === 'own' ? 'into a fresh database with a web server of its own' : 'into the seeded database beside its 50 proposals'}: ` +
          `${nodes.connected} streams, ${nodes.blocks} blocks on the nodes (Alpha and Delta): ${nodes.delivered}/${nodes.expected} updates delivered\n` +
          `  block on the node to client ${ms(nodes.latency)}\n` +
          `  block on the node to the indexer's commit heard on LISTEN ${ms(nodes.toNotify)}\n` +
          `  commit heard on LISTEN to client ${ms(nodes.notifyToClient)}\n` +
          `  node polled every ${fmt(nodes.pollMs.p50)} ms (p95 ${fmt(nodes.pollMs.p95)} ms); bench event loop delay p99 ${fmt(lagNodes, 1)} ms`,
      );
    if (indexerTimes.length)
      console.log(
        `  the indexer's own timings over the window (its /metrics; mean x count):\n${indexerTimes
          .map(
            (t) =>
              `    ${t.key.replace(/^ratify_|_seconds/g, '').replace(/\/\d{10,}field$/, '/{id}field')}: ${fmt(t.meanMs)} ms x ${t.count}`,
          )
          .join('\n')}`,
      );
    else if (o.devnet && pool)
      console.log(`\nStreams from the devnet: not measured (${stackError?.split('\n')[0]})`);
    console.log(
      `\nweb server RSS: ${fmt(rssBefore)} MB before, ${fmt(rssAfterLoad)} MB after the HTTP runs, ` +
        `${fmt(rssAfter)} MB after the seeded streams` +
        (nodes
          ? o['devnet-db'] === 'own'
            ? `; the devnet's own web server ${fmt(webRssNodes)} MB after its streams`
            : `, ${fmt(rssAfterNodes)} MB after the devnet streams`
          : ''),
    );
    if (indexerRss)
      console.log(
        `indexer (\`ratify index\`) RSS: ${fmt(indexerRss.before)} MB once caught up, ${fmt(indexerRss.after)} MB after the devnet streams`,
      );
    console.log(
      `JavaScript for /proposals/{id}, as sent: the HTML's ${js.files} scripts ${sizes(js.bytes)} (${js.encodings.join(', ')})` +
        (page
          ? `; Chromium loaded ${page.scripts.files} scripts, ${sizes(page.scripts.bytes)} (${page.scripts.encodings.join(', ')})`
          : ''),
    );

    if (page) {
      const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x)).join(' ') || '-';
      log(`scripts only in the HTML: ${only(js.paths, page.scripts.paths)}`);
      log(`scripts only Chromium loaded: ${only(page.scripts.paths, js.paths)}`);
    }
    const sentJs = page ? page.scripts.bytes : js.bytes;
    const at = (n: number) => rows.filter((r) => r.connections === n);
    const goals: Goal[] = [
      ...(at(50).length
        ? at(50).map((r) =>
            judge(
              `p95 <= ${HTTP_P95_MS} ms at 50 clients: ${r.name}`,
              `${fmt(r.p95)} ms`,
              r.p95 <= HTTP_P95_MS,
            ),
          )
        : [judge(`p95 <= ${HTTP_P95_MS} ms at 50 clients`, undefined, false)]),
      ...(at(200).length
        ? at(200).map((r) =>
            judge(
              `no errors, no non-2xx at 200 clients: ${r.name}`,
              `${r.errors} errors, ${r.non2xx} non-2xx`,
              r.errors === 0 && r.non2xx === 0,
            ),
          )
        : [judge('no errors, no non-2xx at 200 clients', undefined, false)]),
      judge(
        `every stream gets every update (${o.sse} streams, database commits)`,
        sse && `${sse.delivered}/${o.sse * sse.blocks}`,
        !!sse && sse.delivered === o.sse * sse.blocks,
      ),
      judge(
        `every stream gets every update (${o.sse} streams, devnet blocks)`,
        nodes && `${nodes.delivered}/${o.sse * nodes.blocks}`,
        !!nodes && nodes.delivered === o.sse * nodes.blocks,
      ),
      judge(
        `block on the node to client p95 <= ${STREAM_P95_MS} ms`,
        nodes && `${fmt(nodes.latency.p95)} ms`,
        !!nodes && nodes.latency.p95 <= STREAM_P95_MS,
      ),
      judge(
        'the proposal page shows each new vote (Chromium)',
        dom && `${dom.updated}/${commits.length} blocks, p95 ${fmt(dom.latency.p95)} ms`,
        !!dom && dom.updated === commits.length,
      ),
      judge(
        `JavaScript for the proposal page <= ${JS_BUDGET.toLocaleString('en-US')} bytes (250 kB), ${page ? 'as Chromium loaded it' : 'the scripts its HTML names'}`,
        sizes(sentJs),
        sentJs <= JS_BUDGET,
      ),
    ];
    const failed = goals.some((g) => g.verdict === 'FAIL');
    console.log(`\n### goals\n\n${goalsTable(goals)}`);
    console.log(`\nrun took ${fmt((Date.now() - started) / 1000)} s`);
    return o.strict && failed;
  } finally {
    for (const stop of stops) await stop().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  }
}

main().then(
  (fail) => process.exit(fail ? 1 : 0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
