'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Receipt } from './stored-receipts';

export type { Receipt } from './stored-receipts';

const STORAGE_KEY = 'ratify.vote-receipts.v2';
// Receipts of the keystore-only dashboard.
const V1_KEY = 'ratify.vote-receipts.v1';

/**
 * The stored receipts, newest first. Their schemas (zod) load only when something is stored:
 * a browser that never voted here reads nothing.
 */
async function readAll(): Promise<Receipt[]> {
  const current = window.localStorage.getItem(STORAGE_KEY);
  const legacy = window.localStorage.getItem(V1_KEY);
  if (current === null && legacy === null) return [];
  return (await import('./stored-receipts')).storedReceipts(current, legacy);
}

/** This voter's receipts for this proposal, newest first. */
export function useReceipts(proposalId: string, voter: string | null) {
  const [all, setAll] = useState<Receipt[]>([]);
  // A receipt added while the first read is under way is not undone by it.
  const added = useRef(false);
  useEffect(() => {
    let live = true;
    readAll().then(
      (stored) => {
        if (live && !added.current) setAll(stored);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const add = useCallback(async (r: Receipt) => {
    added.current = true;
    const [{ KEEP }, stored] = await Promise.all([import('./stored-receipts'), readAll()]);
    const next = [r, ...stored.filter((x) => x.transactionId !== r.transactionId)].slice(0, KEEP);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setAll(next);
  }, []);
  const mine = all.filter((r) => r.proposalId === proposalId && r.voter === voter);
  return { receipts: mine, add };
}
