'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/client';
import { chainLabel, networkName, shorten } from './format';
import { PhaseBadge } from './phase-badge';

export function ProposalList() {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.proposals.list.queryOptions(undefined, { refetchInterval: 10_000 }),
  );
  if (isPending) return <p className="text-slate-500">Loading proposals…</p>;
  if (error) return <p className="text-red-700">Could not load proposals: {error.message}</p>;
  if (data.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500">
        No proposals indexed yet. The indexer adds them as soon as a node includes one.
      </p>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Proposal</th>
            <th className="px-4 py-3">Upgrade</th>
            <th className="px-4 py-3">Status</th>
            <th className="px-4 py-3 text-right">Governors yes / no / abstain</th>
            <th className="px-4 py-3 text-right">Public yes</th>
            <th className="px-4 py-3 text-right">Voting ends</th>
            <th className="px-4 py-3 text-right">Activation</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.map((p) => (
            <tr
              key={`${p.chainNetworkId}/${p.proposalId}`}
              data-testid="proposal-row"
              className="hover:bg-slate-50"
            >
              <td className="px-4 py-3 font-mono">
                <Link
                  className="text-sky-700 hover:underline"
                  href={`/proposals/${p.proposalId}`}
                  title={p.proposalId}
                >
                  {shorten(p.proposalId)}
                </Link>
              </td>
              <td className="px-4 py-3">
                {chainLabel(p.chain)} {networkName(p.sourceNetwork)} →{' '}
                {networkName(p.targetNetwork)}
              </td>
              <td className="px-4 py-3">
                <PhaseBadge phase={p.phase} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {p.governors.yes} / {p.governors.no} / {p.governors.abstain}
                <span className="text-slate-400"> of {p.governors.size}</span>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {p.public.yes}
                <span className="text-slate-400"> of {p.public.size}</span>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {p.votingEndsHeight.toLocaleString('en-US')}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {p.activationHeight.toLocaleString('en-US')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
