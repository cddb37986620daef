import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_FILES, fixtureText } from '../_test/fixtures';
import { NodeRequestError } from './errors';
import { createNodeClient } from './node-client';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

let server: Server;
let base = '';
let handler: Handler;
let hits: string[] = [];

const blockText = fixtureText(FIXTURE_FILES.block);
// A light block for range tests: no transactions, only the leader's round.
const light = (() => {
  const b = JSON.parse(
    blockText.replace('"cumulative_weight":18741903340503531150', '"cumulative_weight":"1"'),
  );
  b.transactions = [];
  b.solutions = { version: 1 };
  b.authority.subdag.subdag = { '2414062': b.authority.subdag.subdag['2414062'] };
  return JSON.stringify(b);
})();
const blockAt = (h: number) => light.replace('"height":1203288', `"height":${h}`);
const ADDR = 'aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8q5gsskve3t';

function json(res: ServerResponse, body: string, status = 200) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname + url.search);
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = [];
});

// The client talks to the real server but names it by a fixed host, so messages can be pinned.
const NODE = 'http://node.test';
const toServer: typeof fetch = (url, init) => fetch(String(url).replace(NODE, base), init);

const client = (extra: Partial<Parameters<typeof createNodeClient>[0]> = {}) =>
  createNodeClient({
    baseUrl: NODE,
    fetch: toServer,
    network: 'testnet',
    backoffMs: 5,
    requestsPerSecond: 1000,
    ...extra,
  });

describe('typed routes', () => {
  it('reads heights, hashes, blocks, mappings, committee and the fork routes', async () => {
    const hash = 'ab1pc83g2v3f9um0n5hy609pmnug4yx8xzfkdjwkuq4nxsxacsdggrqz2tzkj';
    handler = (_req, res, url) => {
      const routes: Record<string, string> = {
        '/testnet/block/height/latest': '1203288',
        '/testnet/block/hash/latest': JSON.stringify(hash),
        '/testnet/block/1203288': blockText,
        [`/testnet/program/credits.aleo/mapping/account/${ADDR}`]: '"66138284723u64"',
        '/testnet/program/credits.aleo/mapping/account/nobody': 'null',
        '/testnet/committee/latest': `{"id":"5field","starting_round":7,"members":{"${ADDR}":[18446744073709551615,true,10]},"total_stake":18446744073709551615}`,
        '/testnet/governors': JSON.stringify([ADDR]),
        '/testnet/genesis/hash': JSON.stringify(hash),
        '/testnet/peers/count': '3',
        '/testnet/find/blockHash/at1x': 'null',
      };
      const key = url.pathname + (url.search === '?metadata=true' ? '?m' : '');
      if (key.endsWith('?m')) return json(res, '{"data":"1u64","height":9}');
      const body = routes[url.pathname];
      if (body === undefined)
        return json(res, '{"message":"not found","error_type":"not_found"}', 404);
      json(res, body);
    };
    const c = client();
    expect(await c.latestHeight()).toBe(1203288);
    expect(await c.latestHash()).toBe(hash);
    expect((await c.block(1203288)).header.metadata.cumulative_weight).toBe(18741903340503531150n);
    expect(await c.mapping('credits.aleo', 'account', ADDR)).toBe('66138284723u64');
    expect(await c.mapping('credits.aleo', 'account', 'nobody')).toBeNull();
    expect(await c.mappingWithMetadata('credits.aleo', 'account', ADDR)).toEqual({
      data: '1u64',
      height: 9,
    });
    expect(await c.committee()).toEqual({
      id: '5field',
      startingRound: 7,
      members: { [ADDR]: { stake: 18446744073709551615n, isOpen: true, commission: 10 } },
      totalStake: 18446744073709551615n,
    });
    expect(await c.governors()).toEqual([ADDR]);
    expect(await c.genesisHash()).toBe(hash);
    expect(await c.peersCount()).toBe(3);
    expect(await c.findBlockHash('at1x')).toBeNull();
    await expect(c.program('nope.aleo')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[NodeRequestError: node http://node.test/testnet GET /program/nope.aleo: HTTP 404: not found (not_found)]`,
    );
    expect(hits.filter((h) => h === '/testnet/program/nope.aleo')).toHaveLength(1);
  });

  it('rejects an answer of the wrong shape without retrying', async () => {
    handler = (_req, res) => json(res, '"twelve"');
    const err = await client()
      .latestHeight()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NodeRequestError);
    expect(err).toMatchObject({ kind: 'invalid-answer', retryable: false });
    expect((err as NodeRequestError).message).toMatchInlineSnapshot(
      `"node http://node.test/testnet GET /block/height/latest: invalid answer at (root): Invalid input: expected number, received string"`,
    );
    expect(hits).toHaveLength(1);
  });

  it('broadcasts a transaction as JSON', async () => {
    let received = '';
    handler = (req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received = body;
        json(res, '"at16gn574xqj5svyzeqxv25g93phr6rn7exzt75lxz94702rup23gfqu3sjsc"');
      });
    };
    const tx = fixtureText(FIXTURE_FILES.transferPublic);
    expect(await client().broadcast(tx)).toBe(
      'at16gn574xqj5svyzeqxv25g93phr6rn7exzt75lxz94702rup23gfqu3sjsc',
    );
    expect(received).toBe(tx);
  });
});

