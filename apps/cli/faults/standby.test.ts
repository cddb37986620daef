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

// Two `ratify index` processes on one database: per chain-network one writes, the other
// stands by. The writer is SIGKILLed; its lease (3 s here) expires and the standby takes
// over, and the rows end up exactly the clean run's: nothing lost, nothing written twice.

const SUITE = 'standby';
const HISTORY = SHORT ? 800 : 2_000;
const TAKEOVERS = SHORT ? 1 : 3;
const LEASE_SECONDS = 3;
const PACED = {
  BATCH_SIZE: '25',
  NODE_REQUESTS_PER_SECOND: '30',
  WRITER_LEASE_SECONDS: String(LEASE_SECONDS),
};
const WRITING = new Set(['syncing', 'following']);

type NodeState = { url: string; state: string; chainNetworkId?: string };

async function nodeStates(p: IndexProcess): Promise<NodeState[]> {
  const res = await fetch(`${p.ops}/status`);
  return ((await res.json()) as { nodes: NodeState[] }).nodes;
}

describe('a standby takes over from a killed writer', { timeout: 600_000 }, () => {
  let devnet: Devnet;
  let nodes: Nodes;
  let clean: CleanIndex;

  beforeAll(async () => {
    devnet = await startFaultDevnet(4720, HISTORY);
    nodes = sourceNodes(devnet);
    clean = await cleanRun(nodes);
  });
  afterAll(async () => {
    await devnet?.stop();
  });

  it('within seconds of the lease expiring, and the index equals the clean run', async () => {
    const seed = faultSeed();
    recordFigure(SUITE, 'seed (FAULTS_SEED)', seed);
    const random = seededRandom(seed);
    const want = await heads(nodes);
    const db = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const procs: IndexProcess[] = [];
    const logs: string[] = [];
    const takeovers: number[] = [];
    const resumedWrites: number[] = [];
    try {
      procs.push(await spawnIndex(db.url, nodes, PACED), await spawnIndex(db.url, nodes, PACED));
      for (let round = 0; round < TAKEOVERS; round++) {
        // The process that writes at least one chain-network, and the one standing by.
        const [writer, standby] = await waitFor('a writer and a standby', async () => {
          const states = await Promise.all(procs.map(nodeStates));
          const w = states.findIndex((s) => s.some((n) => WRITING.has(n.state)));
          const other = 1 - w;
          if (w < 0 || !states[other]?.some((n) => n.state === 'standby')) return undefined;
          return [procs[w], procs[other]] as [IndexProcess, IndexProcess];
        });
        const written = (await nodeStates(writer))
          .filter((n) => WRITING.has(n.state))
          .map((n) => n.url);
        await sleep(300 + Math.floor(random() * 1_000));
        const before = await checkpointHeights(db.url);
        await writer.kill();
        const killedAt = Date.now();
        logs.push(writer.output());
        // Taken over: the standby writes every node the writer wrote.
        await waitFor(
          'the takeover',
          async () => {
            const states = await nodeStates(standby);
            return written.every((u) => WRITING.has(states.find((n) => n.url === u)?.state ?? ''))
              ? true
              : undefined;
          },
          30_000,
          50,
        );
        takeovers.push((Date.now() - killedAt) / 1000);
        const sum = (hs: number[]) => hs.reduce((a, b) => a + b, 0);
        if (sum(before) < sum(want)) {
          await waitFor(
            'a write by the new writer',
            async () => (sum(await checkpointHeights(db.url)) > sum(before) ? true : undefined),
            30_000,
            50,
          );
          resumedWrites.push((Date.now() - killedAt) / 1000);
        }
        // The killed one comes back as the new standby.
        procs.splice(procs.indexOf(writer), 1, await spawnIndex(db.url, nodes, PACED));
      }
      await indexedTo(db.url, want, 120_000);
      for (const p of procs) {
        await p.stop();
        logs.push(p.output());
      }
      const compared = await expectSameAsClean(db.url, clean);
      const refused = logs
        .flatMap(logMessages)
        .filter((m) => m.includes('refused: the writer lease'));
      recordFigure(SUITE, 'writer lease (s)', LEASE_SECONDS);
      recordFigure(SUITE, 'writers killed', takeovers.length);
      recordFigure(SUITE, 'takeover, mean (s)', mean(takeovers));
      recordFigure(SUITE, 'takeover, max (s)', Math.max(...takeovers));
      if (resumedWrites.length > 0)
        recordFigure(SUITE, 'first write by new writer, max (s)', Math.max(...resumedWrites));
      recordFigure(SUITE, 'writes fenced off (lease held)', refused.length);
      recordFigure(SUITE, 'rows compared', compared.rows);
      recordFigure(SUITE, 'validator sets missing', compared.missingValidatorSets);
      expect(takeovers).toHaveLength(TAKEOVERS);
      // The lease must expire first; a standby polls about once a second after that.
      for (const t of takeovers) expect(t).toBeLessThan(LEASE_SECONDS + 5);
    } finally {
      for (const p of procs) await p.kill();
      await db.drop();
    }
  });
});
