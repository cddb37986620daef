'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { chainLabel, networkName, shorten } from './format';

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function ChainTable() {
  const trpc = useTRPC();
  const now = useNow(1_000);
  const { data, error, isPending } = useQuery(
    trpc.chains.list.queryOptions(undefined, { refetchInterval: 10_000 }),
  );
  if (isPending) return <p className="text-slate-500">Loading chains…</p>;
  if (error) return <p className="text-red-700">Could not load chains: {error.message}</p>;
  return (
    <div className="space-y-8">
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Chain</th>
              <th className="px-4 py-3">Network</th>
              <th className="px-4 py-3">Genesis</th>
              <th className="px-4 py-3 text-right">Indexed height</th>
              <th className="px-4 py-3 text-right">Last block</th>
              <th className="px-4 py-3 text-right">Median interval</th>
              <th className="px-4 py-3">Production</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.networks.map((n) => {
              const age = n.lastBlockTimestamp
                ? Math.max(0, Math.round(now / 1000 - n.lastBlockTimestamp))
                : null;
              return (
                <tr key={n.id} data-testid="chain-row">
                  <td className="px-4 py-3 font-medium">{chainLabel(n.chain)}</td>
                  <td className="px-4 py-3">{networkName(n.networkId)}</td>
                  <td className="px-4 py-3 font-mono text-xs" title={n.genesisHash}>
                    {shorten(n.genesisHash, 12, 6)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {n.indexedHeight?.toLocaleString('en-US') ?? '–'}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {n.indexedHeight === 0 ? 'genesis only' : age === null ? '–' : `${age} s ago`}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {n.medianIntervalMs === null
                      ? '–'
                      : `${(n.medianIntervalMs / 1000).toFixed(1)} s`}
                  </td>
                  <td className="px-4 py-3">
                    <span
                      data-testid="production"
                      className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                        n.production === 'stalled'
                          ? 'bg-rose-100 text-rose-800'
                          : n.production === 'producing'
                            ? 'bg-emerald-100 text-emerald-800'
                            : 'bg-slate-100 text-slate-600'
                      }`}
                    >
                      {n.indexedHeight === 0 ? 'not started' : n.production}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-100 px-4 py-3 font-semibold">Followed nodes</h2>
        <table className="w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {data.nodes.map((n) => (
              <tr key={n.url}>
                <td className="px-4 py-2 font-mono text-xs">{n.url}</td>
                <td className="px-4 py-2">{chainLabel(n.chain)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{n.headHeight ?? '–'}</td>
                <td className="px-4 py-2">
                  {!n.lastError ? (
                    <span className="text-emerald-700">ok</span>
                  ) : n.lastOkAt === null ? (
                    // Post-split nodes do not exist before the split.
                    <span className="text-slate-500" title={n.lastError}>
                      not reachable yet
                    </span>
                  ) : (
                    <span className="text-rose-700">{n.lastError}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
