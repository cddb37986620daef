import { createServer, type Server } from 'node:http';
import type { FollowerStatus } from '../follow/status';
import { type ChainNetworkHealth, isReady } from './health';
import type { IndexerMetrics } from './metrics';

export type OpsSources = {
  statuses: () => FollowerStatus[];
  health: () => ChainNetworkHealth[];
  metrics: IndexerMetrics;
};

/**
 * /health (the process is alive), /ready (every chain-network seen is reachable, not paused
 * and caught up; 503 names the ones that are not), /status (per chain-network and per node)
 * and /metrics (Prometheus text).
 */
export function startOpsServer(
  sources: OpsSources,
  options: { host: string; port: number },
): Promise<Server> {
  const startedAt = Date.now();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(405, { error: 'method not allowed' });
    switch (path) {
      case '/health':
        return json(200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      case '/ready': {
        const health = sources.health();
        const ready = isReady(health);
        const notReady = health
          .filter((h) => h.state !== 'ok')
          .map((h) => ({ chainNetwork: h.id, state: h.state, reason: h.reason }));
        return json(ready ? 200 : 503, {
          ready,
          ...(health.length === 0 ? { reason: 'no chain-network identified yet' } : {}),
          chainNetworks: health.length,
          notReady,
        });
      }
      case '/status': {
        const health = sources.health();
        return json(200, {
          ready: isReady(health),
          chainNetworks: health,
          nodes: sources.statuses(),
        });
      }
      case '/metrics':
        void sources.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': sources.metrics.registry.contentType });
            res.end(text);
          },
          (error) => json(500, { error: String(error) }),
        );
        return;
      default:
        return json(404, { error: `no route ${path}` });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
