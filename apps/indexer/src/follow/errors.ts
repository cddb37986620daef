import { BaseError, NodeRequestError } from '@ratify/aleo';
import { FencedWriteError } from '@ratify/db';

/** The node now serves another genesis than the chain-network this follower is bound to. */
export class GenesisChangedError extends BaseError {
  override name = 'GenesisChangedError';
  constructor(
    readonly node: string,
    readonly expected: string,
    readonly served: string,
  ) {
    super(`node ${node} now serves genesis ${served}, not ${expected}`, {
      details: 'refused for this chain-network',
    });
  }
}

export type ErrorKind =
  | 'fenced'
  | 'genesis_changed'
  | 'node_rate_limited'
  | 'node_retryable'
  | 'node_bad_answer'
  | 'database'
  | 'unknown';

// postgres.js and server error codes that a new connection or a retry fixes: the server
// restarting, a failover, a terminated backend, a serialization conflict.
const RETRYABLE_DB = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01', // admin_shutdown (pg_terminate_backend, server stop)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '08000',
  '08003',
  '08006',
  '25P02', // in_failed_sql_transaction, after a connection dropped mid-transaction
]);

/**
 * Sorts an error once: what it is, and whether the same step may simply be tried again.
 * The follower decides by this, never by reading messages or counting failures.
 */
export function classifyError(error: unknown): { kind: ErrorKind; retryable: boolean } {
  if (error instanceof FencedWriteError) return { kind: 'fenced', retryable: true };
  if (error instanceof GenesisChangedError) return { kind: 'genesis_changed', retryable: false };
  if (error instanceof NodeRequestError) {
    if (error.kind === 'rate-limited') return { kind: 'node_rate_limited', retryable: true };
    return error.retryable
      ? { kind: 'node_retryable', retryable: true }
      : { kind: 'node_bad_answer', retryable: false };
  }
  // Chain JSON that does not decode (a schema mismatch) is the node's fault, not ours.
  if (error instanceof BaseError) {
    return error.retryable
      ? { kind: 'node_retryable', retryable: true }
      : { kind: 'node_bad_answer', retryable: false };
  }
  // drizzle wraps a driver error ("Failed query: …"); the driver's code is on a cause.
  const code = errorCode(error);
  if (typeof code === 'string' && (RETRYABLE_DB.has(code) || code.startsWith('08'))) {
    return { kind: 'database', retryable: true };
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return { kind: 'database', retryable: false };
  }
  return { kind: 'unknown', retryable: false };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): unknown {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code !== undefined) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
