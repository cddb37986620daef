/**
 * The two designs for views computed once, measured on the bench:web data (50 proposals,
 * 10,000 votes, 500 validators): what a commit costs the indexer when it also writes derived
 * view rows in its transaction, against what one cache fill costs a web server.
 * Run: npx tsx bench/web/compare-designs.ts (DATABASE_URL server, or the local one on 5432).
 */
import { randomBytes } from 'node:crypto';
import { createCaller } from '@ratify/api';
import { checkpointVersions, createVersionTracker, createViewStore } from '@ratify/api/read-models';
import { createDbClient, listProposals } from '@ratify/db';
import { migrateDatabase } from '@ratify/db/migrate';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { percentile } from './load';
import { seedChain } from './seed';

const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `ratify_designs_${randomBytes(5).toString('hex')}`;
const admin = postgres(server, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;

const stats = (label: string, ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  console.log(
    `${label}: p50 ${percentile(s, 0.5).toFixed(1)} ms, p95 ${percentile(s, 0.95).toFixed(1)} ms`,
  );
};
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

try {
  await migrateDatabase(url.toString());
  const c = createDbClient(url.toString(), { max: 4 });
  const chain = await seedChain(c.db, {
    proposals: 50,
    votes: 10_000,
    validators: 500,
    blocks: 2_000,
  });
  await c.sql`ANALYZE`;
  await c.sql`CREATE TABLE derived_views (proposal_id text PRIMARY KEY, view jsonb NOT NULL)`;
  const ids = (await listProposals(c.db)).map((r) => r.proposal.proposalId);
  const api = createCaller({ db: c.db });
  const view = async (id: string) => api.proposals.get({ proposalId: id });

  // The indexer's commit as today: one block with one vote.
  const plain: number[] = [];
  for (let i = 0; i < 20; i++) plain.push(await time(() => chain.nextBlock()));
  stats('commit of one block (today)', plain);

  // Derived tables: the same commit, then, in its transaction, each affected proposal's view
  // computed and written. A block moves every proposal's head, countdown and phase, so an
  // exact derived view is rewritten for every proposal on every block; writing only the
  // touched one leaves the others stale.
  for (const [label, touched] of [
    ['derived rows, the touched proposal only', ids.slice(0, 1)],
    ['derived rows, every proposal (exact)', ids],
  ] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      runs.push(
        await time(async () => {
          await chain.nextBlock();
          const views = await Promise.all(touched.map(view));
          await c.db.transaction(async (tx) => {
            for (const [k, v] of views.entries())
              await tx.execute(sql`INSERT INTO derived_views VALUES (${touched[k]}, ${JSON.stringify(v)}::jsonb)
                ON CONFLICT (proposal_id) DO UPDATE SET view = excluded.view`);
          });
        }),
      );
    }
    stats(`commit + ${label}`, runs);
  }
  const [row] = await c.sql<{ size: string }[]>`
    SELECT pg_size_pretty(sum(pg_column_size(view))) AS size FROM derived_views`;
  console.log(`derived rows written per block for every proposal: ${row?.size}`);

  // Per-height cache: one fill per change in each web server, then memory reads. With
  // NOTIFY only the touched proposal's tally is recomputed; with LISTEN down (versions from
  // the checkpoints) every tally of the chain-network is.
  const id = ids[0] as string;
  for (const mode of ['NOTIFY', 'checkpoints'] as const) {
    const tracker = createVersionTracker();
    const source = checkpointVersions(c.db, { tracker });
    await source.current();
    const store = createViewStore(
      mode === 'NOTIFY' ? { current: async () => tracker.versions } : source,
    );
    const cached = createCaller({ db: c.db, views: store });
    await Promise.all([cached.proposals.list(), cached.proposals.get({ proposalId: id })]);
    const fills: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < 10; i++) {
      const commit = await chain.nextBlock();
      if (mode === 'NOTIFY')
        tracker.apply({ c: chain.chainNetworkId, h: commit.height, p: [commit.proposalId] });
      fills.push(
        await time(() =>
          Promise.all([cached.proposals.list(), cached.proposals.get({ proposalId: id })]),
        ),
      );
      for (let j = 0; j < 50; j++)
        reads.push(await time(() => cached.proposals.get({ proposalId: id })));
    }
    stats(`cache fill after a block (${mode}): list + one proposal`, fills);
    stats(`cached read (${mode})`, reads);
  }
  await c.close();
} finally {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
