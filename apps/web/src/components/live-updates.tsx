'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { type Change, type ProposalFacts, parseChange, touchesProposal } from './live-changes';

type State = 'connecting' | 'live' | 'paused';

/** The input of a tRPC query from its key. */
function inputOf(key: readonly unknown[]) {
  return (key[1] as { input?: { proposalId?: string; chainNetworkId?: string } } | undefined)
    ?.input;
}

/**
 * Listens to the server's event stream and refetches only the queries an indexer commit
 * touched: the lists and chain views on every commit (the server computes each once per
 * commit, whoever asks), a proposal's page only when the commit touched that proposal or
 * crossed one of its heights. Shows whether the page is live. Queries also poll slowly.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [state, setState] = useState<State>('connecting');
  useEffect(() => {
    const source = new EventSource('/api/stream');
    let pending: Change[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const changes = pending;
      pending = [];
      void queryClient.invalidateQueries(trpc.proposals.list.queryFilter());
      void queryClient.invalidateQueries(trpc.chains.list.queryFilter());
      void queryClient.invalidateQueries(trpc.alerts.list.queryFilter());
      void queryClient.invalidateQueries(trpc.split.get.queryFilter());
      // A proposal page refetches its first screen and the pages of its lists it shows
      // (TanStack refetches only active queries; the others are marked stale).
      const touched = new Set<string>();
      for (const q of queryClient.getQueryCache().findAll(trpc.proposals.get.queryFilter())) {
        const id = inputOf(q.queryKey)?.proposalId;
        if (id !== undefined && touchesProposal(changes, id, q.state.data as ProposalFacts))
          touched.add(id);
      }
      const ofTouched = {
        predicate: (q: { queryKey: readonly unknown[] }) =>
          touched.has(inputOf(q.queryKey)?.proposalId ?? ''),
      };
      if (touched.size > 0) {
        void queryClient.invalidateQueries(trpc.proposals.get.queryFilter(undefined, ofTouched));
        void queryClient.invalidateQueries(trpc.proposals.voters.queryFilter(undefined, ofTouched));
        void queryClient.invalidateQueries(trpc.proposals.votes.queryFilter(undefined, ofTouched));
      }
      // A validator set is read once; only a rewind or a wide change can alter it.
      const wide = new Set(changes.filter((c) => c.p === 'many').map((c) => c.c));
      if (wide.size > 0)
        void queryClient.invalidateQueries(
          trpc.proposals.validatorSet.queryFilter(undefined, {
            predicate: (q) => wide.has(inputOf(q.queryKey)?.chainNetworkId ?? ''),
          }),
        );
      void queryClient.invalidateQueries(
        trpc.votes.eligibility.queryFilter(undefined, {
          predicate: (q) => {
            const id = inputOf(q.queryKey)?.proposalId;
            return changes.some((c) => c.p === 'many' || (id !== undefined && c.p.includes(id)));
          },
        }),
      );
      void queryClient.invalidateQueries(trpc.votes.status.queryFilter());
    };
    source.onopen = () => setState((s) => (s === 'paused' ? s : 'live'));
    source.onerror = () => setState('connecting');
    source.addEventListener('status', (e) => {
      const live = (JSON.parse((e as MessageEvent<string>).data) as { live?: boolean }).live;
      setState(live ? 'live' : 'paused');
    });
    source.addEventListener('indexed', (e) => {
      const change = parseChange((e as MessageEvent<string>).data);
      if (!change) return;
      pending.push(change);
      // Several chains may commit at once: refresh once per burst.
      timer ??= setTimeout(flush, 150);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [queryClient, trpc]);
  const label = {
    connecting: 'connecting…',
    live: 'live',
    paused: 'live updates paused, reconnecting',
  }[state];
  return (
    <span className="ml-auto flex items-center gap-1.5 text-xs text-slate-500" data-testid="live">
      <span
        className={`h-2 w-2 rounded-full ${
          state === 'live' ? 'bg-emerald-500' : state === 'paused' ? 'bg-amber-400' : 'bg-slate-300'
        }`}
      />
      {label}
    </span>
  );
}
