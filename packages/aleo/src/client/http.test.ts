import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryable } from '../errors';
import { NodeRequestError } from './errors';
import { parseRetryAfterMs } from './http';
import { createNodeClient } from './node-client';

type Answer = (res: ServerResponse) => void;

let server: Server;
let base = '';
let answer: Answer = (res) => res.end('1');

beforeAll(async () => {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const NODE = 'http://node.test';
const once = () =>
  createNodeClient({
    baseUrl: NODE,
    fetch: (url, init) => fetch(String(url).replace(NODE, base), init),
    retries: 0,
    requestsPerSecond: Number.POSITIVE_INFINITY,
  });

const send =
  (status: number, body: string, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

async function failure(a: Answer) {
  answer = a;
  const e = await once()
    .latestHeight()
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  if (!(e instanceof NodeRequestError)) throw new Error(`expected a NodeRequestError, got ${e}`);
  const { kind, status, retryable, retryAfterMs } = e;
  return { kind, status, retryable, retryAfterMs, message: e.message };
}

describe('how a failed answer is sorted', () => {
  it('reads a 429 wait from Retry-After', async () => {
    expect(
      await failure(send(429, '{"message":"slow down"}', { 'retry-after': '2' })),
    ).toMatchInlineSnapshot(`
      {
        "kind": "rate-limited",
        "message": "node http://node.test GET /block/height/latest: rate limited (HTTP 429, wait 2000 ms)",
        "retryAfterMs": 2000,
        "retryable": true,
        "status": 429,
      }
    `);
  });

  it("reads a 429 wait from the node's message", async () => {
    const body = '{"message":"Too Many Requests! Wait for 1s","error_type":"too_many_requests"}';
    expect(await failure(send(429, body))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 1000,
    });
  });

  it('takes an older HTTP 200 "Too Many Requests!" text for a rate limit', async () => {
    expect(await failure(send(200, 'Too Many Requests! Wait for 3s'))).toMatchObject({
      kind: 'rate-limited',
      status: 200,
      retryAfterMs: 3000,
    });
  });

  it('calls a 5xx a server error a retry can fix', async () => {
    expect(await failure(send(500, 'Something went wrong: storage busy'))).toMatchInlineSnapshot(`
      {
        "kind": "server",
        "message": "node http://node.test GET /block/height/latest: HTTP 500: Something went wrong: storage busy",
        "retryAfterMs": undefined,
        "retryable": true,
        "status": 500,
      }
    `);
    expect((await failure(send(502, ''))).message).toMatchInlineSnapshot(
      `"node http://node.test GET /block/height/latest: HTTP 502: Bad Gateway"`,
    );
  });

  it('does not retry a 404 or another 4xx', async () => {
    const notFound = await failure(
      send(404, '{"message":"no such block","error_type":"not_found"}'),
    );
    expect(notFound).toMatchObject({ kind: 'not-found', retryable: false });
    expect(
      await failure(send(422, '{"message":"bad fee","error_type":"unprocessable"}')),
    ).toMatchInlineSnapshot(`
        {
          "kind": "refused",
          "message": "node http://node.test GET /block/height/latest: HTTP 422: bad fee (unprocessable)",
          "retryAfterMs": undefined,
          "retryable": false,
          "status": 422,
        }
      `);
  });

  it('retries a body that is not JSON, but not JSON of the wrong shape', async () => {
    expect(await failure(send(200, '{"height": 5,}'))).toMatchInlineSnapshot(`
      {
        "kind": "malformed",
        "message": "node http://node.test GET /block/height/latest: answer is not JSON: {"height": 5,}",
        "retryAfterMs": undefined,
        "retryable": true,
        "status": 200,
      }
    `);
    expect(await failure(send(200, '"five"'))).toMatchObject({
      kind: 'invalid-answer',
      retryable: false,
    });
  });

  it('retries an answer cut off mid-body', async () => {
    const cut: Answer = (res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('[1,2,');
      setTimeout(() => res.destroy(), 5);
    };
    expect(await failure(cut)).toMatchObject({ kind: 'truncated', retryable: true });
  });

  it('recovers from a cut body and a broken one on the next attempts', async () => {
    let n = 0;
    answer = (res) => {
      n += 1;
      if (n === 1) {
        res.writeHead(200, { 'content-length': '100' });
        res.write('12');
        setTimeout(() => res.destroy(), 5);
      } else if (n === 2) res.end('12,}');
      else res.end('12');
    };
    const c = createNodeClient({
      baseUrl: NODE,
      fetch: (url, init) => fetch(String(url).replace(NODE, base), init),
      backoffMs: 1,
    });
    expect(await c.latestHeight()).toBe(12);
    expect(n).toBe(3);
  });
});

describe('isRetryable', () => {
  it('is true only for Ratify errors that say so', () => {
    const e = (kind: NodeRequestError['kind']) =>
      new NodeRequestError({ node: NODE, route: 'GET /x', kind, summary: kind });
    expect(isRetryable(e('timeout'))).toBe(true);
    expect(isRetryable(e('refused'))).toBe(false);
    expect(isRetryable(new Error('timeout'))).toBe(false);
  });
});

describe('parseRetryAfterMs', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it.each([
    [{ 'retry-after': '3' }, '', 3000],
    [{ 'retry-after': '0.5' }, '', 500],
    [{ 'retry-after': 'Tue, 01 Dec 2026 20:00:02 GMT' }, '', 2000],
    [{ 'x-ratelimit-after': '1' }, '', 1000],
    [{}, 'Too Many Requests! Wait for 4s', 4000],
    [{}, 'slow down', undefined],
  ])('%o %s → %s', (headers, text, expected) => {
    expect(parseRetryAfterMs(h(headers), text, Date.parse('2026-12-01T20:00:00Z'))).toBe(expected);
  });
});
