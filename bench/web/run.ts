import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDbClient } from '@ratify/db';
import { startEmbeddedPostgres } from '@ratify/db/embedded';
import { migrateDatabase } from '@ratify/db/migrate';
import postgres from 'postgres';
import { z } from 'zod';
import { ensureWebBuilt, startWeb } from '../../apps/cli/src/launch/web';
import { hit, type LoadFigures } from './load';
import { seedChain } from './seed';
import { sseFanOut } from './sse';

const root = join(import.meta.dirname, '..', '..');

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
    'skip-build': z
      .enum(['true', 'false'])
      .default('false')
      .transform((s) => s === 'true'),
  })
  .strict();

function parseFlags(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i] ?? '');
    if (!m?.[1])
      throw new Error(
        `unknown argument ${argv[i]} (flags: --duration, --connections, --sse, --blocks, --skip-build)`,
      );
    raw[m[1]] = m[2] ?? (m[1] === 'skip-build' ? 'true' : (argv[++i] ?? ''));
  }
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

/** A database of its own: on DATABASE_URL's server (created, then dropped) or embedded. */
async function benchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
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
  const dataDir = join(root, '.data', 'bench-web', String(process.pid));
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

/** Resident memory of the web server's process group (next start and its next-server). */
function rssMb(pid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' });
    return out.split('\n').reduce((n, l) => n + (Number(l.trim()) || 0), 0) / 1024;
  } catch {
    return Number.NaN; // the server is gone
  }
}

/** Every script the page's HTML loads, gzipped as a server would send them. */
async function pageJavaScriptKb(
  base: string,
  path: string,
): Promise<{ files: number; kb: number }> {
  const html = await (await fetch(base + path)).text();
  const srcs = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string)),
  ];
  let bytes = 0;
  for (const src of srcs)
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { files: srcs.length, kb: bytes / 1024 };
}

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');

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

async function main() {
  const o = parseFlags(process.argv.slice(2));
  const log = (line: string) => console.error(line);
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
    const sse =
      o.sse > 0
        ? await sseFanOut({
            url: `${base}/api/stream`,
            clients: o.sse,
            blocks: o.blocks,
            nextHeight: () => chain.head + 1,
            commit: () => chain.nextBlock(),
            // What an open proposal page fetches when told of a commit.
            refetch: base + (targets[2]?.[1] ?? ''),
          })
        : undefined;
    const rssAfter = rssMb(pid);
    const js = await pageJavaScriptKb(base, `/proposals/${id}`);

    console.log(`\n## bench:web (${o.duration} s per run)\n`);
    console.log(table(rows));
    if (sse) {
      console.log(
        `\nSSE: ${sse.connected}/${sse.clients} streams open, ${sse.blocks} blocks 1 s apart: ` +
          `${sse.delivered}/${sse.expected} updates delivered; commit to client p50 ${fmt(sse.p50)} ms, ` +
          `p95 ${fmt(sse.p95)} ms, max ${fmt(sse.max)} ms`,
      );
      if (sse.refetch)
        console.log(
          `each stream then refetching the page's tRPC batch: ${sse.refetch.done} answered, ` +
            `${sse.refetch.failed} failed; commit to fresh data p50 ${fmt(sse.refetch.p50)} ms, p95 ${fmt(sse.refetch.p95)} ms`,
        );
    }
    console.log(
      `\nweb server RSS: ${fmt(rssBefore)} MB before, ${fmt(rssAfterLoad)} MB after the HTTP runs, ${fmt(rssAfter)} MB after the streams`,
    );
    console.log(`JavaScript for /proposals/{id}: ${js.files} files, ${fmt(js.kb, 1)} KB gzipped`);
  } finally {
    for (const stop of stops) await stop().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
