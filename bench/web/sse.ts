import { request } from 'node:http';
import { percentile } from './load';

export type SseFigures = {
  clients: number;
  connected: number;
  blocks: number;
  delivered: number;
  expected: number;
  p50: number;
  p95: number;
  max: number;
  /** When each stream refetched the page's data on each update, as a browser does. */
  refetch?: { done: number; failed: number; p50: number; p95: number };
};

/** The height an `indexed` event names: `{"c","h","p"}`, or the older `"<id>:<height>"`. */
function heightOf(data: string): number | undefined {
  try {
    const v = JSON.parse(data) as unknown;
    // An earlier server passed the NOTIFY payload on as a JSON string.
    if (typeof v === 'string')
      return v.startsWith('{') ? heightOf(v) : Number(v.slice(v.lastIndexOf(':') + 1));
    if (v && typeof v === 'object' && 'h' in v) return Number((v as { h: unknown }).h);
  } catch {}
  return undefined;
}

/**
 * Opens `clients` event streams, then commits a block every second through `commit`; each
 * stream records when it hears of each height. Latency is from the start of the commit.
 */
export async function sseFanOut(options: {
  url: string;
  clients: number;
  blocks: number;
  /** The height the next commit writes, then the commit itself. */
  nextHeight: () => number;
  commit: () => Promise<unknown>;
  /** A URL each stream fetches on each update; latency then runs to its answer. */
  refetch?: string;
}): Promise<SseFigures> {
  const committedAt = new Map<number, number>();
  const latencies: number[] = [];
  const refetched: number[] = [];
  let refetchFailed = 0;
  const seen: Set<number>[] = [];
  const requests: ReturnType<typeof request>[] = [];
  let connected = 0;
  await Promise.all(
    Array.from(
      { length: options.clients },
      (_, i) =>
        new Promise<void>((resolve) => {
          const heights = new Set<number>();
          seen[i] = heights;
          const req = request(options.url, { agent: false }, (res) => {
            connected += 1;
            resolve();
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffer += chunk;
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const event = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                if (!/^event: indexed$/m.test(event)) continue;
                const data = /^data: (.*)$/m.exec(event)?.[1];
                const h = data === undefined ? undefined : heightOf(data);
                const at = h === undefined ? undefined : committedAt.get(h);
                if (h === undefined || at === undefined || heights.has(h)) continue;
                heights.add(h);
                latencies.push(Date.now() - at);
                if (options.refetch)
                  fetch(options.refetch)
                    .then(async (r) => {
                      await r.arrayBuffer();
                      if (!r.ok) throw new Error(String(r.status));
                      refetched.push(Date.now() - at);
                    })
                    .catch(() => {
                      refetchFailed += 1;
                    });
              }
            });
          });
          req.on('error', () => resolve());
          req.end();
          requests.push(req);
        }),
    ),
  );
  // Let every stream subscribe before the first block.
  await new Promise((r) => setTimeout(r, 1_000));
  for (let b = 0; b < options.blocks; b++) {
    const tick = Date.now();
    committedAt.set(options.nextHeight(), tick);
    await options.commit();
    await new Promise((r) => setTimeout(r, Math.max(0, 1_000 - (Date.now() - tick))));
  }
  // Give the last updates (and their refetches) time to arrive.
  const settle = Date.now() + 30_000;
  const expected = connected * options.blocks;
  await new Promise((r) => setTimeout(r, 2_000));
  while (options.refetch && refetched.length + refetchFailed < expected && Date.now() < settle)
    await new Promise((r) => setTimeout(r, 200));
  for (const req of requests) req.destroy();
  latencies.sort((a, b) => a - b);
  refetched.sort((a, b) => a - b);
  return {
    clients: options.clients,
    connected,
    blocks: options.blocks,
    delivered: seen.reduce((n, s) => n + s.size, 0),
    expected: connected * options.blocks,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    ...(options.refetch
      ? {
          refetch: {
            done: refetched.length,
            failed: refetchFailed,
            p50: percentile(refetched, 0.5),
            p95: percentile(refetched, 0.95),
          },
        }
      : {}),
  };
}
