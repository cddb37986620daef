'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '@/trpc/client';
import type { Receipt } from './receipts';
import { CHOICE_NAMES } from './sign-vote';

const LABEL = { yes: 'Yes', no: 'No', abstain: 'Abstain' } as const;

/** One submitted vote, from "sent to a node" to "included at height N, counted" (or why not). */
export function VoteReceipt({
  receipt,
  votingEndsHeight,
  latest,
}: {
  receipt: Receipt;
  votingEndsHeight: number;
  latest: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(
    trpc.votes.status.queryOptions(
      {
        transactionId: receipt.transactionId,
        transitionId: receipt.transitionId,
        chainNetworkId: receipt.chainNetworkId,
        expiresAtHeight: receipt.expiresAtHeight,
      },
      {
        // Poll until the indexer has seen it; the event stream also refreshes it at once.
        refetchInterval: (q) => (q.state.data && q.state.data.state !== 'pending' ? false : 1_500),
      },
    ),
  );
  const included = data?.state === 'included';
  useEffect(() => {
    if (included)
      void queryClient.invalidateQueries(
        trpc.proposals.get.queryFilter({ proposalId: receipt.proposalId }),
      );
  }, [included, queryClient, trpc, receipt.proposalId]);

  let tone = 'border-sky-200 bg-sky-50';
  let headline = 'Sent; waiting for a block…';
  let detail = `Relayed through ${receipt.node} at height ${receipt.submittedAtHeight}; valid until height ${receipt.expiresAtHeight}.`;
  if (error) {
    headline = 'Sent; the status could not be read just now.';
    detail = error.message;
  } else if (data?.state === 'pending' && data.indexedHeight !== null) {
    detail += ` Indexed to height ${data.indexedHeight}.`;
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
        {LABEL[CHOICE_NAMES[receipt.choice]]} ·{' '}
        <span data-testid={latest ? 'vote-receipt-status' : undefined}>{headline}</span>
      </p>
      <p className="mt-1 text-slate-600">{detail}</p>
      <p className="mt-1 break-all font-mono text-xs text-slate-500">
        transaction{' '}
        <span data-testid={latest ? 'vote-receipt-tx' : undefined}>{receipt.transactionId}</span>
      </p>
    </div>
  );
}
