'use client';
import type { ProposalPage, VotesPage } from '@ratify/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { AddressLink } from '../address-link';
import { shorten } from '../format';
import { TableBox, Th } from '../table-box';
import { ListPager } from './list-pager';
import { grownNewest, type Placed, placed, signature } from './vote-log-rows';

/** Rows of the vote log per page. */
const PAGE_SIZE = 25;
type Vote = VotesPage['items'][number];

function status(v: Vote) {
  if (!v.accepted)
    return (
      <span className="text-rose-700">
        rejected
        <span className="block text-xs text-slate-500">{v.rejection}</span>
      </span>
    );
  if (v.counted)
    return v.replaces ? (
      <span>
        counted
        <span className="block text-xs text-slate-500">changed from {v.replaces}</span>
      </span>
    ) : (
      'counted'
    );
  return <span className="text-slate-500">replaced by a later vote</span>;
}

/**
 * Every vote transition, newest first, a page at a time: changes of mind and rejected
 * attempts included. The newest page grows as votes arrive (see vote-log-rows.ts); an older
 * page stays on its rows.
 */
export function VoteLog({ p }: { p: ProposalPage }) {
  const trpc = useTRPC();
  // The `before` of each page opened so far: the last is shown, the first is the newest.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];
  const newest = cursors.length === 1;
  const { data, error, isFetching } = useQuery(
    trpc.proposals.votes.queryOptions(
      { proposalId: p.proposalId, before, limit: PAGE_SIZE },
      { enabled: p.voteCount > 0, placeholderData: keepPreviousData, refetchInterval: 10_000 },
    ),
  );
  // Every viewer asks for the same newest page (one answer per change for all); the growth
  // of the page shown is kept here.
  const [kept, setKept] = useState<Placed[]>([]);
  const rows = useMemo(
    () => (!data ? [] : newest && data.items.length > 0 ? grownNewest(kept, data) : placed(data)),
    [data, kept, newest],
  );
  useEffect(() => {
    if (newest && signature(rows) !== signature(kept)) setKept(rows);
  }, [newest, rows, kept]);
  const go = (next: (number | undefined)[]) => {
    setKept([]);
    setCursors(next);
  };
  if (p.voteCount === 0)
    return (
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-100 px-4 py-3 font-semibold">Vote transactions</h2>
        <p className="px-4 py-4 text-sm text-slate-500">No votes yet.</p>
      </section>
    );
  const oldestShown = rows[rows.length - 1]?.at;
  const older =
    data?.older == null || oldestShown === undefined || oldestShown === 0 ? null : oldestShown;
  return (
    <TableBox
      label="Vote transactions"
      heading={`Vote transactions (${p.voteCount})`}
      footer={
        data ? (
          <ListPager
            label="Vote transaction pages"
            testId="votes-pager"
            first={data.total - data.from + 1}
            shown={rows.length}
            total={data.total}
            busy={isFetching}
            onPrevious={cursors.length > 1 ? () => go(cursors.slice(0, -1)) : undefined}
            onNext={older !== null ? () => go([...cursors, older]) : undefined}
          />
        ) : null
      }
    >
      <thead>
        <tr>
          <Th>Voter</Th>
          <Th>Body</Th>
          <Th>Choice</Th>
          <Th>Status</Th>
          <Th right>Height</Th>
          <Th>Transaction</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="votes">
        {data ? (
          rows.map(({ vote: v }) => (
            <tr key={v.transactionId}>
              <td className="px-4 py-2">
                <AddressLink address={v.voter} />
              </td>
              <td className="px-4 py-2">{v.isGovernor ? 'governor' : 'public'}</td>
              <td className="px-4 py-2 capitalize">{v.choice}</td>
              <td className="px-4 py-2">{status(v)}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {v.height.toLocaleString('en-US')}
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-500" title={v.transactionId}>
                {shorten(v.transactionId)}
              </td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={6} className="px-4 py-3 text-sm text-slate-500">
              {error ? `Could not load votes: ${error.message}` : 'Loading votes…'}
            </td>
          </tr>
        )}
      </tbody>
    </TableBox>
  );
}
