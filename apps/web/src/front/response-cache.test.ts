import { randomBytes } from 'node:crypto';
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createResponseCache, type ResponseCacheOptions } from './response-cache';

/**
 * The cache runs in front of a real HTTP server here; the origin stands in for Next.js and
 * answers the way it does: headers set one by one, a CSP header whose nonce is repeated on
 * the page's scripts, the body written in pieces after some work.
 */
type Stack = {
  base: string;
  renders: () => number;
  setToken: (t: string | undefined) => void;
  setNow: (ms: number) => void;
  cache: ReturnType<typeof createResponseCache>;
};

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise((r) => s.close(r).closeAllConnections())),
  );
});

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

async function stack(
  origin: (path: string, res: ServerResponse, n: number) => Promise<void> | void = page,
  extra: Partial<ResponseCacheOptions> = {},
): Promise<Stack> {
  let renders = 0;
  let token: string | undefined = 't1';
  let now = 1_000_000;
  const cache = createResponseCache({
    origin: async (req, res) => {
      renders += 1;
      await origin(req.url ?? '/', res, renders);
    },
    dataToken: () => (token === undefined ? undefined : Promise.resolve(token)),
    now: () => now,
    ...extra,
  });
  const server = createServer((req, res) => void cache.handle(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    renders: () => renders,
    setToken: (t) => {
      token = t;
    },
    setNow: (ms) => {
      now = ms;
    },
    cache,
  };
}

/** A page as Next.js renders it: a nonce per render, on the header and on every script. */
async function page(path: string, res: ServerResponse, n: number) {
  const nonce = randomBytes(16).toString('base64');
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.setHeader('vary', 'rsc, next-router-state-tree');
  res.write(`<html><head><script nonce="${nonce}">1</script></head>`);
  await new Promise((r) => setTimeout(r, 30));
  res.write(`<body>render ${n} of ${path}${'.'.repeat(2_000)}`);
  res.end(`<script nonce="${nonce}">self.__next_f.push("${nonce}")</script></body></html>`);
}

const json =
  (body: unknown, headers: Record<string, string> = {}) =>
  (_path: string, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

describe('response cache', () => {
  it('renders once for 200 concurrent viewers and gives each its own nonce', async () => {
    const s = await stack();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${s.base}/proposals/1`).then(async (r) => ({
          csp: r.headers.get('content-security-policy'),
          body: await r.text(),
          status: r.status,
        })),
      ),
    );
    expect(s.renders()).toBe(1);
    const nonces = new Set<string>();
    for (const a of answers) {
      expect(a.status).toBe(200);
      const nonce = nonceOf(a.csp) as string;
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonce);
      // Every nonce in the body is this answer's, none is the render's.
      const inBody = [...a.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
      expect(inBody).toEqual([nonce, nonce]);
      expect(a.body).toContain(`push("${nonce}")`);
      expect(a.body).toContain('render 1 of /proposals/1');
    }
    expect(nonces.size).toBe(200);
    expect(s.cache.stats()).toMatchObject({ renders: 1, entries: 1 });
  });

  it('renders again once the data token moves, once however many wait', async () => {
    const s = await stack();
    expect(await (await fetch(`${s.base}/`)).text()).toContain('render 1');
    s.setToken('t2');
    const bodies = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${s.base}/`).then((r) => r.text())),
    );
    expect(s.renders()).toBe(2);
    for (const b of bodies) expect(b).toContain('render 2');
    // Other URLs have their own entries.
    await fetch(`${s.base}/chains`);
    await fetch(`${s.base}/chains`);
    expect(s.renders()).toBe(3);
  });

  it('a second later, serves the kept answer while one request renders the next', async () => {
    const s = await stack();
    await fetch(`${s.base}/`);
    s.setNow(1_001_000);
    const [first, ...rest] = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Promise((r) => setTimeout(r, i === 0 ? 0 : 10)).then(() => fetch(`${s.base}/`)),
      ),
    );
    expect(first?.headers.get('x-ratify-cache')).toBe('miss');
    expect(await first?.text()).toContain('render 2');
    const kinds = rest.map((r) => r.headers.get('x-ratify-cache'));
    expect(kinds.every((k) => k === 'stale' || k === 'hit')).toBe(true);
    expect(kinds).toContain('stale');
    expect(s.renders()).toBe(2);
    // Two seconds on, the kept answer is too old to serve while another renders.
    s.setNow(1_004_000);
    const late = await Promise.all([fetch(`${s.base}/`), fetch(`${s.base}/`)]);
    expect(late.map((r) => r.headers.get('x-ratify-cache')).sort()).toEqual(['miss', 'shared']);
  });

  it('keys on the router headers Next.js varies on', async () => {
    const s = await stack();
    await fetch(`${s.base}/`);
    await fetch(`${s.base}/`, { headers: { rsc: '1' } });
    await fetch(`${s.base}/`, { headers: { rsc: '1' } });
    expect(s.renders()).toBe(2);
  });

  it('does not keep answers that are not the same for everyone', async () => {
    for (const origin of [
      json({ a: 1 }, { 'set-cookie': 'x=1' }),
      json({ a: 1 }, { vary: 'cookie' }),
      (_p: string, res: ServerResponse) => {
        res.statusCode = 404;
        res.end('not found');
      },
    ]) {
      const s = await stack(origin);
      const a = await fetch(`${s.base}/x`);
      const b = await fetch(`${s.base}/x`);
      expect(a.status).toBe(b.status);
      expect(await a.text()).toBe(await b.text());
      expect(s.renders()).toBe(2);
    }
  });

  it('leaves the event stream, mutations and unknown state to the origin', async () => {
    const s = await stack(json({ ok: true }));
    await fetch(`${s.base}/api/stream`);
    await fetch(`${s.base}/api/stream`);
    await fetch(`${s.base}/api/trpc/votes.submit`, { method: 'POST', body: '{}' });
    expect(s.renders()).toBe(3);
    s.setToken(undefined);
    await fetch(`${s.base}/`);
    await fetch(`${s.base}/`);
    expect(s.renders()).toBe(5);
  });

  it('gzips for clients that accept it and answers If-None-Match with 304', async () => {
    const s = await stack(json({ text: 'x'.repeat(5_000) }, { etag: '"abc"' }));
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((r) => {
      request(
        `${s.base}/api/v1/proposals`,
        { headers: { accept: '*/*', 'accept-encoding': 'gzip' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => r({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      ).end();
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(gunzipSync(raw.body).toString()).text).toHaveLength(5_000);
    const again = await fetch(`${s.base}/api/v1/proposals`, {
      headers: { 'if-none-match': '"abc"' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe('"abc"');
    expect(s.renders()).toBe(1);
  });

  it('keeps within its memory bound, the least recently used going first', async () => {
    const s = await stack(json({ text: 'x'.repeat(3_000) }), { maxBytes: 7_000 });
    for (const path of ['/a', '/b', '/a', '/c']) await fetch(`${s.base}${path}`);
    expect(s.renders()).toBe(3); // /a kept for its second request
    expect(s.cache.stats().entries).toBe(2);
    expect(s.cache.stats().bytes).toBeLessThanOrEqual(7_000);
    await fetch(`${s.base}/a`); // /a was used before /b, but /b was the oldest: /a stays
    expect(s.renders()).toBe(3);
    await fetch(`${s.base}/b`);
    expect(s.renders()).toBe(4);
  });

  it('a viewer who leaves mid-render costs the others nothing but a render', async () => {
    const s = await stack();
    const gone = new AbortController();
    const first = fetch(`${s.base}/`, { signal: gone.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 5));
    const second = fetch(`${s.base}/`);
    gone.abort();
    expect(await first).toBe('aborted');
    const answer = await second;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('of /');
  });

  it('drops what the origin writes after its end and survives an origin that throws', async () => {
    const s = await stack(async (path, res) => {
      if (path === '/boom') throw new Error('boom');
      res.setHeader('content-type', 'text/plain');
      res.end('once');
      res.write('late');
      res.end('later');
    });
    expect(await (await fetch(`${s.base}/x`)).text()).toBe('once');
    expect(await (await fetch(`${s.base}/x`)).text()).toBe('once');
    const boom = await fetch(`${s.base}/boom`);
    expect(boom.status).toBe(500);
    expect((await fetch(`${s.base}/boom`)).status).toBe(500);
  });
});
