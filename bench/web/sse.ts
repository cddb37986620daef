import { Agent, request } from 'node:http';
import { percentile } from './load';

/** What an `indexed` event says: `{"c","h","p"}`, or the older `"<id>:<height>"`. */
export type Indexed = { c?: string; h: number };

export function parseIndexed(data: string): Indexed | undefined {
  try {
    const v = JSON.parse(data) as unknown;
    // An earlier server passed the NOTIFY payload on as a JSON string.
    if (typeof v === 'string') {
      if (v.startsWith('{')) return parseIndexed(v);
      const at = v.lastIndexOf(':');
      return { c: v.slice(0, at), h: Number(v.slice(at + 1)) };
    }
    if (v && typeof v === 'object' && 'h' in v) {
      const o = v as { c?: unknown; h: unknown };
      return { ...(typeof o.c === 'string' ? { c: o.c } : {}), h: Number(o.h) };
    }
  } catch {}
  return undefined;
}

/** Called for each `indexed` event a stream hears, with the time it was read. */
/**
 * A GET as a browser sends it (gzip accepted), its body read as sent and not decoded: a
 * browser decodes on its own CPU, and the bench's one thread must not spend its time on it.
 */
export function wireBytes(
  url: string,
  agent?: Agent,
): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { 'accept-encoding': 'gzip, deflate, br' }, ...(agent ? { agent } : {}) },
      (res) => {
        let bytes = 0;
        res.on('data', (d: Buffer) => {
          bytes += d.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            encoding: String(res.headers['content-encoding'] ?? 'identity'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export type Listener = (stream: number, event: Indexed, at: number) => void;

export type StreamPool = {
  clients: number;
  connected: () => number;
  /** Streams that ended or failed after they had opened. */
  dropped: () => number;
  /** Replaces what every stream does with the events it hears. */
  listen: (fn: Listener | undefined) => void;
  close: () => void;
};

/** Opens `clients` event streams and resolves once each has answered (or failed). */
export async function openStreams(url: string, clients: number): Promise<StreamPool> {
  let listener: Listener | undefined;
  let connected = 0;
  let dropped = 0;
  let closing = false;
  const requests: ReturnType<typeof request>[] = [];
  await Promise.all(
    Array.from(
      { length: clients },
      (_, i) =>
        new Promise<void>((resolve) => {
          const req = request(url, { agent: false }, (res) => {
            connected += 1;
            resolve();
            let buffer = '';
            res.setEncoding('utf8');
            res.on('close', () => {
              if (!closing) dropped += 1;
            });
            res.on('data', (chunk: string) => {
              const at = Date.now();
              buffer += chunk;
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const event = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                if (!/^event: indexed$/m.test(event)) continue;
                const data = /^data: (.*)$/m.exec(event)?.[1];
                const e = data === undefined ? undefined : parseIndexed(data);
                if (e && Number.isFinite(e.h)) listener?.(i, e, at);
              }
            });
          });
          req.on('error', () => resolve());
          req.end();
          requests.push(req);
        }),
    ),
  );
  // Let every stream subscribe before anything is measured.
  await new Promise((r) => setTimeout(r, 1_000));
  return {
    clients,
    connected: () => connected,
    dropped: () => dropped,
    listen: (fn) => {
      listener = fn;
    },
    close: () => {
      closing = true;
      for (const req of requests) req.destroy();
    },
  };
}

export type Spread = { n: number; p50: number; p95: number; max: number };

export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 0.5),
    p95: percentile(s, 0.95),
    max: s[s.length - 1] ?? Number.NaN,
  };
}

export type SseFigures = {
  clients: number;
  connected: number;
  blocks: number;
  delivered: number;
  expected: number;
  /** From the start of the commit to a stream reading the event. */
  latency: Spread;
  /** From the start of the commit to the bench's own LISTEN connection hearing it. */
  toNotify?: Spread;
  /** When each stream refetched the page's data on each update, as a browser does. */
  refetch?: { done: number; failed: number; p50: number; p95: number };
};

/**
 * Commits a block every second through `commit` while the pool's streams are open; each
 * stream records when it hears of each height. Latency is from the start of the commit.
 */
export async function sseFanOut(options: {
  pool: StreamPool;
  blocks: number;
  /** The chain-network and height the next commit writes, then the commit itself. */
  chainNetworkId: string;
  nextHeight: () => number;
  commit: (startedAt: number) => Promise<unknown>;
  /** When the bench's own LISTEN connection heard each height, if it listens. */
  notified?: Map<string, number>;
  /** A URL each stream fetches on each update; latency then runs to its answer. */
  refetch?: string;
}): Promise<SseFigures> {
  const { pool } = options;
  const committedAt = new Map<number, number>();
  const latencies: number[] = [];
  const refetched: number[] = [];
  let refetchFailed = 0;
  const seen = Array.from({ length: pool.clients }, () => new Set<number>());
  // One kept-alive connection per stream's page, as each browser has its own.
  const agents = Array.from(
    { length: pool.clients },
    () => new Agent({ keepAlive: true, maxSockets: 1 }),
  );
  pool.listen((i, e, now) => {
    if (e.c !== undefined && e.c !== options.chainNetworkId) return;
    const at = committedAt.get(e.h);
    const heights = seen[i] as Set<number>;
    if (at === undefined || heights.has(e.h)) return;
    heights.add(e.h);
    latencies.push(now - at);
    if (options.refetch)
      wireBytes(options.refetch, agents[i])
        .then((r) => {
          if (r.status < 200 || r.status > 299) throw new Error(String(r.status));
          refetched.push(Date.now() - at);
        })
        .catch(() => {
          refetchFailed += 1;
        });
  });
  const connected = pool.connected();
  for (let b = 0; b < options.blocks; b++) {
    const tick = Date.now();
    committedAt.set(options.nextHeight(), tick);
    await options.commit(tick);
    await new Promise((r) => setTimeout(r, Math.max(0, 1_000 - (Date.now() - tick))));
  }
  // Give the last updates (and their refetches) time to arrive.
  const settle = Date.now() + 30_000;
  const expected = connected * options.blocks;
  await new Promise((r) => setTimeout(r, 2_000));
  while (options.refetch && refetched.length + refetchFailed < expected && Date.now() < settle)
    await new Promise((r) => setTimeout(r, 200));
  pool.listen(undefined);
  for (const a of agents) a.destroy();
  const toNotify: number[] = [];
  for (const [h, at] of committedAt) {
    const heard = options.notified?.get(`${options.chainNetworkId}#${h}`);
    if (heard !== undefined) toNotify.push(heard - at);
  }
  refetched.sort((a, b) => a - b);
  return {
    clients: pool.clients,
    connected,
    blocks: options.blocks,
    delivered: seen.reduce((n, s) => n + s.size, 0),
    expected,
    latency: spread(latencies),
    ...(options.notified ? { toNotify: spread(toNotify) } : {}),
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
