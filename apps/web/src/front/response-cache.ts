import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/**
 * A response cache in front of the dashboard's Next.js handler.
 *
 * Every page and every JSON answer is a function of the indexed state and the clock: the
 * views behind them are keyed by the indexer's commits and by the second (see
 * packages/api/src/read-models/cache). So is the response made from them: it is rendered
 * once per URL per commit and second, and every other request in that window is answered from
 * memory without entering Next.js. That is what lets one server hold hundreds of viewers of
 * the same page: they cost one render per block, not one each.
 *
 * - Fresh: same data token and same second as the request.
 * - A second old with the same data token: served as it is while one request renders the
 *   next (the clock moved, the data did not).
 * - Data token moved: nobody gets the old answer. The first request renders; the rest wait
 *   for that render (single flight) and share it.
 *
 * Pages carry a CSP nonce. The cached copy keeps the nonce it was rendered with, which never
 * leaves the server: each answer gets a fresh one in its place, in the body and the headers.
 * The stored bodies are uncompressed; answers are gzipped on the way out (once per entry when
 * there is no nonce).
 */
export type Origin = (req: IncomingMessage, res: ServerResponse) => unknown;

export type ResponseCacheOptions = {
  origin: Origin;
  /** The indexed state's token; undefined while it is not known yet (nothing is cached). */
  dataToken: () => Promise<string> | undefined;
  now?: () => number;
  newNonce?: () => string;
  /** Memory for bodies, all entries together (LRU beyond it). */
  maxBytes?: number;
  maxEntryBytes?: number;
  /** How long a request waits for another's render before rendering itself. */
  waitMs?: number;
};

/**
 * Request headers an answer may vary on: Next.js's router headers, and tRPC's `Accept` and
 * streaming flag (its answers say `Vary: trpc-accept, accept`).
 */
const KEY_HEADERS = [
  'accept',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'trpc-accept',
] as const;

/** Request headers the origin must not see when rendering an entry for everyone. */
const CONDITIONAL_HEADERS = ['accept-encoding', 'if-none-match', 'if-modified-since', 'range'];

/** Response headers that belong to one connection or are rebuilt when serving. */
const UNSTORED_HEADERS = new Set([
  'connection',
  'content-length',
  'date',
  'keep-alive',
  'transfer-encoding',
  'vary',
  'x-ratify-cache',
]);

/** Never cached: the event stream, the liveness check, Next.js's own static files. */
export function isCacheableRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
  if (path.startsWith('/_next/')) return false;
  if (path === '/api/stream' || path === '/api/health') return false;
  return req.headers['next-action'] === undefined;
}

type Entry = {
  key: string;
  status: number;
  headers: [string, string | string[]][];
  vary: string[];
  body: Buffer;
  /** The nonce the body was rendered with (replaced in every answer), and the body as text. */
  nonce?: { value: string; text: string };
  etag?: string;
  data: string;
  second: number;
  gzipped?: Promise<Buffer>;
  /** Memory held: the body, its text copy when it has a nonce, its gzipped copy once made. */
  size: number;
  refreshing: boolean;
};

type Captured = {
  status: number;
  statusMessage?: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
};

export type CacheStats = {
  hits: number;
  staleHits: number;
  waits: number;
  renders: number;
  uncacheable: number;
  passed: number;
  entries: number;
  bytes: number;
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|atom\+xml|rss\+xml)|image\/svg)/;

