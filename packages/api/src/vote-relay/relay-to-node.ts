import { BaseError, createNodeClient, NodeRequestError } from '@ratify/aleo';

export type NodeAttempt = { node: string; error: string };

/** Why the relay could not hand a vote to any node, or the node that refused it. */
export class RelayError extends BaseError {
  override name = 'RelayError';
  constructor(
    message: string,
    /** The node answered and refused: the vote itself is at fault, not the network. */
    readonly refused: boolean,
    readonly attempts: NodeAttempt[],
  ) {
    super(message, { retryable: !refused });
  }
}

/**
 * A node refuses a vote with a 4xx and its reason. Anything else (unreachable, overloaded,
 * a 5xx, an odd answer, a 404 for a route or network it does not serve) is the node's
 * trouble, not the vote's: another node may carry it.
 */
const refusedBy = (e: NodeRequestError) => e.kind === 'refused' && e.details !== undefined;

const client = (url: string) =>
  // A broadcast is not retried on the same node: a second copy would be refused as a replay.
  createNodeClient({ baseUrl: url, retries: 0, timeoutMs: 8_000 });

/** Broadcasts to the first node that takes it; answers the node and the id it returned. */
export async function broadcastToNodes(
  nodes: readonly string[],
  body: string,
): Promise<{ node: string; transactionId: string; attempts: NodeAttempt[] }> {
  const attempts: NodeAttempt[] = [];
  for (const node of nodes) {
    try {
      const transactionId = await client(node).broadcast(body);
      return { node, transactionId, attempts };
    } catch (e) {
      if (!(e instanceof NodeRequestError)) throw e;
      attempts.push({ node, error: e.reason });
      if (refusedBy(e))
        throw new RelayError(`node ${node} refused the vote: ${e.reason}`, true, attempts);
    }
  }
  if (nodes.length === 0)
    throw new RelayError('no Alpha node is configured for this network', false, attempts);
  throw new RelayError(
    `no Alpha node took the vote: ${attempts.map((a) => `${a.node}: ${a.error}`).join('; ')}`,
    false,
    attempts,
  );
}

/** The first answering node's latest height, so a vote is checked where it will land. */
export async function latestHeight(
  nodes: readonly string[],
): Promise<{ node: string; height: number } | null> {
  for (const node of nodes) {
    try {
      return { node, height: await client(node).latestHeight() };
    } catch (e) {
      if (!(e instanceof NodeRequestError)) throw e;
    }
  }
  return null;
}
