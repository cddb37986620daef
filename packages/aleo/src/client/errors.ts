/** A request to a node that failed; `retryable` says whether trying again can help. */
export class NodeError extends Error {
  override name = 'NodeError';
  readonly node: string;
  readonly route: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** The node refused for load (429, or the older 200 `Too Many Requests!`). */
  readonly rateLimited: boolean;
  /** Seconds the node asked to wait (rate limits). */
  readonly retryAfterSeconds: number | undefined;

  constructor(p: {
    node: string;
    route: string;
    reason: string;
    status?: number;
    retryable: boolean;
    rateLimited?: boolean;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(`node ${p.node} ${p.route}: ${p.reason}`, { cause: p.cause });
    this.node = p.node;
    this.route = p.route;
    this.status = p.status;
    this.retryable = p.retryable;
    this.rateLimited = p.rateLimited ?? false;
    this.retryAfterSeconds = p.retryAfterSeconds;
  }
}
