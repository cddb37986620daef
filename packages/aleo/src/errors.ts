export type BaseErrorParameters = {
  /** Finer detail after the short message, such as the node's own words. */
  details?: string | undefined;
  cause?: unknown;
  /** Whether doing the same thing again (later, or elsewhere) can succeed. Default false. */
  retryable?: boolean | undefined;
};

/**
 * The parent of Ratify's errors: a one-line `shortMessage`, optional `details`, the `cause`,
 * and `retryable`, decided once where the error is made so callers branch on a flag, not on
 * message text. `message` is `shortMessage: details`.
 */
export class BaseError extends Error {
  override name = 'BaseError';
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly retryable: boolean;

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const { details, cause, retryable = false } = parameters;
    super(details ? `${shortMessage}: ${details}` : shortMessage, { cause });
    this.shortMessage = shortMessage;
    this.details = details;
    this.retryable = retryable;
  }
}

/** True for a Ratify error that says a retry can help; anything else is not retried. */
export function isRetryable(error: unknown): boolean {
  return error instanceof BaseError && error.retryable;
}
