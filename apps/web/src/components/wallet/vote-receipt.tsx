'use client';
import { CHOICE_LABELS, CHOICE_NAMES } from '@ratify/governance';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '@/trpc/client';
import type { VoteWallet } from './adapters/vote-wallet';
import type { Receipt } from './receipts';

const ON_CHAIN_ID = /^at1[02-9ac-hj-np-z]{20,}$/;
// Statuses after which a wallet has nothing more to say about a transaction.
const FINAL = new Set(['accepted', 'rejected', 'failed', 'finalized']);

/**
 * One submitted vote, from "sent" to "included at height N, counted" (or why not). The wallet's
 * own status is shown where it offers one; the index decides in any case.
 */
export function VoteReceipt({
  receipt,
  wallet,
  votingEndsHeight,
  latest,
}: {
  receipt: Receipt;
  /** The wallet that sent it, when it is the one still chosen in this tab. */
  wallet: VoteWallet | null;
  votingEndsHeight: number;
  latest: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const walletStatus = useQuery({
    queryKey: ['wallet-status', receipt.wallet, receipt.transactionId],
    queryFn: () => wallet?.transactionStatus?.(receipt.transactionId) ?? null,
    enabled: wallet?.transactionStatus !== undefined,
    refetchInterval: (q) =>
      q.state.data && FINAL.has(q.state.data.status.toLowerCase()) ? false : 1_500,
  });
  const onChainId = [walletStatus.data?.transactionId, receipt.transactionId].find(
    (id) => id !== undefined && ON_CHAIN_ID.test(id),
  );
  const { data, error } = useQuery(
    trpc.votes.status.queryOptions(
      {
        transactionId: onChainId,
        chainNetworkId: receipt.chainNetworkId,
        expiresAtHeight: receipt.expiresAtHeight,
        cast: {
          proposalId: receipt.proposalId,
          voter: receipt.voter,
          choice: receipt.choice,
          afterHeight: receipt.submittedAtHeight,
        },
      },
      {
        // Poll until the indexer has seen it; the event stream also refreshes it at once.
        refetchInterval: (q) => (q.state.data && q.state.data.state !== 'pending' ? false : 1_500),
      },
    ),
  );
  const included = data?.state === 'included';
  useEffect(() => {
    if (!included) return;
    const of = { proposalId: receipt.proposalId };
    void queryClient.invalidateQueries(trpc.proposals.get.queryFilter(of));
    void queryClient.invalidateQueries(trpc.proposals.votes.queryFilter(of));
    void queryClient.invalidateQueries(trpc.proposals.voters.queryFilter(of));
  }, [included, queryClient, trpc, receipt.proposalId]);

  const shown =
    data?.state === 'included' ? data.transactionId : (onChainId ?? receipt.transactionId);
  let tone = 'border-sky-200 bg-sky-50';
  let headline = 'Sent; waiting for a block…';
  let detail = `Sent by ${receipt.wallet} at indexed height ${receipt.submittedAtHeight}${
    receipt.expiresAtHeight ? `; valid until height ${receipt.expiresAtHeight}` : ''
  }.`;
  const ws = walletStatus.data;
  if (error) {
    headline = 'Sent; the status could not be read just now.';
    detail = error.message;
  } else if (data?.state === 'pending') {
    if (data.indexedHeight !== null) detail += ` Indexed to height ${data.indexedHeight}.`;
    if (ws && /^(failed|rejected)$/i.test(ws.status)) {
      tone = 'border-rose-300 bg-rose-50';
      headline = `${receipt.wallet} reports the vote ${ws.status.toLowerCase()}.`;
      detail = ws.error ?? 'The wallet gave no reason.';
    }
  } else if (data?.state === 'expired') {
    tone = 'border-amber-300 bg-amber-50';
    headline = `Expired: not included by height ${data.expiresAtHeight}.`;
    detail = 'The node dropped it and nothing changed on chain. Vote again to try once more.';
  } else if (data?.state === 'included') {
    if (data.accepted) {
      tone = data.counted ? 'border-emerald-300 bg-emerald-50' : 'border-slate-300 bg-slate-50';
      headline = `Included at height ${data.height}, ${data.counted ? 'counted' : 'replaced by a later vote'}.`;
      detail = data.counted
        ? 'This is the vote the tally counts for this account.'
        : 'A later vote of this account is the one counted.';
    } else {
      tone = 'border-rose-300 bg-rose-50';
      headline = `Included at height ${data.height}, rejected by the chain.`;
      detail =
        data.height > votingEndsHeight
          ? `Voting had ended at height ${votingEndsHeight}. The fee was charged; the vote did not count.`
          : 'The program refused it (the account may no longer be a governor or committee member). The fee was charged; the vote did not count.';
    }
  }

  return (
    <div
      className={`rounded-md border p-3 text-sm ${tone}`}
      data-testid={latest ? 'vote-receipt' : 'vote-receipt-old'}
    >
      <p className="font-medium">
        {CHOICE_LABELS[CHOICE_NAMES[receipt.choice]]} ·{' '}
        <span data-testid={latest ? 'vote-receipt-status' : undefined}>{headline}</span>
      </p>
      <p className="mt-1 text-slate-600">{detail}</p>
      {ws ? (
        <p
          className="mt-1 text-xs text-slate-500"
          data-testid={latest ? 'vote-receipt-wallet' : undefined}
        >
          {receipt.wallet} says: {ws.status}
          {ws.error ? ` (${ws.error})` : ''}
        </p>
      ) : null}
      <p className="mt-1 break-all font-mono text-xs text-slate-500">
        transaction <span data-testid={latest ? 'vote-receipt-tx' : undefined}>{shown}</span>
      </p>
    </div>
  );
}