describe('ranges', () => {
  it('splits into calls of at most 50, bounded in parallel, and returns in order', async () => {
    let inFlight = 0;
    let peak = 0;
    handler = (_req, res, url) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const s = Number(url.searchParams.get('start'));
      const e = Number(url.searchParams.get('end'));
      setTimeout(() => {
        inFlight--;
        json(res, `[${Array.from({ length: e - s }, (_, i) => blockAt(s + i)).join(',')}]`);
      }, 20);
    };
    const got = await client({ maxParallel: 2 }).blocks(10, 131);
    expect(got.map((b) => b.header.metadata.height)).toEqual(
      Array.from({ length: 121 }, (_, i) => 10 + i),
    );
    expect(hits.sort()).toEqual([
      '/testnet/blocks?start=10&end=60',
      '/testnet/blocks?start=110&end=131',
      '/testnet/blocks?start=60&end=110',
    ]);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('fails when the node skips a height', async () => {
    handler = (_req, res) => json(res, `[${blockAt(0)},${blockAt(2)}]`);
    await expect(client().blocks(0, 2)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[NodeRequestError: node http://node.test/testnet GET /blocks?start=0&end=2: expected heights 0..1: got 0..2 (2)]`,
    );
  });
});

describe('failures a retry can fix', () => {
  it('retries a 429 and slows down', async () => {
    let n = 0;
    handler = (_req, res) => (n++ < 2 ? json(res, '{"message":"slow down"}', 429) : json(res, '5'));
    const c = client({ requestsPerSecond: 100 });
    expect(await c.latestHeight()).toBe(5);
    expect(n).toBe(3);
    expect(c.requestRate).toBeLessThan(100);
  });

  it('honours the older HTTP 200 "Too Many Requests! Wait for Ns"', async () => {
    let n = 0;
    handler = (_req, res) => {
      if (n++ === 0) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('Too Many Requests! Wait for 1s');
      } else json(res, '6');
    };
    const started = Date.now();
    expect(await client().latestHeight()).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(n).toBe(2);
  });

  it('retries a 500 then succeeds', async () => {
    let n = 0;
    handler = (_req, res) => {
      if (n++ === 0) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Something went wrong: storage busy');
      } else json(res, '7');
    };
    expect(await client().latestHeight()).toBe(7);
    expect(n).toBe(2);
  });

  it('gives up after the retries and says why', async () => {
    handler = (_req, res) => {
      res.writeHead(503);
      res.end('{"message":"syncing","error_type":"unavailable"}');
    };
    await expect(client({ retries: 2 }).latestHeight()).rejects.toThrowErrorMatchingInlineSnapshot(
      `[NodeRequestError: node http://node.test/testnet GET /block/height/latest: HTTP 503 after 3 attempts: syncing (unavailable)]`,
    );
    expect(hits).toHaveLength(3);
  });

  it('times out a silent node', async () => {
    handler = () => {
      // Never answers.
    };
    const err = (await client({ timeoutMs: 100, retries: 1 })
      .latestHeight()
      .catch((e) => e)) as NodeRequestError;
    expect(err).toBeInstanceOf(NodeRequestError);
    expect(err.message).toMatchInlineSnapshot(
      `"node http://node.test/testnet GET /block/height/latest: no answer within 100 ms after 2 attempts"`,
    );
    expect(err).toMatchObject({ kind: 'timeout', retryable: true, attempts: 2 });
    expect(hits).toHaveLength(2);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const c = createNodeClient({
      baseUrl: 'http://closed.test',
      fetch: (url, init) =>
        fetch(String(url).replace('http://closed.test', `http://127.0.0.1:${port}`), init),
      retries: 0,
    });
    await expect(c.peersCount()).rejects.toThrowErrorMatchingInlineSnapshot(
      `[NodeRequestError: node http://closed.test GET /peers/count: network error: ECONNREFUSED]`,
    );
  });
});

