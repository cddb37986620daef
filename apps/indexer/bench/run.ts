// The indexer against its baselines, all measured in one run:
//   npm run bench:indexer [-- --quick] [-- --history 10000]
// (a) raw fetch of 50-block ranges, 4 in flight, JSON.parse only; (b) the indexer unpaced
// into a fresh database; (c) both against a node limited to 10 requests/s, next to the
// 500 blocks/s ceiling; (d) block-to-commit latency at the head; (e) peak RSS of the
// indexer process backfilling this chain and a 100,000-block one (skipped with --quick).
import { join } from 'node:path';
import { createNodeClient, MAX_BLOCKS_PER_CALL } from '@ratify/aleo';
import { startEmbeddedPostgres } from '@ratify/db/embedded';
import { startDevnet } from '@ratify/devnet';
import { z } from 'zod';
import { backfillRss } from './backfill-rss';
import { startBigDevnet } from './big-devnet';
import { headLatency } from './head-latency';
import { indexChain } from './index-chain';
import { nextSecond, setRateLimit } from './node-faults';
import { rawFetch } from './raw-fetch';
import { quantile, report } from './report';

const flags = z
  .object({
    quick: z.boolean(),
    history: z.coerce.number().int().min(100).max(1_000_000),
    bigHistory: z.coerce.number().int().min(1000).max(1_000_000),
    limit: z.coerce.number().int().min(1),
    latencyBlocks: z.coerce.number().int().min(5),
    blockTime: z.coerce.number().int().min(100),
  })
  .parse(
    (() => {
      const argv = process.argv.slice(2);
      const value = (name: string, fallback: string) => {
        const i = argv.indexOf(`--${name}`);
        return i >= 0 ? (argv[i + 1] ?? '') : fallback;
      };
      return {
        quick: argv.includes('--quick'),
        history: value('history', '10000'),
        bigHistory: value('big-history', '100000'),
        limit: value('limit', '10'),
        latencyBlocks: value('latency-blocks', '30'),
        blockTime: value('block-time', '1000'),
      };
    })(),
  );

const PARALLEL = 4;
const LIGHT_REQUESTS = 100;
const root = join(import.meta.dirname, '..', '..', '..');
const log = (line: string) => console.log(line);
const server = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'bench-postgres'),
      port: 54379,
      database: 'postgres',
    });

// On a shared machine the figures mean little if the bench got little CPU: say how much.
const cpuAtStart = process.cpuUsage();
const made = performance.now();
const devnet = await startDevnet({
  scenario: 'demo',
  portBase: 4930,
  blockTimeMs: 0,
  history: flags.history,
  admin: true,
});
const alpha = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source');
if (!alpha) throw new Error('devnet has no Alpha node');
const head = await createNodeClient({ baseUrl: alpha.url }).latestHeight();
const blocks = head + 1;
log(`devnet: ${blocks} Alpha blocks in ${((performance.now() - made) / 1000).toFixed(1)} s`);

// Warm the node's caches and the JIT so the first measurement is not the slowest.
await rawFetch(alpha.url, 0, blocks, PARALLEL);
const raw = await rawFetch(alpha.url, 0, blocks, PARALLEL);
log(`(a) raw fetch: ${(blocks / raw.seconds).toFixed(0)} blocks/s`);
const unpaced = await indexChain(server.url, alpha.url, head, {
  requestsPerSecond: Number.POSITIVE_INFINITY,
});
await unpaced.database.drop();
log(
  `(b) indexer unpaced: ${(blocks / unpaced.seconds).toFixed(0)} blocks/s, ${(raw.seconds / unpaced.seconds).toFixed(2)}× the baseline`,
);

