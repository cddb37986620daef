import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type AlertKind, alertKindNames } from '@ratify/governance';
import { z } from 'zod';

/** A webhook receiver; `kinds: null` receives every event. */
export type Receiver = {
  /** Stable across restarts, without the URL (which may carry a token) in the database. */
  id: string;
  /** The URL's origin, safe to print and store. */
  label: string;
  url: string;
  kinds: AlertKind[] | null;
  secret?: string;
};

export type AlertSettings = {
  receivers: Receiver[];
  /** "Voting ends" and "activation" are announced this long before the estimate. */
  leadSeconds: number;
  /** Faster rounds for tests; production keeps the defaults. */
  timing?: {
    evaluateIntervalMs?: number;
    deliveryIntervalMs?: number;
    retry?: { baseMs: number; maxMs: number };
  };
};

const kind = z.enum(alertKindNames, {
  error: (issue) =>
    `unknown alert kind '${String(issue.input)}' (known: ${alertKindNames.join(', ')})`,
});
const webhookUrl = z.url({
  protocol: /^https?$/,
  error: (issue) => `'${String(issue.input)}' is not an http(s) URL`,
});

const fileSchema = z.strictObject({
  receivers: z.array(
    z.strictObject({
      url: webhookUrl,
      kinds: z.array(kind).min(1).optional(),
      secret: z.string().min(1).optional(),
    }),
  ),
});

export const alertEnvSchema = z.object({
  ALERT_WEBHOOKS: z.string().optional(),
  ALERT_CONFIG: z.string().min(1).optional(),
  ALERT_WEBHOOK_SECRET: z.string().min(1, 'must not be empty when set').optional(),
  ALERT_LEAD_MINUTES: z.coerce
    .number({ error: 'a number of minutes' })
    .positive('a positive number of minutes')
    .max(7 * 24 * 60, 'at most a week')
    .default(60),
});

export class AlertConfigError extends Error {
  override name = 'AlertConfigError';
}

function receiver(url: string, kinds: AlertKind[] | null, secret: string | undefined): Receiver {
  const parsed = new URL(url);
  parsed.hash = '';
  const bare = parsed.toString();
  return {
    id: createHash('sha256').update(bare).digest('hex').slice(0, 32),
    label: parsed.origin,
    url: bare,
    kinds,
    ...(secret ? { secret } : {}),
  };
}

/**
 * `ALERT_WEBHOOKS`: URLs separated by commas; `#kinds=a,b` narrows one to some kinds (its
 * commas are told apart because every receiver starts with `http`).
 */
function parseWebhookList(list: string, secret: string | undefined): Receiver[] {
  const entries = list
    .split(/,(?=\s*https?:)/i)
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const url = webhookUrl.safeParse(entry);
    if (!url.success) throw new AlertConfigError(`ALERT_WEBHOOKS: ${url.error.issues[0]?.message}`);
    const fragment = new URL(entry).hash.slice(1);
    if (fragment === '') return receiver(entry, null, secret);
    const match = /^kinds=(.+)$/.exec(fragment);
    if (!match?.[1]) {
      throw new AlertConfigError(
        `ALERT_WEBHOOKS: '#${fragment}' in ${new URL(entry).origin}: only '#kinds=a,b' is understood`,
      );
    }
    const kinds = match[1].split(',').map((k) => {
      const k2 = kind.safeParse(decodeURIComponent(k.trim()));
      if (!k2.success) throw new AlertConfigError(`ALERT_WEBHOOKS: ${k2.error.issues[0]?.message}`);
      return k2.data;
    });
    return receiver(entry, kinds, secret);
  });
}

function parseConfigFile(path: string, secret: string | undefined): Receiver[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AlertConfigError(`ALERT_CONFIG: cannot read ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AlertConfigError(`ALERT_CONFIG: ${path} is not JSON (${(error as Error).message})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new AlertConfigError(`ALERT_CONFIG: ${path}: ${at}: ${issue?.message}`);
  }
  return parsed.data.receivers.map((r) => receiver(r.url, r.kinds ?? null, r.secret ?? secret));
}

/** The alert settings, parsed once from the environment; a bad value is a one-line error. */
export function parseAlertEnv(env: NodeJS.ProcessEnv): AlertSettings {
  const parsed = alertEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AlertConfigError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  const receivers = [
    ...(e.ALERT_WEBHOOKS ? parseWebhookList(e.ALERT_WEBHOOKS, e.ALERT_WEBHOOK_SECRET) : []),
    ...(e.ALERT_CONFIG ? parseConfigFile(e.ALERT_CONFIG, e.ALERT_WEBHOOK_SECRET) : []),
  ];
  const seen = new Set<string>();
  for (const r of receivers) {
    if (seen.has(r.id)) throw new AlertConfigError(`alert receiver ${r.label} is configured twice`);
    seen.add(r.id);
  }
  return { receivers, leadSeconds: Math.round(e.ALERT_LEAD_MINUTES * 60) };
}
