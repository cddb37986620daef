import { z } from 'zod';

/**
 * What one commit of the indexer touched: the chain-network, its new indexed height, and the
 * proposals whose row, votes or counters changed (`'many'` when the list would not fit, or
 * when every proposal of the chain-network may have changed, e.g. a new validator set).
 */
export type IndexedNotification = { c: string; h: number; p: string[] | 'many' };

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; stay well below.
const MAX_PAYLOAD_BYTES = 7_000;

export function indexedPayload(batch: {
  chainNetworkId: string;
  checkpoint: { height: number };
  proposals: { proposalId: string }[];
  votes: { proposalId: string }[];
  onchainCounters: { proposalId: string }[];
  validatorSet?: unknown;
}): string {
  const base = { c: batch.chainNetworkId, h: batch.checkpoint.height };
  if (batch.validatorSet) return JSON.stringify({ ...base, p: 'many' });
  const touched = new Set<string>();
  for (const rows of [batch.proposals, batch.votes, batch.onchainCounters])
    for (const r of rows) touched.add(r.proposalId);
  const text = JSON.stringify({ ...base, p: [...touched] });
  return Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES
    ? text
    : JSON.stringify({ ...base, p: 'many' });
}

const notificationSchema = z.object({
  c: z.string().min(1),
  h: z.number().int().nonnegative(),
  p: z.union([z.array(z.string()), z.literal('many')]),
});

/**
 * Reads a payload of the channel; the older `<chainNetworkId>:<height>` form (the id itself
 * holds colons) is read as touching every proposal. `undefined` for anything else.
 */
export function parseIndexedPayload(text: string): IndexedNotification | undefined {
  if (text.startsWith('{')) {
    try {
      const parsed = notificationSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
  const at = text.lastIndexOf(':');
  const h = Number(text.slice(at + 1));
  if (at <= 0 || !Number.isInteger(h) || h < 0) return undefined;
  return { c: text.slice(0, at), h, p: 'many' };
}
