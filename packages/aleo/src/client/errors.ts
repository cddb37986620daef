import { BaseError } from '../errors';

/**
 * Why a request to a node failed, sorted once into what a retry can help:
 * - `rate-limited`: 429, or an older node's HTTP 200 `Too Many Requests! Wait for Ns`; wait `retryAfterMs`.
 * - `timeout`: no answer within the time allowed.
 * - `unreachable`: no connection (refused, reset, unknown host).
 * - `truncated`: the connection dropped mid-answer.
 * - `server`: HTTP 5xx.
 * - `malformed`: the body is not JSON (a proxy page, a cut body).
 * - `invalid-answer`: JSON of the wrong shape, or blocks that do not match the request. Not retryable.
 * - `not-found`: HTTP 404. Not retryable.
 * - `refused`: any other 4xx: the node read the request and said no. Not retryable.
 */
export type NodeErrorKind =
  | 'rate-limited'
  | 'timeout'
  | 'unreachable'
  | 'truncated'
  | 'server'
  | 'malformed'
  | 'invalid-answer'
  | 'not-found'
  | 'refused';

const RETRYABLE: Record<NodeErrorKind, boolean> = {
  'rate-limited': true,
  timeout: true,
  unreachable: true,
  truncated: true,
  server: true,
  malformed: true,
  'invalid-answer': false,
  'not-found': false,
  refused: false,
};

export type NodeRequestErrorParameters = {
  /** The node's REST base, network included. */
  node: string;
  /** Method and path, e.g. `GET /blocks?start=0&end=50`. */
  route: string;
  kind: NodeErrorKind;
  /** What went wrong, in a few words: `HTTP 503`, `no answer within 100 ms`. */
  summary: string;
  /** The node's own words, or the cause's. */
  details?: string | undefined;
  status?: number | undefined;
  retryAfterMs?: number | undefined;
  attempts?: number | undefined;
  cause?: unknown;
};

/**
 * A request to a node that failed. The message is one line:
 * `node <node> <route>: <summary>[ after N attempts][: <details>]`; `reason` is the part after
 * the route, for callers that name the node themselves.
 */
export class NodeRequestError extends BaseError {
  override name = 'NodeRequestError';
  readonly node: string;
  readonly route: string;
  readonly kind: NodeErrorKind;
  readonly status: number | undefined;
  /** How long the node asked to wait (rate limits only). */
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
  readonly reason: string;
  readonly #parameters: NodeRequestErrorParameters;

  constructor(p: NodeRequestErrorParameters) {
    const attempts = p.attempts ?? 1;
    const head = attempts > 1 ? `${p.summary} after ${attempts} attempts` : p.summary;
    super(`node ${p.node} ${p.route}: ${head}`, {
      details: p.details,
      cause: p.cause,
      retryable: RETRYABLE[p.kind],
    });
    this.node = p.node;
    this.route = p.route;
    this.kind = p.kind;
    this.status = p.status;
    this.retryAfterMs = p.retryAfterMs;
    this.attempts = attempts;
    this.reason = p.details ? `${head}: ${p.details}` : head;
    this.#parameters = p;
  }

  /** The same failure, as the last of `attempts` tries. */
  withAttempts(attempts: number): NodeRequestError {
    return new NodeRequestError({ ...this.#parameters, attempts });
  }
}
