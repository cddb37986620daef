import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createRateLimiter, type Faults, malform, NO_FAULTS } from '../faults/faults';
import type { ChainNode } from '../node/chain-node';
import { routeNode } from './node-routes';
import { error, type HttpResponse, RouteError } from './respond';

/** Request bodies above this are refused before parsing (upstream: 512 KiB). */
export const MAX_BODY_BYTES = 512 * 1024;

export type AdminHandler = (
  method: string,
  segments: string[],
  body: string,
) => Promise<HttpResponse>;

export type NodeServerOptions = {
  host: string;
  port: number;
  /** The chain-network this port serves; null until it starts (post-split ports). */
  node: () => ChainNode | null;
  peers: () => number;
  admin: AdminHandler | null;
  random?: () => number;
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
};

/** One node's HTTP face: routes, limits, CORS and the run-time faults. */
export function createNodeServer(o: NodeServerOptions) {
  let faults: Faults = { ...NO_FAULTS };
  const limiter = createRateLimiter();
  const random = o.random ?? Math.random;
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let downTimer: NodeJS.Timeout | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://node');
    const segments = url.pathname
      .split('/')
      .filter((s) => s.length > 0)
      .map(decodeURIComponent);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS')
      return send(res, { status: 204, body: '', contentType: 'text/plain' });
    const body = await readBody(req);
    if (body === null) {
      return send(res, {
        status: 413,
        body: 'Failed to buffer the request body: length limit exceeded',
        contentType: 'text/plain; charset=utf-8',
      });
    }
    if (segments[0] === 'devnet') {
      if (!o.admin)
        return send(
          res,
          error('modern', 'not_found', 'Admin routes are disabled (start the devnet with --admin)'),
        );
      try {
        return send(res, await o.admin(method, segments.slice(1), body));
      } catch (e) {
        const kind = e instanceof RouteError ? e.kind : 'bad_request';
        return send(res, error('modern', kind, (e as Error).message));
      }
    }

    const f = faults;
    if (f.rateLimit) {
      const wait = limiter(req.socket.remoteAddress ?? '?', f.rateLimit.perSecond, Date.now());
      if (wait !== null) {
        const text = `Too Many Requests! Wait for ${wait}s`;
        if (f.rateLimit.mode === 'legacy')
          return send(res, { status: 200, body: text, contentType: 'text/plain; charset=utf-8' });
        return send(res, error('modern', 'too_many_requests', text));
      }
    }
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.errorRate > 0 && random() < f.errorRate) {
      return send(res, {
        status: 500,
        body: 'Something went wrong: injected fault',
        contentType: 'text/plain; charset=utf-8',
      });
    }
    let response = route(method, segments, url.searchParams, body);
    if (response.status === 200 && f.otherGenesis && segments[1] === 'genesis') {
      response = otherGenesis(response);
    }
    if (response.status === 200 && f.malformedRate > 0 && random() < f.malformedRate) {
      response = { ...response, body: malform(response.body) };
    }
    if (response.status === 200 && f.truncateRate > 0 && random() < f.truncateRate) {
      // Announce the full length, send part of it, then drop the connection.
      res.writeHead(200, {
        ...CORS,
        'content-type': response.contentType,
        'content-length': Buffer.byteLength(response.body),
      });
      res.write(response.body.slice(0, Math.floor(response.body.length / 2)));
      res.destroy();
      return;
    }
    send(res, response);
  }

  /** The genesis answer with another block's hash in place of the real one. */
  function otherGenesis(response: HttpResponse): HttpResponse {
    const node = o.node();
    const real = node?.genesis.block_hash;
    const other = node?.block(1)?.block_hash;
    if (!real || !other) return response;
    return { ...response, body: response.body.replaceAll(real, other) };
  }

  function route(
    method: string,
    segments: string[],
    query: URLSearchParams,
    body: string,
  ): HttpResponse {
    const node = o.node();
    const style = faults.errorStyle;
    if (!node) return error(style, 'unavailable', 'The node has not started');
    const [network, ...rest] = segments;
    if (network !== node.networkName) {
      return error(
        style,
        'not_found',
        `This node serves /${node.networkName}, not /${network ?? ''}`,
      );
    }
    try {
      return routeNode(node, { method, segments: rest, query, body }, o.peers);
    } catch (e) {
      if (e instanceof RouteError) return error(style, e.kind, e.message);
      if (e instanceof Error && e.name === 'ZodError')
        return error(style, 'bad_request', 'Invalid path or query');
      return error(style, 'internal', (e as Error).message);
    }
  }

  function listen(): Promise<void> {
    server = createServer((req, res) => {
      handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) send(res, error('legacy', 'internal', (e as Error).message));
      });
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    const s = server;
    return new Promise((resolve, reject) => {
      const failed = (e: Error) => {
        // A port that could not be opened is not listening; a later listen() may try again.
        if (server === s) server = null;
        reject(e);
      };
      s.once('error', failed);
      s.listen(o.port, o.host, () => {
        s.off('error', failed);
        resolve();
      });
    });
  }

  async function close(): Promise<void> {
    if (downTimer) clearTimeout(downTimer);
    downTimer = null;
    const s = server;
    server = null;
    if (!s) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  return {
    port: o.port,
    listen,
    close,
    listening: () => server !== null,
    faults: () => faults,
    setFaults(next: Faults) {
      faults = next;
    },
    /** The node disappears (connections refused) and comes back after `ms`. */
    async goDown(ms: number): Promise<void> {
      await close();
      downTimer = setTimeout(() => {
        downTimer = null;
        listen().catch(() => undefined);
      }, ms);
    },
  };
}

export type NodeServer = ReturnType<typeof createNodeServer>;

function send(res: ServerResponse, r: HttpResponse): void {
  if (res.destroyed) return;
  res.writeHead(r.status, {
    ...CORS,
    'content-type': r.contentType,
    'content-length': Buffer.byteLength(r.body),
  });
  res.end(r.body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
