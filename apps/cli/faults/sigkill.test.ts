import { createTestDatabase } from '@ratify/db/testing';
import type { Devnet } from '@ratify/devnet';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type IndexProcess, logMessages, spawnIndex, waitFor } from '../src/_test/index-process';
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

// `ratify index` killed outright (SIGKILL: no shutdown handler, no lease released) at
// seeded random instants, during the backfill and at the head; each restart must resume
// from its checkpoint, and the end state must be the uninterrupted run's, table by table.

const SUITE = 'sigkill';
const HISTORY = SHORT ? 800 : 3_000;
const BACKFILL_KILLS = SHORT ? 3 : 14;
const HEAD_KILLS = SHORT ? 1 : 6;
// Paced so the backfill lasts long enough to be interrupted many times.
const PACED = { BATCH_SIZE: '25', NODE_REQUESTS_PER_SECOND: '40', WRITER_LEASE_SECONDS: '3' };

describe('SIGKILL during backfill and at the head', { timeout: 600_000 }, () => {
  let devnet: Devnet;
  let nodes: Nodes;
  let clean: CleanIndex;

  beforeAll(async () => {
    devnet = await startFaultDevnet(4710, HISTORY);
    nodes = sourceNodes(devnet);
    const reference = await cleanRun(nodes);
    clean = reference;
    recordFigure(SUITE, 'clean run (s)', reference.seconds);
  });
  afterAll(async () => {
    await devnet?.stop();
  });

  it('resumes after every kill and ends with the clean run’s tables', async () => {
    const seed = faultSeed();
    recordFigure(SUITE, 'seed (FAULTS_SEED)', seed);
    const random = seededRandom(seed);
    const want = await heads(nodes);
    const db = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const sum = (hs: number[]) => hs.reduce((a, b) => a + b, 0);
    const atHead = (hs: number[]) => hs.length === want.length && sum(hs) >= sum(want);
    const resumes: { phase: string; seconds: number }[] = [];
    const logs: string[] = [];
    let proc: IndexProcess | undefined;
    try {
      proc = await spawnIndex(db.url, nodes, PACED);
      await waitFor('a first checkpoint', async () =>
        (await checkpointHeights(db.url)).length > 0 ? true : undefined,
      );
      let backfill = 0;
      let head = 0;
      while (backfill + head < BACKFILL_KILLS + HEAD_KILLS) {
        const before = await checkpointHeights(db.url);
        const phase = backfill < BACKFILL_KILLS && !atHead(before) ? 'backfill' : 'head';
        if (phase === 'head' && !atHead(before)) await indexedTo(db.url, want, 120_000);
        await sleep(100 + Math.floor(random() * (phase === 'backfill' ? 900 : 2_000)));
        await proc.kill();
        logs.push(proc.output());
        const atKill = await checkpointHeights(db.url);
        if (phase === 'backfill' && atHead(atKill)) head++;
        else if (phase === 'backfill') backfill++;
        else head++;
        const restartedAt = Date.now();
        proc = await spawnIndex(db.url, nodes, PACED);
        const current = proc;
        // Resumed: the checkpoint moved past where the kill left it, or, at the head, ready.
        await waitFor(
          'the restart to resume',
          async () => {
            if (atHead(atKill)) return (await fetch(`${current.ops}/ready`)).ok ? true : undefined;
            return sum(await checkpointHeights(db.url)) > sum(atKill) ? true : undefined;
          },
          60_000,
        );
        resumes.push({
          phase: atHead(atKill) ? 'head' : 'backfill',
          seconds: (Date.now() - restartedAt) / 1000,
        });
      }
      await indexedTo(db.url, want, 120_000);
      await proc.stop();
      logs.push(proc.output());
      const compared = await expectSameAsClean(db.url, clean);
      const messages = logs.flatMap(logMessages);
      const times = resumes.map((r) => r.seconds);
      const kinds = (p: string) => resumes.filter((r) => r.phase === p).length;
      recordFigure(
        SUITE,
        'kills done (backfill + head)',
        `${kinds('backfill')} + ${kinds('head')}`,
      );
      recordFigure(SUITE, 'restarts', resumes.length);
      recordFigure(SUITE, 'time to resume, mean (s)', mean(times));
      recordFigure(SUITE, 'time to resume, max (s)', Math.max(...times));
      recordFigure(
        SUITE,
        'processes that applied migrations',
        messages.filter((m) => m === 'migrations applied').length,
      );
      recordFigure(SUITE, 'rows compared', compared.rows);
      recordFigure(SUITE, 'validator sets missing', compared.missingValidatorSets);
      expect(resumes).toHaveLength(BACKFILL_KILLS + HEAD_KILLS);
      expect(kinds('backfill')).toBeGreaterThan(0);
    } finally {
      await proc?.kill();
      await db.drop();
    }
  });
});
