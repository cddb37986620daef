import type { VotesPage } from '@ratify/api';

/** Rows the newest page grows to as votes arrive while it is shown. */
export const LIVE_ROWS = 100;

type Vote = VotesPage['items'][number];
/** A row with its position in the chain-order log, which never changes as votes arrive. */
export type Placed = { at: number; vote: Vote };

export function placed(page: VotesPage): Placed[] {
  return page.items.map((vote, i) => ({ at: page.from - 1 - i, vote }));
}

/**
 * The newest page as it grows: the rows shown so far and those of the latest answer, newest
 * first. New votes come in on top and the rows being read stay, up to `LIVE_ROWS`; a kept
 * vote whose voter has a newer counted vote is no longer counted. A log that shrank (a
 * rewind) starts again from the answer.
 */
export function grownNewest(kept: readonly Placed[], page: VotesPage): Placed[] {
  const fresh = placed(page);
  const oldest = fresh[fresh.length - 1]?.at ?? page.from;
  const newestKept = kept[0]?.at;
  // Shrank (a rewind), or more votes arrived than a page holds: start again from the answer.
  if (newestKept === undefined || newestKept >= page.from || newestKept < oldest - 1) return fresh;
  const recounted = new Set(fresh.filter((r) => r.vote.counted).map((r) => r.vote.voter));
  const older = kept
    .filter((r) => r.at < oldest)
    .map((r) =>
      r.vote.counted && recounted.has(r.vote.voter)
        ? { ...r, vote: { ...r.vote, counted: false } }
        : r,
    );
  return [...fresh, ...older].slice(0, LIVE_ROWS);
}

/** What decides whether two lists of rows show the same. */
export const signature = (rows: readonly Placed[]) =>
  rows.map((r) => `${r.at}:${r.vote.transactionId}:${r.vote.counted}`).join(',');
