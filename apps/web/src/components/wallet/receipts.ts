'use client';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';

const STORAGE_KEY = 'ratify.vote-receipts.v2';
const KEEP = 20;

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
  expiresAtHeight: z.number().optional(),
  submittedAt: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

function readAll(): Receipt[] {
  try {
    const parsed = z
      .array(receiptSchema)
      .safeParse(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** This voter's receipts for this proposal, newest first. */
export function useReceipts(proposalId: string, voter: string | null) {
  const [all, setAll] = useState<Receipt[]>([]);
  useEffect(() => setAll(readAll()), []);
  const add = useCallback((r: Receipt) => {
    const next = [r, ...readAll().filter((x) => x.transactionId !== r.transactionId)].slice(
      0,
      KEEP,
    );
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setAll(next);
  }, []);
  const mine = all.filter((r) => r.proposalId === proposalId && r.voter === voter);
  return { receipts: mine, add };
}