export function createResponseCache(options: ResponseCacheOptions) {
  const now = options.now ?? Date.now;
  const newNonce = options.newNonce ?? (() => randomBytes(16).toString('base64'));
  const maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 8 * 1024 * 1024;
  const waitMs = options.waitMs ?? 30_000;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry | undefined>>();
  let bytes = 0;
  const stats = { hits: 0, staleHits: 0, waits: 0, renders: 0, uncacheable: 0, passed: 0 };

  const keyOf = (req: IncomingMessage) =>
    [req.url ?? '/', ...KEY_HEADERS.map((h) => String(req.headers[h] ?? ''))].join('\n');

  function store(entry: Entry) {
    const old = entries.get(entry.key);
    if (old) {
      bytes -= old.size;
      entries.delete(entry.key);
    }
    entries.set(entry.key, entry);
    bytes += entry.size;
    for (const [key, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(key);
      bytes -= e.size;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = isCacheableRequest(req) ? options.dataToken() : undefined;
    let data: string | undefined;
    try {
      data = await token;
    } catch {
      data = undefined; // the state is unknown: answer without the cache
    }
    if (data === undefined) {
      stats.passed += 1;
      await options.origin(req, res);
      return;
    }
    const second = Math.floor(now() / 1000);
    const key = keyOf(req);
    const entry = entries.get(key);
    if (entry && entry.data === data) {
      if (entry.second >= second) {
        stats.hits += 1;
        // Most recently used last: the memory bound evicts from the front.
        entries.delete(key);
        entries.set(key, entry);
        return serve(req, res, entry, 'hit');
      }
      if (second - entry.second <= 1) {
        if (entry.refreshing) {
          stats.staleHits += 1;
          return serve(req, res, entry, 'stale');
        }
        entry.refreshing = true;
      }
    }
    // A HEAD answer has no body to keep: only a kept GET answer serves one.
    if (req.method === 'HEAD') {
      stats.passed += 1;
      await options.origin(req, res);
      return;
    }
    const flightKey = `${key}\0${data}`;
    const flight = inflight.get(flightKey);
    if (flight) {
      stats.waits += 1;
      const shared = await Promise.race([flight, sleep(waitMs, undefined, { ref: false })]);
      if (shared && !res.destroyed) return serve(req, res, shared, 'shared');
      stats.passed += 1;
      await options.origin(req, res);
      return;
    }
    return lead(req, res, key, data, second, entry);
  }

  /** Renders through the origin for everyone waiting on this key and data token. */
  async function lead(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    data: string,
    second: number,
    previous: Entry | undefined,
  ): Promise<void> {
    stats.renders += 1;
    const conditional = stripConditionalHeaders(req);
    let settle: (e: Entry | undefined) => void = () => {};
    const flight = new Promise<Entry | undefined>((r) => (settle = r));
    const flightKey = `${key}\0${data}`;
    inflight.set(flightKey, flight);
    let captured: Captured | undefined;
    try {
      captured = await capture(req, res, options.origin);
    } finally {
      restoreHeaders(req, conditional);
      if (previous) previous.refreshing = false;
    }
    const entry = captured ? toEntry(key, captured, data, second) : undefined;
    if (entry) store(entry);
    else if (captured) stats.uncacheable += 1;
    inflight.delete(flightKey);
    settle(entry);
    if (!captured) return; // the client went away mid-render
    if (entry) return serve(req, res, entry, 'miss');
    sendCaptured(res, captured);
  }

  function toEntry(key: string, c: Captured, data: string, second: number): Entry | undefined {
    if (c.status !== 200 || c.body.length > maxEntryBytes) return undefined;
    if (c.headers['set-cookie'] !== undefined || c.headers['content-encoding'] !== undefined)
      return undefined;
    const vary = String(c.headers.vary ?? '')
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    if (
      vary.some((v) => v !== 'accept-encoding' && !(KEY_HEADERS as readonly string[]).includes(v))
    )
      return undefined;
    const headers: [string, string | string[]][] = [];
    for (const [name, value] of Object.entries(c.headers)) {
      if (value === undefined || UNSTORED_HEADERS.has(name)) continue;
      headers.push([name, Array.isArray(value) ? value : String(value)]);
    }
    const csp = c.headers['content-security-policy'];
    const nonce =
      typeof csp === 'string' ? /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1] : undefined;
    const etag = c.headers.etag;
    return {
      key,
      status: c.status,
      headers,
      vary: [...new Set([...vary.filter((v) => v !== 'accept-encoding'), 'accept-encoding'])],
      body: c.body,
      ...(nonce ? { nonce: { value: nonce, text: c.body.toString('utf8') } } : {}),
      ...(typeof etag === 'string' ? { etag } : {}),
      data,
      second,
      size: c.body.length * (nonce ? 2 : 1),
      refreshing: false,
    };
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    entry: Entry,
    kind: 'hit' | 'stale' | 'shared' | 'miss',
  ): Promise<void> {
    if (res.destroyed) return;
    let body: Buffer = entry.body;
    let headers = entry.headers;
    if (entry.nonce) {
      const { value, text } = entry.nonce;
      const fresh = newNonce();
      body = Buffer.from(text.replaceAll(value, fresh));
      headers = headers.map(([n, v]) => [
        n,
        Array.isArray(v) ? v.map((x) => x.replaceAll(value, fresh)) : v.replaceAll(value, fresh),
      ]);
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    res.setHeader('vary', entry.vary.join(', '));
    res.setHeader('x-ratify-cache', kind);
    if (entry.etag && matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.removeHeader('content-type');
      res.statusCode = 304;
      send(res);
      return;
    }
    const type = String(res.getHeader('content-type') ?? '');
    if (body.length >= 1024 && COMPRESSIBLE.test(type) && acceptsGzip(req)) {
      try {
        if (entry.nonce) body = await gzip(body, { level: 4 });
        else {
          if (!entry.gzipped) {
            entry.gzipped = gzip(entry.body, { level: 6 });
            entry.gzipped.then(
              (z) => {
                entry.size += z.length;
                if (entries.get(entry.key) === entry) bytes += z.length;
              },
              () => {},
            );
          }
          body = await entry.gzipped;
        }
        res.setHeader('content-encoding', 'gzip');
      } catch {
        // Compression failed: the identity body is still right.
      }
      if (res.destroyed) return;
    }
    res.statusCode = entry.status;
    res.setHeader('content-length', body.length);
    send(res, req.method === 'HEAD' ? undefined : body);
  }

  return {
    handle,
    stats: (): CacheStats => ({ ...stats, entries: entries.size, bytes }),
    /** Forgets everything (tests). */
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

function stripConditionalHeaders(req: IncomingMessage): Map<string, string | string[]> {
  const removed = new Map<string, string | string[]>();
  for (const name of CONDITIONAL_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) {
      removed.set(name, value);
      delete req.headers[name];
    }
  }
  return removed;
}

function restoreHeaders(req: IncomingMessage, removed: Map<string, string | string[]>) {
  for (const [name, value] of removed) req.headers[name] = value as string;
}

/**
 * Ends a response through ServerResponse's own method: while a capture holds a response, its
 * `write` and `end` are sinks (anything the origin writes after its end is dropped).
 */
function send(res: ServerResponse, body?: Buffer) {
  const end = ServerResponse.prototype.end as (this: ServerResponse, chunk?: Buffer) => unknown;
  sending.add(res);
  end.call(res, body);
}

/** Responses being ended by `send`: their held-back `writeHead` (which `end` calls) is real again. */
const sending = new WeakSet<ServerResponse>();

/**
 * Runs the origin with the response's writes held back: what it writes is collected, and
 * nothing reaches the client until the answer is complete (it is then sent from the entry,
 * so the first viewer gets the same bytes as the others). Resolves undefined when the client
 * goes away before the origin ends its answer.
 */
function capture(
  req: IncomingMessage,
  res: ServerResponse,
  origin: Origin,
): Promise<Captured | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let statusMessage: string | undefined;
    let done = false;
    const realWriteHead = ServerResponse.prototype.writeHead as (
      this: ServerResponse,
      code: number,
      ...rest: unknown[]
    ) => ServerResponse;
    const finish = (value: Captured | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
    };
    const push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk === undefined || chunk === null) return;
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, encoding ?? 'utf8'));
      else if (chunk instanceof Uint8Array)
        chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    const later = (cb: unknown) => {
      if (typeof cb === 'function') process.nextTick(cb as () => void);
    };
    res.writeHead = function writeHead(this: ServerResponse, code: number, ...rest: unknown[]) {
      if (sending.has(res)) return realWriteHead.call(this, code, ...(rest as []));
      if (done) return this;
      res.statusCode = code;
      if (typeof rest[0] === 'string') statusMessage = rest.shift() as string;
      const headers = rest[0];
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2)
          res.appendHeader(String(headers[i]), String(headers[i + 1]));
      } else if (headers && typeof headers === 'object') {
        for (const [name, value] of Object.entries(headers))
          if (value !== undefined) res.setHeader(name, value as string);
      }
      return this;
    } as ServerResponse['writeHead'];
    res.flushHeaders = () => {};
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
      if (!done) push(chunk, encoding as BufferEncoding | undefined);
      later(cb);
      return true;
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      if (typeof chunk === 'function') [cb, chunk] = [chunk, undefined];
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
      if (done) return res;
      push(chunk, encoding as BufferEncoding | undefined);
      finish({
        status: res.statusCode,
        ...(statusMessage ? { statusMessage } : {}),
        headers: res.getHeaders(),
        body: Buffer.concat(chunks),
      });
      later(cb);
      return res;
    }) as ServerResponse['end'];
    res.once('close', () => finish(undefined));
    Promise.resolve()
      .then(() => origin(req, res))
      .catch(() => {
        // The origin failed without answering: say so once, uncached.
        if (done) return;
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        finish({ status: 500, headers: res.getHeaders(), body: Buffer.from('internal error\n') });
      });
  });
}

function sendCaptured(res: ServerResponse, c: Captured) {
  if (res.destroyed) return;
  res.statusCode = c.status;
  if (c.statusMessage) res.statusMessage = c.statusMessage;
  res.removeHeader('content-length');
  res.removeHeader('transfer-encoding');
  res.setHeader('content-length', c.body.length);
  send(res, c.body);
}
