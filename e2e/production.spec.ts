import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E } from '../playwright.config';

// The production shape next to the demo: `ratify serve` (the dashboard alone) and
// `ratify index` (the indexer alone) as separate processes against the demo's database.
const SERVE_PORT = 3460;
const INDEX_PORT = 3560;
const DATABASE_URL = `postgres://ratify:ratify@127.0.0.1:${E2E.pg}/ratify`;

function ratify(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['apps/cli/bin/ratify.mjs', ...args], {
    env: { ...process.env, DATABASE_URL, LOG_FORMAT: 'json', NEXT_TELEMETRY_DISABLED: '1' },
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
  const serve = ratify(['serve', '--port', String(SERVE_PORT)]);
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
  } finally {
    await stop(serve.child);
    await stop(index.child);
  }
});
