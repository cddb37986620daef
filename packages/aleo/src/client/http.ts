import { parseChainJson } from '../json';
import { NodeError } from './errors';
import type { Pacer } from './pacer';
import { sleep } from './sleep';

export type RequestOptions = { signal?: AbortSignal };

export type Transport = {
  node: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  pacer: Pacer;
};

// Older nodes answer a rate-limited request with HTTP 200 and this text.
const OLD_RATE_LIMIT = /^Too Many Requests! Wait for (\d+)s/;

function bodyReason(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const j = JSON.parse(trimmed) as { message?: unknown; error_type?: unknown };
      if (typeof j.message === 'string') {
        return typeof j.error_type === 'string' ? `${j.message} (${j.error_type})` : j.message;
      }
    } catch {
      // Not JSON: fall through to the raw text.
    }
  }
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}

function retryAfter(res: Response, text: string): number | undefined {
  const header = res.headers.get('retry-after');
  if (header && /^\d+$/.test(header)) return Number(header);
  const m = /Wait for (\d+)s/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** One attempt: the parsed JSON body, or a NodeError saying why not. */
async function attempt(
  t: Transport,
  method: 'GET' | 'POST',
  route: string,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const fail = (reason: string, extra: Partial<ConstructorParameters<typeof NodeError>[0]> = {}) =>
    new NodeError({
      node: t.node,
      route: `${method} ${route}`,
      reason,
      retryable: false,
      ...extra,
    });
  const timeout = AbortSignal.timeout(t.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await t.fetch(`${t.node}${route}`, {
      method,
      body,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      signal: combined,
    });
    text = await res.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      throw fail(`no answer within ${t.timeoutMs} ms`, { retryable: true, cause: error });
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error).message;
    throw fail(`network error: ${detail}`, { retryable: true, cause: error });
  }
  const old = res.status === 200 ? OLD_RATE_LIMIT.exec(text) : null;
  if (res.status === 429 || old) {
    const wait = old ? Number(old[1]) : retryAfter(res, text);
    throw fail(`rate limited (HTTP ${res.status}${wait === undefined ? '' : `, wait ${wait}s`})`, {
      status: res.status,
      retryable: true,
      rateLimited: true,
      retryAfterSeconds: wait,
    });
  }
  if (!res.ok) {
    const reason = `HTTP ${res.status}: ${bodyReason(text) || res.statusText}`;
    throw fail(reason, { status: res.status, retryable: res.status >= 500 });
  }
  try {
    return parseChainJson(text);
  } catch (error) {
    throw fail(`answer is not JSON: ${bodyReason(text).slice(0, 80)}`, {
      status: res.status,
      cause: error,
    });
  }
}

/** A request with pacing, a timeout per attempt, and retries with backoff for what can recover. */
export async function request(
  t: Transport,
  method: 'GET' | 'POST',
  route: string,
  opts: RequestOptions & { body?: string } = {},
): Promise<unknown> {
  const { signal, body } = opts;
  for (let attemptNo = 0; ; attemptNo++) {
    const release = await t.pacer.acquire(signal);
    let error: unknown;
    try {
      const value = await attempt(t, method, route, body, signal);
      t.pacer.onSuccess();
      return value;
    } catch (e) {
      error = e;
    } finally {
      release();
    }
    if (!(error instanceof NodeError)) throw error;
    const waitMs = (error.retryAfterSeconds ?? 0) * 1000;
    if (error.rateLimited) t.pacer.onRateLimited(waitMs);
    if (!error.retryable || attemptNo >= t.retries) {
      if (attemptNo === 0) throw error;
      throw new NodeError({
        node: error.node,
        route: error.route,
        reason: `${error.message.slice(`node ${error.node} ${error.route}: `.length)} (after ${attemptNo + 1} attempts)`,
        status: error.status,
        retryable: error.retryable,
        rateLimited: error.rateLimited,
        retryAfterSeconds: error.retryAfterSeconds,
        cause: error.cause,
      });
    }
    // Full jitter keeps many clients from retrying in step.
    const cap = Math.min(t.maxBackoffMs, t.backoffMs * 2 ** attemptNo);
    await sleep(Math.max(waitMs, Math.random() * cap), signal);
  }
}