describe('abort', () => {
  it('stops a request in flight', async () => {
    handler = () => {};
    const ac = new AbortController();
    const p = client().latestHeight({ signal: ac.signal });
    setTimeout(() => ac.abort(new Error('user went away')), 50);
    await expect(p).rejects.toThrowError('user went away');
  });

  it('stops the wait of a rate limit', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end('Too Many Requests! Wait for 30s');
    };
    const ac = new AbortController();
    const started = Date.now();
    const p = client().latestHeight({ signal: ac.signal });
    setTimeout(() => ac.abort(new Error('stop')), 100);
    await expect(p).rejects.toThrowError('stop');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('pacing', () => {
  /** A node that takes `perSecond` requests per clock second and refuses the rest for 1 s. */
  function limitedTo(perSecond: number): Handler {
    let second = -1;
    let count = 0;
    return (_req, res) => {
      const s = Math.floor(Date.now() / 1000);
      if (s !== second) [second, count] = [s, 0];
      if (++count > perSecond)
        return json(
          res,
          '{"message":"Too Many Requests! Wait for 1s","error_type":"too_many_requests"}',
          429,
        );
      json(res, '5');
    };
  }

  it("learns a node's limit from its refusals and then keeps under it", async () => {
    handler = limitedTo(20);
    // Far above the limit, the first count can include the second before; later ones settle.
    const c = client({ requestsPerSecond: 26, maxParallel: 8, retries: 5 });
    await Promise.all(Array.from({ length: 100 }, () => c.latestHeight()));
    expect(c.pacing.rate).toBeGreaterThanOrEqual(13.5);
    expect(c.pacing.rate).toBeLessThanOrEqual(20);
    const refusals = c.pacing.rateLimits;
    expect(refusals).toBeLessThanOrEqual(4);
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, () => c.latestHeight()));
    expect(c.pacing.rateLimits).toBe(refusals);
    // 40 requests at 97% of 14/s or more.
    expect((Date.now() - started) / 1000).toBeLessThan(3.5);
  });

  it('runs unpaced without waiting until a node shows a limit', async () => {
    handler = (_req, res) => json(res, '5');
    const c = client({ requestsPerSecond: Number.POSITIVE_INFINITY });
    await Promise.all(Array.from({ length: 200 }, () => c.latestHeight()));
    expect(c.pacing).toEqual({
      rate: Number.POSITIVE_INFINITY,
      learnedLimit: undefined,
      rateLimits: 0,
    });
    // The node's count of the last second starts after this pause.
    await new Promise((r) => setTimeout(r, 1100));
    handler = limitedTo(10);
    // 25 at once: however they fall across two of its seconds, one second holds more than 10.
    await Promise.all(Array.from({ length: 25 }, () => c.latestHeight()));
    // What the node took in the second before it refused: 10, or more if that second
    // spanned two of the node's windows.
    expect(c.pacing.learnedLimit).toBeGreaterThanOrEqual(10);
    expect(c.pacing.rate).toBeLessThan(25);
  });
});
