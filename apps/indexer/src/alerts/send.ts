import type { AlertEventRecord } from '@ratify/db';
import type { Receiver } from './config';
import { alertPayload, signBody } from './payload';

export type SendResult =
  | { ok: true; status: number; ms: number }
  | { ok: false; status: number | null; error: string; retryAfterMs: number | null; ms: number };

export const SIGNATURE_HEADER = 'x-ratify-signature';
export const TIMESTAMP_HEADER = 'x-ratify-timestamp';

/** One POST of one event to one receiver; never throws. */
export async function sendAlert(
  receiver: Receiver,
  event: AlertEventRecord,
  options: { attempt: number; timeoutMs?: number; now?: () => number },
): Promise<SendResult> {
  const started = performance.now();
  const sentAt = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const body = JSON.stringify(alertPayload(event, sentAt));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'ratify-alerts',
    'x-ratify-event': event.kind,
    'x-ratify-idempotency-key': event.key,
    'x-ratify-attempt': String(options.attempt),
    [TIMESTAMP_HEADER]: String(sentAt),
  };
  if (receiver.secret) headers[SIGNATURE_HEADER] = signBody(body, receiver.secret);
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(receiver.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    // Drain the body so the connection is reused; its text helps an operator on failure.
    const text = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
    if (response.ok) return { ok: true, status: response.status, ms: ms() };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status}${text ? `: ${text}` : ''}`,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
      ms: ms(),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'timed out'
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { ok: false, status: null, error: reason, retryAfterMs: null, ms: ms() };
  }
}
