import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlertEnv } from './config';

const dir = mkdtempSync(join(tmpdir(), 'ratify-alerts-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('alert settings from the environment', () => {
  it('defaults: no receivers, an hour of lead time', () => {
    expect(parseAlertEnv({})).toEqual({ receivers: [], leadSeconds: 3600 });
  });

  it('reads a comma-separated list; a fragment narrows one receiver to some kinds', () => {
    const { receivers } = parseAlertEnv({
      ALERT_WEBHOOKS:
        'https://hooks.example/x#kinds=chain_stalled,genesis_mismatch, http://127.0.0.1:9/all',
      ALERT_WEBHOOK_SECRET: 's3cret',
      ALERT_LEAD_MINUTES: '15',
    });
    expect(receivers.map(({ id: _id, ...r }) => r)).toEqual([
      {
        label: 'https://hooks.example',
        url: 'https://hooks.example/x',
        kinds: ['chain_stalled', 'genesis_mismatch'],
        secret: 's3cret',
      },
      { label: 'http://127.0.0.1:9', url: 'http://127.0.0.1:9/all', kinds: null, secret: 's3cret' },
    ]);
    // The id is stable and does not contain the URL (which may carry a token).
    expect(receivers[0]?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(parseAlertEnv({ ALERT_WEBHOOKS: 'https://hooks.example/x' }).receivers[0]?.id).toBe(
      receivers[0]?.id,
    );
  });

  it('reads a config file with a secret per receiver', () => {
    const path = file(
      'ok.json',
      JSON.stringify({
        receivers: [
          { url: 'https://a.example/hook', kinds: ['index_paused'], secret: 'a' },
          { url: 'https://b.example/hook' },
        ],
      }),
    );
    const s = parseAlertEnv({ ALERT_CONFIG: path, ALERT_WEBHOOK_SECRET: 'fallback' });
    expect(s.receivers.map((r) => [r.label, r.kinds, r.secret])).toEqual([
      ['https://a.example', ['index_paused'], 'a'],
      ['https://b.example', null, 'fallback'],
    ]);
  });

  it.each([
    [
      { ALERT_WEBHOOKS: 'ftp://x.example/hook' },
      "ALERT_WEBHOOKS: 'ftp://x.example/hook' is not an http(s) URL",
    ],
    [
      { ALERT_WEBHOOKS: 'https://x.example/h#kinds=chain_stall' },
      /^ALERT_WEBHOOKS: unknown alert kind 'chain_stall' \(known: proposal_created, .*\)$/,
    ],
    [
      { ALERT_WEBHOOKS: 'https://x.example/h#only=stalls' },
      "ALERT_WEBHOOKS: '#only=stalls' in https://x.example: only '#kinds=a,b' is understood",
    ],
    [
      { ALERT_WEBHOOKS: 'https://x.example/h,https://x.example/h' },
      'alert receiver https://x.example is configured twice',
    ],
    [{ ALERT_LEAD_MINUTES: 'soon' }, 'ALERT_LEAD_MINUTES: a number of minutes'],
    [{ ALERT_LEAD_MINUTES: '-5' }, 'ALERT_LEAD_MINUTES: a positive number of minutes'],
    [{ ALERT_WEBHOOK_SECRET: '' }, 'ALERT_WEBHOOK_SECRET: must not be empty when set'],
    [
      { ALERT_CONFIG: join(dir, 'missing.json') },
      `ALERT_CONFIG: cannot read ${join(dir, 'missing.json')}`,
    ],
    [{ ALERT_CONFIG: file('bad.json', '{') }, /^ALERT_CONFIG: .*bad\.json is not JSON \(.+\)$/],
    [
      {
        ALERT_CONFIG: file(
          'kind.json',
          '{"receivers":[{"url":"https://a.example","kinds":["nope"]}]}',
        ),
      },
      /^ALERT_CONFIG: .*kind\.json: receivers\.0\.kinds\.0: unknown alert kind 'nope'/,
    ],
    [
      {
        ALERT_CONFIG: file('extra.json', '{"receivers":[{"url":"https://a.example","token":"x"}]}'),
      },
      /^ALERT_CONFIG: .*extra\.json: receivers\.0: Unrecognized key: "token"$/,
    ],
  ])('refuses %j with one line', (env, message) => {
    let error: unknown;
    try {
      parseAlertEnv(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text.split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
  });
});
