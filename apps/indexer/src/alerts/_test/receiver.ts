import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertPayload } from '../payload';

export type Received = {
  headers: IncomingHttpHeaders;
  raw: string;
  body: AlertPayload;
  at: number;
};

/**
 * A real webhook receiver on a free port. `failFirst(n)` answers 503 to the first n
 * requests (per idempotency key), as a flaky receiver would; `slow(ms)` delays success.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  let failures = 0;
  let delayMs = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const key = String(req.headers['x-ratify-idempotency-key']);
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      if (n <= failures) {
        res.writeHead(503).end('try later');
        return;
      }
      setTimeout(() => {
        received.push({ headers: req.headers, raw, body: JSON.parse(raw), at: Date.now() });
        res.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    attempts,
    failFirst: (n: number) => {
      failures = n;
    },
    /** Answers success only after `ms`, so a stop can land while a send is in flight. */
    slow: (ms: number) => {
      delayMs = ms;
    },
    keys: () => received.map((r) => r.body.event.key),
    kinds: () => new Set(received.map((r) => r.body.event.kind)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How a receiver checks a delivery: HMAC-SHA256 of the raw body, compared in constant time. */
export function verifySignature(raw: string, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  return expected.length === given.length && timingSafeEqual(expected, given);
}
