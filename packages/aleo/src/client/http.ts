import { parseChainJson } from '../json';
import { type NodeErrorKind, NodeRequestError } from './errors';
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

// Older nodes answer a rate-limited request with HTTP 200 and this text; newer ones put
// the same words in a 429's JSON message.
const WAIT_FOR = /Too Many Requests! Wait for (\d+)s/;

/** The node's own words: a JSON error's message (and type), or the start of its text. */
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
  const line = trimmed.replace(/\s+/g, ' ');
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** `Retry-After` in seconds or as a date, else the `Wait for Ns` of the body. */
export function parseRetryAfterMs(
  headers: Headers,
  text: string,
  now = Date.now(),
): number | undefined {
  const header = headers.get('retry-after') ?? headers.get('x-ratelimit-after');
  if (header !== null) {
    const value = header.trim();
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const m = WAIT_FOR.exec(text);
  return m ? Number(m[1]) * 1000 : undefined;
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** One attempt: the parsed JSON body, or a NodeRequestError saying why not. */
async function attempt(
  t: Transport,
  method: 'GET' | 'POST',
  path: string,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const route = `${method} ${path}`;
  const fail = (
    kind: NodeErrorKind,
    summary: string,
    extra: { details?: string; status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) => new NodeRequestError({ node: t.node, route, kind, summary, ...extra });
  const timeout = AbortSignal.timeout(t.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const timedOut = (error: unknown) =>
    fail('timeout', `no answer within ${t.timeoutMs} ms`, { cause: error });
  let res: Response;
  try {
    res = await t.fetch(`${t.node}${path}`, {
      method,
      body,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      signal: combined,
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw timedOut(error);
    throw fail('unreachable', 'network error', { details: causeText(error), cause: error });
  }
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw timedOut(error);
    throw fail('truncated', `answer cut off (HTTP ${res.status})`, {
      details: causeText(error),
      status: res.status,
      cause: error,
    });
  }
  const status = res.status;
  if (status === 429 || (status === 200 && text.startsWith('Too Many Requests!'))) {
    const retryAfterMs = parseRetryAfterMs(res.headers, text);
    const wait = retryAfterMs === undefined ? '' : `, wait ${retryAfterMs} ms`;
    throw fail('rate-limited', `rate limited (HTTP ${status}${wait})`, { status, retryAfterMs });
  }
  if (!res.ok) {
    const kind = status === 404 ? 'not-found' : status >= 500 ? 'server' : 'refused';
    const details = bodyReason(text) || res.statusText || undefined;
    throw fail(kind, `HTTP ${status}`, { details, status });
  }
  try {
    return parseChainJson(text);
  } catch (error) {
    throw fail('malformed', 'answer is not JSON', {
      details: bodyReason(text).slice(0, 80),
      status,
      cause: error,
    });
  }
}

/** A request with pacing, a timeout per attempt, and retries with backoff for what can recover. */
export async function request(
  t: Transport,
  method: 'GET' | 'POST',
  path: string,
  opts: RequestOptions & { body?: string } = {},
): Promise<unknown> {
  const { signal, body } = opts;
  for (let attemptNo = 1; ; attemptNo++) {
    const ticket = await t.pacer.acquire(signal);
    let error: unknown;
    try {
      const value = await attempt(t, method, path, body, signal);
      t.pacer.onSuccess(ticket);
      return value;
    } catch (e) {
      error = e;
    } finally {
      ticket.release();
    }
    if (!(error instanceof NodeRequestError)) throw error;
    if (error.kind === 'rate-limited') t.pacer.onRateLimited(ticket, error.retryAfterMs);
    if (!error.retryable || attemptNo > t.retries) {
      throw attemptNo === 1 ? error : error.withAttempts(attemptNo);
    }
    // Full jitter keeps many clients from retrying in step; a rate limit's wait is the pacer's.
    const cap = Math.min(t.maxBackoffMs, t.backoffMs * 2 ** (attemptNo - 1));
    if (error.kind !== 'rate-limited') await sleep(Math.random() * cap, signal);
  }
}
