import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startReceiver, verifySignature } from '@ratify/indexer/alerts-testing';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** Runs the real `ratify` command; asynchronous, so the receivers in this process can answer. */
function ratify(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'apps', 'cli', 'bin', 'ratify.mjs'), ...args],
      {
        env: { PATH: process.env.PATH ?? '', ...env },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('ratify alerts test', { timeout: 30_000 }, () => {
  it('sends a signed test event to every receiver, narrowed or not, and prints each result', async () => {
    const a = await startReceiver();
    const b = await startReceiver();
    const failing = await startReceiver();
    failing.failFirst(1);
    const r = await ratify(
      {
        ALERT_WEBHOOKS: `${a.url}#kinds=genesis_mismatch,${b.url},${failing.url}`,
        ALERT_WEBHOOK_SECRET: 'k',
      },
      'alerts',
      'test',
    );
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ok {5}http:\/\/127\.0\.0\.1:\d+ {2}HTTP 200 in \d+ ms \(signed\)$/);
    expect(lines[2]).toMatch(
      /^failed http:\/\/127\.0\.0\.1:\d+ {2}HTTP 503: try later after \d+ ms \(signed\)$/,
    );
    expect(r.err.trim()).toBe('ratify: 1 of 3 receivers failed');
    for (const x of [...a.received, ...b.received]) {
      expect(x.body.event.kind).toBe('test');
      expect(verifySignature(x.raw, x.headers['x-ratify-signature'] as string, 'k')).toBe(true);
    }
    expect(a.received).toHaveLength(1);
    expect(b.received).toHaveLength(1);
    await Promise.all([a.stop(), b.stop(), failing.stop()]);
  });

  it('says so in one line when nothing is configured or a value is wrong', async () => {
    const none = await ratify({}, 'alerts', 'test');
    expect(none.code).toBe(1);
    expect(none.err).toBe('ratify: no alert receivers: set ALERT_WEBHOOKS or ALERT_CONFIG\n');
    const bad = await ratify({ ALERT_WEBHOOKS: 'hooks.example' }, 'alerts', 'test');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe("ratify: ALERT_WEBHOOKS: 'hooks.example' is not an http(s) URL\n");
    // The same variables, parsed the same way, before `ratify up` starts anything.
    const up = await ratify({ ALERT_WEBHOOKS: 'https://x.example/h#kinds=stall' }, 'up');
    expect(up.code).toBe(1);
    expect(up.out).toBe('');
    expect(up.err).toMatch(
      /^ratify: ALERT_WEBHOOKS: unknown alert kind 'stall' \(known: [a-z_, ]+\)\n$/,
    );
  });
});
