import { createTestDatabase } from '@ratify/db/testing';
import { startDevnet } from '@ratify/devnet';
import { startIndexer } from '../src/indexer';
import { listenCommits } from './index-chain';

/**
 * Block-to-commit latency at the head: a devnet producing a block every `blockTimeMs`, the
 * indexer following it with its default settings; for each Alpha block, the time from the
 * devnet making it to the indexer committing it.
 */
export async function headLatency(
  serverUrl: string,
  portBase: number,
  blocks: number,
  blockTimeMs: number,
  /** The indexer's poll interval; its default when undefined. */
  pollIntervalMs?: number,
): Promise<number[]> {
  const produced = new Map<number, number>();
  const devnet = await startDevnet({
    scenario: 'demo',
    portBase,
    blockTimeMs,
    log: (e) => {
      if (e.type === 'block' && e.chain === 'alpha') produced.set(e.height, performance.now());
    },
  });
  const alpha = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source');
  if (!alpha) throw new Error('devnet has no Alpha node');
  const database = await createTestDatabase(serverUrl);
  const samples: number[] = [];
  let committed = -1;
  let first: number | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const stopListening = await listenCommits(database.url, (h, at) => {
    // The first commit is the catch-up from genesis; measure the blocks after it.
    if (first === undefined) first = h;
    else
      for (let height = committed + 1; height <= h; height++) {
        const made = produced.get(height);
        if (made !== undefined) samples.push(at - made);
      }
    committed = Math.max(committed, h);
    if (samples.length >= blocks) finish();
  });
  const indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: [alpha.url],
    deltaNodes: [],
    port: 0,
    ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
  });
  await done;
  await indexer.stop();
  await stopListening();
  await devnet.stop();
  await database.drop();
  return samples.slice(0, blocks);
}
