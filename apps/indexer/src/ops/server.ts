import { createServer, type Server } from 'node:http';
import type { FollowerStatus } from '../follow/follower';

/** How far behind its node's head a follower may be and still count as ready. */
const READY_LAG = 2;

/**
 * Ready when every node that has ever answered is indexed to within READY_LAG blocks of its
 * head. Nodes that never answered (post-split nodes before the split) do not hold it back;
 * /status and /metrics show them.
 */
export function isReady(statuses: FollowerStatus[]): boolean {
  const seen = statuses.filter((s) => s.state !== 'waiting');
  return (
    seen.length > 0 &&
    seen.every(
      (s) =>
        s.state === 'standby' ||
        (s.headHeight !== undefined &&
          s.indexedHeight !== undefined &&
          s.headHeight - s.indexedHeight <= READY_LAG),
    )
  );
}

/** Prometheus text exposition: one gauge family per figure, one series per followed node. */
export function renderMetrics(statuses: FollowerStatus[]): string {
  const lines: string[] = [];
  const family = (
    name: string,
    help: string,
    type: 'gauge' | 'counter',
    value: (s: FollowerStatus) => number | undefined,
  ) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const s of statuses) {
      const v = value(s);
      if (v === undefined) continue;
      lines.push(`${name}{chain="${s.chain}",node="${s.url}",network="${s.networkId ?? ''}"} ${v}`);
    }
  };
  family(
    'ratify_node_head_height',
    'Latest height the node reported.',
    'gauge',
    (s) => s.headHeight,
  );
  family(
    'ratify_indexed_height',
    'Highest height written to the database.',
    'gauge',
    (s) => s.indexedHeight,
  );
  family('ratify_index_lag_blocks', 'Blocks the index is behind the node.', 'gauge', (s) =>
    s.headHeight !== undefined && s.indexedHeight !== undefined
      ? s.headHeight - s.indexedHeight
      : undefined,
  );
  family(
    'ratify_blocks_indexed_total',
    'Blocks indexed since start.',
    'counter',
    (s) => s.blocksIndexed,
  );
  family('ratify_follower_up', '1 when the last step against the node succeeded.', 'gauge', (s) =>
    s.state === 'retrying' || s.state === 'starting' || s.state === 'waiting' ? 0 : 1,
  );
  return `${lines.join('\n')}\n`;
}

/** /health (alive), /ready (caught up), /status (JSON per node), /metrics (Prometheus). */
export function startOpsServer(
  statuses: () => FollowerStatus[],
  options: { host: string; port: number },
): Promise<Server> {
  const startedAt = Date.now();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    if (req.method !== 'GET') return json(405, { error: 'method not allowed' });
    const all = statuses();
    switch (path) {
      case '/health':
        return json(200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      case '/ready': {
        const ready = isReady(all);
        return json(ready ? 200 : 503, { ready, nodes: all.length });
      }
      case '/status':
        return json(200, { ready: isReady(all), nodes: all });
      case '/metrics':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        return res.end(renderMetrics(all));
      default:
        return json(404, { error: `no route ${path}` });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
