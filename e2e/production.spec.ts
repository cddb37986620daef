import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E } from '../playwright.config';

// The production shape next to the demo: `ratify serve` (the dashboard alone) and
// `ratify index` (the indexer alone) as separate processes against the demo's database.
const SERVE_PORT = 3460;
const INDEX_PORT = 3560;
const DATABASE_URL = `postgres://ratify:ratify@127.0.0.1:${E2E.pg}/ratify`;

function ratify(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['apps/cli/bin/ratify.mjs', ...args], {
    env: {
      ...process.env,
      DATABASE_URL,
      LOG_FORMAT: 'json',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-20_000)));
  return { child, output: () => output };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const gone = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await gone;
}

test('ratify serve and ratify index against the same database serve the demo proposal', async ({
  request,
}) => {
  test.setTimeout(180_000);
  const serve = ratify(['serve', '--port', String(SERVE_PORT)], {
    ALPHA_NODES: `http://127.0.0.1:${E2E.devnet}/canary`,
  });
  const index = ratify([
    'index',
    '--alpha',
    `http://127.0.0.1:${E2E.devnet}/canary`,
    '--delta',
    `http://127.0.0.1:${E2E.devnet + 1}/canary`,
    '--port',
    String(INDEX_PORT),
  ]);
  try {
    const fromUp = async () =>
      (
        (await (await request.get('/api/v1/proposals')).json()) as {
          proposals: { proposalId: string }[];
        }
      ).proposals;
    await expect.poll(async () => (await fromUp()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const served = `http://127.0.0.1:${SERVE_PORT}`;
    await expect
      .poll(
        async () => (await request.get(`${served}/api/v1/proposals`).catch(() => null))?.status(),
        {
          timeout: 120_000,
          message: serve.output(),
        },
      )
      .toBe(200);
    const body = (await (await request.get(`${served}/api/v1/proposals`)).json()) as {
      proposals: { proposalId: string }[];
    };
    expect(body.proposals.length).toBeGreaterThan(0);
    expect(body.proposals.map((p) => p.proposalId).sort()).toEqual(
      (await fromUp()).map((p) => p.proposalId).sort(),
    );
    // The second indexer finds the writer of `up` holding each chain-network and stands by.
    const ops = `http://127.0.0.1:${INDEX_PORT}`;
    await expect
      .poll(
        async () => {
          const res = await request.get(`${ops}/status`).catch(() => null);
          if (!res?.ok()) return [];
          const status = (await res.json()) as { nodes: { state: string }[] };
          return status.nodes.map((n) => n.state);
        },
        { timeout: 60_000, message: index.output() },
      )
      .toEqual(['standby', 'standby']);
    await expect
      .poll(async () => (await request.get(`${ops}/ready`)).status(), { timeout: 30_000 })
      .toBe(200);
    for (const { proposalId: id } of body.proposals) {
      const page = await request.get(`${served}/proposals/${id}`);
      expect(page.status(), `${id}: ${(await page.text()).slice(0, 400)}`).toBe(200);
    }
    // The second server hears the indexer's commits and keeps its pages in its response cache.
    const health = (await (await request.get(`${served}/api/health`)).json()) as {
      live: boolean;
      responseCache: { renders: number; hits: number };
    };
    expect(health.live).toBe(true);
    expect(health.responseCache.renders).toBeGreaterThan(0);
    // With no proxy trusted (TRUST_PROXY_HOPS unset), a client naming itself someone else in
    // X-Forwarded-For is still one client to the vote relay's limit.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await request.post(`${served}/api/trpc/votes.submit`, {
            data: '{"transaction":{}}',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
          })
        ).status(),
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  } finally {
    await stop(serve.child);
    await stop(index.child);
  }
});
