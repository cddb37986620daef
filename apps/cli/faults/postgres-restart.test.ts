import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from '@ratify/db/embedded';
import { createTestDatabase } from '@ratify/db/testing';
import type { Devnet } from '@ratify/devnet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type IndexProcess, spawnIndex, waitFor } from '../src/_test/index-process';
import { mean, recordFigure } from './_test/figures';
import {
  type CleanIndex,
  checkpointHeights,
  cleanRun,
  expectSameAsClean,
  faultSeed,
  heads,
  indexedTo,
  type Nodes,
  SHORT,
  seededRandom,
  sleep,
  sourceNodes,
  startFaultDevnet,
} from './_test/harness';

// PostgreSQL restarted under a running `ratify index`: the process must reconnect by itself,
// lose nothing, and be ready again. The embedded server is this file's own; the machine's
// server (shared with others) is restarted only with FAULTS_SYSTEM_PG=1.

const SUITE = 'postgres restart';
const HISTORY = SHORT ? 400 : 2_000;
const RESTARTS = SHORT ? 1 : 3;
const DOWN_MS = 2_000;
// Slow enough that the backfill is still running at each restart (a writer skips head reads
// while far behind, so a batch costs about one request): the restart must find work to do.
const PACED = { BATCH_SIZE: '25', NODE_REQUESTS_PER_SECOND: '5' };
const sum = (hs: number[]) => hs.reduce((a, b) => a + b, 0);

describe('PostgreSQL restarts while indexing', { timeout: 600_000 }, () => {
  let devnet: Devnet;
  let nodes: Nodes;
  let clean: CleanIndex;

  beforeAll(async () => {
    devnet = await startFaultDevnet(4740, HISTORY);
    nodes = sourceNodes(devnet);
    clean = await cleanRun(nodes);
  });
  afterAll(async () => {
    await devnet?.stop();
  });

  /** Restarts the server `RESTARTS` times at random instants; returns seconds to resume after each. */
  async function survive(label: string, url: string, restart: () => Promise<void>): Promise<void> {
    const seed = faultSeed();
    recordFigure(SUITE, 'seed (FAULTS_SEED)', seed);
    const random = seededRandom(seed);
    const want = await heads(nodes);
    let proc: IndexProcess | undefined;
    const resumed: number[] = [];
    try {
      proc = await spawnIndex(url, nodes, PACED);
      await waitFor('a first checkpoint', async () =>
        (await checkpointHeights(url)).length === 2 ? true : undefined,
      );
      for (let i = 0; i < RESTARTS; i++) {
        await sleep(300 + Math.floor(random() * 1_500));
        const before = sum(await checkpointHeights(url));
        // A write after the restart is only owed while blocks remain to be indexed.
        expect(before, 'the backfill finished before the restart: pace it slower').toBeLessThan(
          sum(want),
        );
        await restart();
        const backAt = Date.now();
        await waitFor(
          'a write after the restart',
          async () => (sum(await checkpointHeights(url)) > before ? true : undefined),
          60_000,
        );
        resumed.push((Date.now() - backAt) / 1000);
      }
      await indexedTo(url, want, 120_000);
      const ops = proc.ops;
      await waitFor('/ready 200', async () =>
        (await fetch(`${ops}/ready`)).ok ? true : undefined,
      );
      expect(proc.child.exitCode, proc.output().slice(-3000)).toBe(null);
      const compared = await expectSameAsClean(url, clean);
      recordFigure(SUITE, `${label}: restarts`, resumed.length);
      recordFigure(SUITE, `${label}: first write after restart, mean (s)`, mean(resumed));
      recordFigure(SUITE, `${label}: first write after restart, max (s)`, Math.max(...resumed));
      recordFigure(SUITE, `${label}: rows compared`, compared.rows);
      recordFigure(SUITE, `${label}: validator sets missing`, compared.missingValidatorSets);
      await proc.stop();
    } finally {
      await proc?.kill();
    }
  }

  it('the embedded server stopped and started again on the same data and port', async () => {
    const dataDir = join(tmpdir(), `ratify-fault-postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const port = await freePort();
    const start = () => startEmbeddedPostgres({ dataDir, port, database: 'postgres' });
    let server: EmbeddedServer = await start();
    try {
      const db = await createTestDatabase(server.url, { migrate: false });
      await survive('embedded', db.url, async () => {
        await server.stop();
        await sleep(DOWN_MS);
        server = await start();
      });
      await db.drop();
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.log`, { force: true });
    }
  });

  it.runIf(process.env.FAULTS_SYSTEM_PG === '1')(
    'the machine’s server restarted with pg_ctlcluster',
    async () => {
      const version = execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0];
      const db = await createTestDatabase('postgres://postgres@127.0.0.1:5432/postgres', {
        migrate: false,
      });
      try {
        await survive('system', db.url, async () => {
          execFileSync('pg_ctlcluster', [
            '--skip-systemctl-redirect',
            String(version),
            'main',
            'restart',
          ]);
        });
      } finally {
        await db.drop();
      }
    },
  );
});
