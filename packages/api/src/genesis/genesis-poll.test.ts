import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fieldToBlockHash } from '@ratify/aleo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesisPoll } from './genesis-poll';

const A = fieldToBlockHash(11n);
const B = fieldToBlockHash(12n);

// Real HTTP nodes: /a1 /a2 /a3 answer hash A, /b answers B, /slow never answers in time,
// /broken answers 500. Each path counts its requests.
let server: Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const node = (req.url ?? '').split('/')[1] ?? '';
    hits.set(node, (hits.get(node) ?? 0) + 1);
    if (node === 'slow') return void setTimeout(() => res.end(JSON.stringify(A)), 3_000);
    if (node === 'broken') {
      res.statusCode = 500;
      return void res.end('Something went wrong: no genesis');
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(node === 'b' ? B : A));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const url = (node: string) => `${base}/${node}/canary`;

describe('createGenesisPoll', () => {
  it('trusts the hash that 67% of the nodes report; a slow or broken node is silent', async () => {
    const poll = createGenesisPoll({
      nodes: ['a1', 'a2', 'a3', 'b', 'slow', 'broken'].map(url),
      timeoutMs: 1_000,
    });
    const result = await poll.read();
    expect(result.required).toBe(5);
    expect(result.hashes).toEqual([
      { hash: A, count: 3, shareBps: 5000, trusted: false },
      { hash: B, count: 1, shareBps: 1666, trusted: false },
    ]);
    expect(result.agreement.agreed).toBe(false);
    const slow = result.nodes.find((n) => n.url === url('slow'));
    expect(slow?.hash).toBeNull();
    expect(slow?.error).toContain('no answer within 1000 ms');
    expect(result.nodes.find((n) => n.url === url('broken'))?.error).toContain('500');
  });

  it('agrees at 67%', async () => {
    const result = await createGenesisPoll({ nodes: ['a1', 'a2', 'b'].map(url) }).read();
    expect(result.hashes[0]).toMatchObject({ hash: A, count: 2, trusted: false });
    const four = await createGenesisPoll({ nodes: ['a1', 'a2', 'a3', 'b'].map(url) }).read();
    expect(four.agreement).toMatchObject({ agreed: true, hash: A, count: 3, required: 3 });
    expect(four.hashes[0]?.trusted).toBe(true);
  });

  it('reuses its answers for the cache time and shares a poll under way', async () => {
    let clock = 1_000_000;
    const poll = createGenesisPoll({ nodes: [url('a1')], ttlMs: 10_000, now: () => clock });
    const before = hits.get('a1') ?? 0;
    await Promise.all([poll.read(), poll.read(), poll.read()]);
    expect(hits.get('a1')).toBe(before + 1);
    clock += 9_999;
    await poll.read();
    expect(hits.get('a1')).toBe(before + 1);
    clock += 1;
    await poll.read();
    expect(hits.get('a1')).toBe(before + 2);
  });
});
