'use client';
import type { ProposalSearch } from '@ratify/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/client';
import { AddressLink } from '../address-link';
import { chainLabel, networkName, shorten } from '../format';
import { PhaseBadge } from '../phase-badge';
import { TableBox, Th } from '../table-box';
import { searchHref } from './search-url';

/** One page of the list, fetched from the server with the URL's state; refreshed live. */
export function ProposalTable({ search }: { search: ProposalSearch }) {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.proposals.search.queryOptions(search, { refetchInterval: 10_000 }),
  );
  if (isPending) return <p className="text-slate-600">Loading proposals…</p>;
  if (error) return <p className="text-rose-700">Could not load proposals: {error.message}</p>;
  const filtered = Boolean(search.phase || search.q);
  if (data.total === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600"
        data-testid="no-proposals"
      >
        {filtered
          ? 'No proposal matches this filter.'
          : 'No proposals indexed yet. The indexer adds them as soon as a node includes one.'}
      </p>
    );
  }
  const first = (search.page - 1) * search.per + 1;
  const last = Math.min(data.total, search.page * search.per);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="proposal-count">
        {data.items.length === 0
          ? `No page ${search.page}: ${data.total} ${data.total === 1 ? 'proposal' : 'proposals'} fill ${data.pages} ${data.pages === 1 ? 'page' : 'pages'}.`
          : `${first}–${last} of ${data.total} ${data.total === 1 ? 'proposal' : 'proposals'}`}
      </p>
      {data.items.length > 0 ? (
        <TableBox label="Proposals" stack>
          <thead>
            <tr>
              <Th>Proposal</Th>
              <Th>Upgrade</Th>
              <Th>Phase</Th>
              <Th right>Governors yes / no / abstain</Th>
              <Th right>Public yes</Th>
              <Th right>Voting ends</Th>
              <Th right>Activation</Th>
              <Th>Proposer</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.items.map((p) => (
              <tr key={`${p.chainNetworkId}/${p.proposalId}`} data-testid="proposal-row">
                <td data-label="Proposal" className="px-4 py-3 font-mono">
                  <Link
                    className="whitespace-nowrap text-sky-700 hover:underline"
                    href={`/proposals/${p.proposalId}`}
                    title={p.proposalId}
                    data-testid="proposal-link"
                  >
                    {shorten(p.proposalId)}
                  </Link>
                </td>
                <td data-label="Upgrade" className="whitespace-nowrap px-4 py-3">
                  {chainLabel(p.chain)} {networkName(p.sourceNetwork)} →{' '}
                  {networkName(p.targetNetwork)}
                </td>
                <td data-label="Phase" className="px-4 py-3">
                  <PhaseBadge phase={p.phase} />
                </td>
                <td
                  data-label="Governors yes / no / abstain"
                  className="whitespace-nowrap px-4 py-3 text-right tabular-nums"
                >
                  {/* One element per cell: a stacked row lays out each child on its own. */}
                  <span>
                    {p.governors.yes} / {p.governors.no} / {p.governors.abstain}
                    <span className="text-slate-600"> of {p.governors.size}</span>
                  </span>
                </td>
                <td
                  data-label="Public yes"
                  className="whitespace-nowrap px-4 py-3 text-right tabular-nums"
                >
                  <span>
                    {p.public.yes}
                    <span className="text-slate-600"> of {p.public.size}</span>
                  </span>
                </td>
                <td data-label="Voting ends" className="px-4 py-3 text-right tabular-nums">
                  {p.votingEndsHeight.toLocaleString('en-US')}
                </td>
                <td data-label="Activation" className="px-4 py-3 text-right tabular-nums">
                  {p.activationHeight.toLocaleString('en-US')}
                </td>
                <td data-label="Proposer" className="px-4 py-3 text-xs">
                  <AddressLink address={p.proposer} head={8} tail={4} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableBox>
      ) : null}
      {data.pages > 1 ? <Pager search={search} pages={data.pages} /> : null}
    </div>
  );
}

function Pager({ search, pages }: { search: ProposalSearch; pages: number }) {
  const link = 'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100';
  return (
    <nav aria-label="Pages" className="flex items-center gap-3" data-testid="pager">
      {search.page > 1 ? (
        <Link href={searchHref(search, { page: search.page - 1 })} className={link} rel="prev">
          Previous
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">
        Page {search.page} of {pages}
      </span>
      {search.page < pages ? (
        <Link href={searchHref(search, { page: search.page + 1 })} className={link} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