await setRateLimit(alpha.url, flags.limit);
const ceiling = flags.limit * MAX_BLOCKS_PER_CALL;
await nextSecond();
const rawLimited = await rawFetch(alpha.url, 0, blocks, PARALLEL);
log(
  `(c) raw fetch, ${flags.limit}/s node: ${(blocks / rawLimited.seconds).toFixed(0)} blocks/s of ${ceiling}, ${rawLimited.refusals} limit answers`,
);
await nextSecond();
const client = createNodeClient({ baseUrl: alpha.url, maxParallel: PARALLEL });
const clientStarted = performance.now();
await client.blocks(0, blocks);
const clientSeconds = (performance.now() - clientStarted) / 1000;
log(
  `(c) node client, ${flags.limit}/s node: ${(blocks / clientSeconds).toFixed(0)} blocks/s of ${ceiling}, ${client.pacing.rateLimits} limit answers`,
);
// The pacing alone, with answers too small for the CPU to matter: requests/s against the limit.
await nextSecond();
const light = createNodeClient({ baseUrl: alpha.url, maxParallel: PARALLEL });
const lightStarted = performance.now();
await Promise.all(Array.from({ length: LIGHT_REQUESTS }, () => light.latestHeight()));
const lightPerSecond = LIGHT_REQUESTS / ((performance.now() - lightStarted) / 1000);
log(
  `(c) node client, ${LIGHT_REQUESTS} small requests: ${lightPerSecond.toFixed(2)}/s of ${flags.limit}/s, ${light.pacing.rateLimits} limit answers`,
);
await nextSecond();
const paced = await indexChain(server.url, alpha.url, head);
await paced.database.drop();
log(
  `(c) indexer, ${flags.limit}/s node: ${(blocks / paced.seconds).toFixed(0)} blocks/s of ${ceiling}`,
);
await setRateLimit(alpha.url, null);

const latency = await headLatency(server.url, 4950, flags.latencyBlocks, flags.blockTime);
const sortedLatency = [...latency].sort((a, b) => a - b);
log(
  `(d) block to commit: p50 ${quantile(sortedLatency, 0.5).toFixed(0)} ms, p95 ${quantile(sortedLatency, 0.95).toFixed(0)} ms, max ${sortedLatency.at(-1)?.toFixed(0)} ms`,
);

// (e) The indexer as its own process, its peak RSS: over this chain, and over a long one
// made by a devnet in a process of its own (its heap would not fit beside the bench's).
const small = await backfillRss(server.url, alpha.url, head);
log(`(e) backfill of ${blocks} blocks: peak RSS ${small.peakRssMb.toFixed(0)} MB`);
await devnet.stop();

let backfill: { blocks: number; seconds: number; peakRssMb: number } | undefined;
if (!flags.quick) {
  const bigMade = performance.now();
  const big = await startBigDevnet(flags.bigHistory, 4970);
  const bigHead = await createNodeClient({ baseUrl: big.url }).latestHeight();
  log(
    `devnet: ${bigHead + 1} Alpha blocks in ${((performance.now() - bigMade) / 1000).toFixed(1)} s`,
  );
  const r = await backfillRss(server.url, big.url, bigHead);
  backfill = { blocks: bigHead + 1, ...r };
  log(`(e) backfill of ${bigHead + 1} blocks: peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  await big.stop();
}
await server.stop();

report(log, {
  blocks,
  mb: raw.bytes / 1e6,
  raw,
  unpacedSeconds: unpaced.seconds,
  limit: flags.limit,
  ceiling,
  rawLimited,
  clientSeconds,
  clientPacing: client.pacing,
  light: { requests: LIGHT_REQUESTS, perSecond: lightPerSecond, refusals: light.pacing.rateLimits },
  pacedSeconds: paced.seconds,
  latency,
  blockTimeMs: flags.blockTime,
  smallBackfill: { blocks, ...small },
  backfill,
});
const cpu = process.cpuUsage(cpuAtStart);
log(
  `the bench process had ${(((cpu.user + cpu.system) / 1000 / (performance.now() - made)) * 100).toFixed(0)}% of one core over the run (the indexer process of (e) not counted)`,
);
