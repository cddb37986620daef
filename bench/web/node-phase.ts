import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type postgres from 'postgres';
import { stopProcessGroup } from '../../apps/cli/src/launch/web';
import { type Indexed, type Spread, type StreamPool, spread } from './sse';

type Proc = { child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** A `ratify` command in a process group of its own, its output kept for errors. */
function ratify(root: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [join(root, 'apps', 'cli', 'bin', 'ratify.mjs'), ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let recent = '';
  const keep = (d: Buffer) => {
    recent = (recent + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => recent, stop: () => stopProcessGroup(child) };
}

async function until<T>(
  what: string,
  ms: number,
  check: () => Promise<T | undefined>,
  proc?: Proc,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (proc && proc.child.exitCode !== null)
      throw new Error(`${what}: the process exited (${proc.child.exitCode}):\n${proc.output()}`);
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${ms / 1000} s${proc ? `:\n${proc.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Seconds and observations per histogram, keyed `name` or `name route` (summed over other labels). */
export type Timings = Map<string, { seconds: number; count: number }>;

const TIMED = [
  'ratify_block_commit_latency_seconds',
  'ratify_db_transaction_duration_seconds',
  'ratify_node_request_duration_seconds',
];

function scrapeTimings(text: string): Timings {
  const out: Timings = new Map();
  for (const m of text.matchAll(/^(\w+)_(sum|count)\{([^}]*)\} (\S+)$/gm)) {
    const [, name = '', kind, labels = '', value] = m;
    if (!TIMED.includes(name)) continue;
    const route = /route="([^"]*)"/.exec(labels)?.[1];
    const key = route === undefined ? name : `${name} ${route}`;
    const t = out.get(key) ?? { seconds: 0, count: 0 };
    if (kind === 'sum') t.seconds += Number(value);
    else t.count += Number(value);
    out.set(key, t);
  }
  return out;
}

/** Mean milliseconds and count of each timing over a window, busiest first. */
export function timingsBetween(
  before: Timings,
  after: Timings,
): { key: string; meanMs: number; count: number }[] {
  return [...after]
    .map(([key, t]) => {
      const b = before.get(key) ?? { seconds: 0, count: 0 };
      const count = t.count - b.count;
      return {
        key,
        count,
        meanMs: count > 0 ? ((t.seconds - b.seconds) / count) * 1000 : Number.NaN,
      };
    })
    .filter((t) => t.count > 0)
    .sort((x, y) => y.count * y.meanMs - x.count * x.meanMs);
}

export type Node = { chain: string; url: string; chainNetworkId: string };

export type Stack = {
  nodes: Node[];
  indexerPid: number;
  /** The indexer's own histograms of time, read from its /metrics. */
  timings: () => Promise<Timings>;
  stop: () => Promise<void>;
};

/**
 * `ratify devnet` and `ratify index` as an operator runs them, the indexer writing into the
 * bench's database beside the seeded chain-network (a devnet has a genesis of its own).
 */
export async function startNodeStack(o: {
  root: string;
  databaseUrl: string;
  sql: postgres.Sql;
  portBase: number;
  indexerPort: number;
  blockTimeMs: number;
  indexPollMs?: number;
  /** NODE_REQUESTS_PER_SECOND for `ratify index`: a number or `unpaced`. */
  nodeRps?: string;
  log: (line: string) => void;
}): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => {});
  };
  try {
    const devnet = ratify(
      o.root,
      [
        'devnet',
        '--scenario',
        'demo',
        '--host',
        '127.0.0.1',
        '--port-base',
        String(o.portBase),
        '--block-time',
        String(o.blockTimeMs),
      ],
      {},
    );
    stops.push(devnet.stop);
    const urls = await until(
      'the devnet did not start',
      60_000,
      async () => {
        const out = devnet.output();
        if (!/Devnet '.*' running:/.test(out)) return undefined;
        return [...out.matchAll(/^ {2}(alpha|delta) +\S+ +(http:\/\/\S+)$/gm)].map((m) => ({
          chain: m[1] as string,
          url: m[2] as string,
        }));
      },
      devnet,
    );
    const nodes: Node[] = [];
    for (const n of urls) {
      const genesis = (await (await fetch(`${n.url}/genesis`)).json()) as {
        block_hash: string;
        header: { metadata: { network: number | string } };
      };
      nodes.push({
        ...n,
        chainNetworkId: `${n.chain}:${Number(genesis.header.metadata.network)}:${genesis.block_hash}`,
      });
    }
    const node = (chain: string) =>
      nodes
        .filter((n) => n.chain === chain)
        .map((n) => n.url)
        .join(',');
    const indexer = ratify(
      o.root,
      [
        'index',
        '--alpha',
        node('alpha'),
        '--delta',
        node('delta'),
        '--host',
        '127.0.0.1',
        '--port',
        String(o.indexerPort),
        '--log-format',
        'json',
        '--log-level',
        'warn',
      ],
      {
        DATABASE_URL: o.databaseUrl,
        ...(o.indexPollMs ? { POLL_INTERVAL_MS: String(o.indexPollMs) } : {}),
        ...(o.nodeRps ? { NODE_REQUESTS_PER_SECOND: o.nodeRps } : {}),
      },
    );
    stops.push(indexer.stop);
    // Caught up: every followed chain-network indexed up to where its node was when the
    // indexer started (a lagging follower may stay a few blocks behind the moving head).
    const started = Date.now();
    const heads = new Map<string, number>();
    for (const n of nodes)
      heads.set(
        n.chainNetworkId,
        Number(await (await fetch(`${n.url}/block/height/latest`)).json()),
      );
    await until(
      'the indexer did not catch up with the devnet',
      180_000,
      async () => {
        for (const n of nodes) {
          const [row] = await o.sql<{ height: number }[]>`
            SELECT height FROM checkpoints WHERE chain_network_id = ${n.chainNetworkId}`;
          if (!row || row.height < (heads.get(n.chainNetworkId) ?? 0)) return undefined;
        }
        return true;
      },
      indexer,
    );
    o.log(
      `devnet (${nodes.map((n) => n.chainNetworkId.slice(0, 14)).join(', ')}…) indexed by \`ratify index\` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const metrics = `http://127.0.0.1:${o.indexerPort}/metrics`;
    return {
      nodes,
      indexerPid: indexer.child.pid ?? 0,
      timings: async () => scrapeTimings(await (await fetch(metrics)).text()),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

export type NodeFigures = {
  connected: number;
  /** Blocks that appeared on the followed nodes during the window, all chains. */
  blocks: number;
  delivered: number;
  expected: number;
  /** From the block's first sight on its node to a stream reading its `indexed` event. */
  latency: Spread;
  /** From the block's first sight on its node to the bench's LISTEN hearing the commit. */
  toNotify: Spread;
  /** From the bench's LISTEN hearing the commit to a stream reading the event. */
  notifyToClient: Spread;
  /** Spacing of the node polls actually achieved. */
  pollMs: Spread;
};

/**
 * Polls each node's latest height every ~10 ms and records when each block first shows,
 * while the pool's streams record each `indexed` event; runs until `blocks` blocks have
 * appeared on the first node. A stream has a block once it hears an event of that
 * chain-network at that height or above (one commit may carry several blocks).
 */
export async function nodeToClient(o: {
  pool: StreamPool;
  nodes: Node[];
  blocks: number;
  blockTimeMs: number;
  /** First time the bench's own LISTEN heard each `chainNetworkId#height`. */
  notified: Map<string, number>;
}): Promise<NodeFigures> {
  const heard: { c: string; h: number; at: number }[][] = Array.from(
    { length: o.pool.clients },
    () => [],
  );
  const ids = new Set(o.nodes.map((n) => n.chainNetworkId));
  o.pool.listen((i, e: Indexed, at) => {
    if (e.c !== undefined && ids.has(e.c)) heard[i]?.push({ c: e.c, h: e.h, at });
  });
  const connected = o.pool.connected();
  const appeared = new Map<string, Map<number, number>>(
    o.nodes.map((n) => [n.chainNetworkId, new Map()]),
  );
  const gaps: number[] = [];
  let stopping = false;
  const pollers = o.nodes.map(async (n) => {
    let last: number | undefined;
    const seen = appeared.get(n.chainNetworkId) as Map<number, number>;
    let prev = 0;
    while (!stopping) {
      const sent = Date.now();
      if (prev && n === o.nodes[0]) gaps.push(sent - prev);
      prev = sent;
      try {
        const head = Number(await (await fetch(`${n.url}/block/height/latest`)).json());
        if (last === undefined) last = head;
        for (let h = last + 1; h <= head; h++) seen.set(h, sent);
        last = Math.max(last, head);
      } catch {}
      await new Promise((r) => setTimeout(r, Math.max(0, 10 - (Date.now() - sent))));
    }
  });
  const first = appeared.get(o.nodes[0]?.chainNetworkId ?? '') as Map<number, number>;
  const deadline = Date.now() + o.blocks * o.blockTimeMs * 3 + 10_000;
  while (first.size < o.blocks && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  stopping = true;
  await Promise.all(pollers);
  const expected = connected * [...appeared.values()].reduce((n, m) => n + m.size, 0);
  const delivery = () => {
    const latencies: number[] = [];
    for (const events of heard) {
      for (const [c, heights] of appeared) {
        const mine = events.filter((e) => e.c === c);
        for (const [h, at] of heights) {
          const got = mine.find((e) => e.h >= h);
          if (got) latencies.push(got.at - at);
        }
      }
    }
    return latencies;
  };
  // Let the last blocks through the indexer and out to the streams.
  const settle = Date.now() + 10_000;
  while (delivery().length < expected && Date.now() < settle)
    await new Promise((r) => setTimeout(r, 200));
  o.pool.listen(undefined);
  const latencies = delivery();
  const toNotify: number[] = [];
  const notifyToClient: number[] = [];
  for (const [c, heights] of appeared) {
    const commits = [...o.notified]
      .filter(([k]) => k.startsWith(`${c}#`))
      .map(([k, at]) => ({ h: Number(k.slice(c.length + 1)), at }))
      .sort((a, b) => a.at - b.at);
    for (const [h, at] of heights) {
      const commit = commits.find((x) => x.h >= h);
      if (!commit) continue;
      toNotify.push(commit.at - at);
      for (const events of heard) {
        const got = events.find((e) => e.c === c && e.h >= h);
        if (got) notifyToClient.push(got.at - commit.at);
      }
    }
  }
  return {
    connected,
    blocks: [...appeared.values()].reduce((n, m) => n + m.size, 0),
    delivered: latencies.length,
    expected,
    latency: spread(latencies),
    toNotify: spread(toNotify),
    notifyToClient: spread(notifyToClient),
    pollMs: spread(gaps),
  };
}
