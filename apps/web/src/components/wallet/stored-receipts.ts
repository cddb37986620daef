// zod's mini build: this runs in the browser, once receipts are stored there.
import * as z from 'zod/mini';

/** How many receipts are kept, newest first. */
export const KEEP = 20;

/** One submitted vote, as the wallet answered it; public data, kept so a reload keeps the receipt. */
export const receiptSchema = z.object({
  /** The wallet's name and its id for the vote, which may be temporary (not an `at1…`). */
  wallet: z.string(),
  transactionId: z.string(),
  chainNetworkId: z.string(),
  proposalId: z.string(),
  voter: z.string(),
  choice: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Indexed height when it was sent: the vote is the first matching one included after it. */
  submittedAtHeight: z.number(),
  /** Known when the wallet says it (the keystore does): not included by then means dropped. */
  expiresAtHeight: z.optional(z.number()),
  submittedAt: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

// Receipts of the keystore-only dashboard: still shown, as the keystore's.
const v1Schema = z.pipe(
  z.extend(z.omit(receiptSchema, { wallet: true }), { expiresAtHeight: z.number() }),
  z.transform((r): Receipt => ({ ...r, wallet: 'Browser keystore' })),
);

function parse<T>(text: string | null, schema: z.ZodMiniType<T, unknown>): T[] {
  try {
    const parsed = z.array(schema).safeParse(JSON.parse(text ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The stored receipts, newest first, from the stored texts of this version and the last. */
export function storedReceipts(current: string | null, legacy: string | null): Receipt[] {
  const now = parse(current, receiptSchema);
  const old = parse(legacy, v1Schema).filter(
    (o) => !now.some((r) => r.transactionId === o.transactionId),
  );
  return [...now, ...old].slice(0, KEEP);
}
