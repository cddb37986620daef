import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastToNodes, RelayError } from './relay-to-node';

const TX_ID = 'at16gn574xqj5svyzeqxv25g93phr6rn7exzt75lxz94702rup23gfqu3sjsc';
type Answer = (res: ServerResponse) => void;

const servers: Server[] = [];
const answers: Answer[] = [];
const urls: string[] = [];

/** Node i answers with answers[i]; its URL is urls[i]. */
beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const s = createServer((req, res) => {
      req.resume();
      req.on('end', () => answers[i]?.(res));
    });
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    servers.push(s);
    urls.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  }
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const send =
  (status: number, body: string): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };

async function relay(...a: Answer[]) {
  answers.splice(0, answers.length, ...a);
  const result = await broadcastToNodes(urls.slice(0, a.length), '{}').catch((e: unknown) => e);
  // Ports change per run; name the nodes by their place in the list.
  const named = (text: string) => urls.reduce((t, u, i) => t.replaceAll(u, `<node ${i}>`), text);
  if (result instanceof RelayError) {
    return {
      refused: result.refused,
      message: named(result.message),
      tried: result.attempts.length,
    };
  }
  if (result instanceof Error) throw result;
  const { node, attempts } = result as Awaited<ReturnType<typeof broadcastToNodes>>;
  return { node: named(node), tried: attempts.map((x) => `${named(x.node)}: ${x.error}`) };
}

describe('broadcastToNodes', () => {
  it('tries the next node after a 500, 502 or 504 and says so', async () => {
    expect(
      await relay(
        send(502, ''),
        send(500, 'Something went wrong: storage busy'),
        send(200, JSON.stringify(TX_ID)),
      ),
    ).toMatchInlineSnapshot(`
      {
        "node": "<node 2>",
        "tried": [
          "<node 0>: HTTP 502: Bad Gateway",
          "<node 1>: HTTP 500: Something went wrong: storage busy",
        ],
      }
    `);
  });

  it('names every node when none takes the vote', async () => {
    expect(await relay(send(504, ''), send(429, '{"message":"slow down"}'))).toMatchInlineSnapshot(`
        {
          "message": "no Alpha node took the vote: <node 0>: HTTP 504: Gateway Timeout; <node 1>: rate limited (HTTP 429)",
          "refused": false,
          "tried": 2,
        }
      `);
  });

  it("passes a node's 4xx through as its refusal, without asking another", async () => {
    const refusal = '{"message":"transaction already exists","error_type":"unprocessable"}';
    expect(
      await relay(send(422, refusal), send(200, JSON.stringify(TX_ID))),
    ).toMatchInlineSnapshot(`
        {
          "message": "node <node 0> refused the vote: HTTP 422: transaction already exists (unprocessable)",
          "refused": true,
          "tried": 1,
        }
      `);
  });
});
