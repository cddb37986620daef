// Indexer throughput on a long devnet chain: blocks/s and MB/s from genesis to head, next
// to the baseline of fetching and decoding the same blocks without storing them.
//   npm run bench -w apps/indexer [-- --blocks 3000]
import { join } from 'node:path';
import { blockSchema, createNodeClient, parseChainJson } from '@ratify/aleo';
import { createDbClient } from '@ratify/db';
import { startEmbeddedPostgres } from '@ratify/db/embedded';
import { createTestDatabase } from '@ratify/db/testing';
import { startDevnet } from '@ratify/devnet';
import { startIndexer } from '../src/indexer';

const arg = process.argv.indexOf('--blocks');
const history = arg > 0 ? Number(process.argv[arg + 1]) : 3000;
const root = join(import.meta.dirname, '..', '..', '..');

const server = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'bench-postgres'),
      port: 54379,
      database: 'postgres',
    });
const database = await createTestDatabase(server.url);
const devnet = await startDevnet({ scenario: 'demo', portBase: 4930, blockTimeMs: 0, history });
const alpha = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source');
if (!alpha) throw new Error('devnet has no Alpha node');
const node = createNodeClient({ baseUrl: alpha.url, requestsPerSecond: 1000, maxParallel: 4 });
const head = await node.latestHeight();

// Baseline: the same blocks over HTTP in ranges of 50, parsed and checked, not stored.
let bytes = 0;
const fetchStart = performance.now();
for (let h = 0; h <= head; h += 50) {
  const text = await (
    await fetch(`${alpha.url}/blocks?start=${h}&end=${Math.min(h + 50, head + 1)}`)
  ).text();
  bytes += Buffer.byteLength(text);
  blockSchema.array().parse(parseChainJson(text));
}
const fetchSeconds = (performance.now() - fetchStart) / 1000;

const client = createDbClient(database.url);

/** Indexes the chain from genesis into an empty database and returns the seconds it took. */
async function indexAll(requestsPerSecond: number): Promise<number> {
  await client.sql`TRUNCATE blocks, votes, proposals, validator_sets, checkpoints, nodes, chain_networks`;
  const started = performance.now();
  const indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: [alpha?.url ?? ''],
    deltaNodes: [],
    port: 0,
    pollIntervalMs: 20,
    batchSize: 200,
    requestsPerSecond,
  });
  for (;;) {
    const [row] = await client.sql`SELECT height FROM checkpoints`;
    if (row && Number(row.height) >= head) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await indexer.stop();
  return seconds;
}

const pacedSeconds = await indexAll(8);
const unpacedSeconds = await indexAll(10_000);
const [counts] =
  await client.sql`SELECT (SELECT count(*) FROM blocks)::int AS blocks, (SELECT count(*) FROM votes)::int AS votes`;

const mb = bytes / 1e6;
const rows = [
  ['fetch + decode only (baseline)', head + 1, fetchSeconds],
  ['index, 8 requests/s (default)', head + 1, pacedSeconds],
  ['index, unpaced', head + 1, unpacedSeconds],
] as const;
console.log(
  `chain: ${head + 1} Alpha blocks, ${mb.toFixed(1)} MB of block JSON; indexed ${counts?.blocks} blocks, ${counts?.votes} votes`,
);
for (const [what, n, s] of rows) {
  console.log(
    `${what.padEnd(32)} ${(n / s).toFixed(0).padStart(7)} blocks/s ${(mb / s).toFixed(1).padStart(7)} MB/s  (${s.toFixed(2)} s)`,
  );
}
console.log(
  `unpaced indexing runs at ${((fetchSeconds / unpacedSeconds) * 100).toFixed(0)}% of the baseline's speed; ` +
    "the default pace stays under the nodes' 10 requests/s limit per client",
);

await client.close();
await devnet.stop();
await database.drop();
await server.stop();
