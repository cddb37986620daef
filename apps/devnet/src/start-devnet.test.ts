import { createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { manualDevnet } from './_test/devnet';
import type { DevnetEvent } from './network/events';
import { type Devnet, startDevnet } from './start-devnet';

// rehearsal-4of5 activates at height 18 and opens the new Alpha on portBase + 2: a port
// already taken there makes that tick fail for real (EADDRINUSE), with no stand-in.
const PORT_BASE = 4290;
const SPLIT_PORT = PORT_BASE + 2;

let devnet: Devnet | null = null;
let squatter: Server | null = null;
afterEach(async () => {
  await devnet?.stop();
  devnet = null;
  await new Promise<void>((resolve) => (squatter ? squatter.close(() => resolve()) : resolve()));
  squatter = null;
});

async function takePort(port: number): Promise<Server> {
  const s = createServer();
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve());
  });
  return s;
}

const heightOf = (d: Devnet, network: string): number =>
  Math.max(
    -1,
    ...d.events.flatMap((e) =>
      e.type === 'block' && e.chain === 'alpha' && e.network === network ? [e.height] : [],
    ),
  );

describe('a tick that fails', () => {
  it('is reported by the timer and the next blocks keep coming', async () => {
    squatter = await takePort(SPLIT_PORT);
    const events: DevnetEvent[] = [];
    devnet = await startDevnet({
      scenario: 'rehearsal-4of5',
      portBase: PORT_BASE,
      blockTimeMs: 15,
      genesisTimestamp: 1_767_225_600,
      log: (e) => events.push(e),
    });
    const d = devnet;
    const deadline = Date.now() + 15_000;
    const failedAt = () => events.findIndex((e) => e.type === 'tick-failed');
    while (Date.now() < deadline && (failedAt() < 0 || heightOf(d, 'testnet') < 5)) await sleep(20);

    expect(events[failedAt()]).toEqual({
      type: 'tick-failed',
      error: expect.stringContaining('EADDRINUSE'),
    });
    // The new Alpha goes on producing after the failed activation tick (its port stays taken).
    const after = events.slice(failedAt() + 1).filter((e) => e.type === 'block');
    expect(after.length).toBeGreaterThanOrEqual(5);
    expect(events.filter((e) => e.type === 'tick-failed')).toHaveLength(1);
  });

  it('rejects only its own advance(); the next advance() produces', async () => {
    squatter = await takePort(SPLIT_PORT);
    devnet = await manualDevnet(PORT_BASE, { scenario: 'rehearsal-4of5' });
    await expect(devnet.advance(18)).rejects.toThrow(/EADDRINUSE/);
    // The activation tick started the new Alpha in memory before its port failed.
    expect(heightOf(devnet, 'testnet')).toBe(-1);

    await devnet.advance(3);
    expect(heightOf(devnet, 'testnet')).toBe(3);
  });

  it('a logger that throws does not stop the chain', async () => {
    let calls = 0;
    devnet = await manualDevnet(PORT_BASE, {
      log: () => {
        calls += 1;
        throw new Error('log sink closed');
      },
    });
    const start = heightOf(devnet, 'canary');
    await devnet.advance(2);
    expect(heightOf(devnet, 'canary')).toBe(start + 2);
    expect(calls).toBeGreaterThan(2);
  });
});
