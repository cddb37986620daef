import { createDbClient, NOTIFY_CHANNEL, parseIndexedPayload } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type IndexerOptions, startIndexer } from '../src/indexer';

/** Calls `onCommit(height, at)` for every batch the indexer commits to the database at `url`. */
export async function listenCommits(
  url: string,
  onCommit: (height: number, at: number) => void,
): Promise<() => Promise<void>> {
  const client = createDbClient(url, { max: 1 });
  await client.sql.listen(NOTIFY_CHANNEL, (payload) => {
    const at = performance.now();
    const n = parseIndexedPayload(payload);
    if (n) onCommit(n.h, at);
  });
  return client.close;
}

export type IndexRun = { seconds: number; database: { url: string; drop: () => Promise<void> } };

/**
 * Indexes an Alpha node from genesis into a fresh database until `head` is committed and
 * answers the seconds it took; the database is kept for the caller (who drops it).
 */
export async function indexChain(
  serverUrl: string,
  nodeUrl: string,
  head: number,
  options: Partial<IndexerOptions> = {},
): Promise<IndexRun> {
  const database = await createTestDatabase(serverUrl);
  let reached: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const stopListening = await listenCommits(database.url, (h) => {
    if (h >= head) reached();
  });
  const started = performance.now();
  const indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: [nodeUrl],
    deltaNodes: [],
    port: 0,
    ...options,
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await indexer.stop();
  await stopListening();
  return { seconds, database };
}
