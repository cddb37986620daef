'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { ProductionCharts } from './chains/production-chart';
import { chainLabel, networkName, shorten } from './format';

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

const card =
  'rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900';
const head = 'text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400';
const PRODUCTION_STYLE: Record<string, string> = {
  stalled: 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200',
  producing: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  unknown: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
};

export function ChainTable() {
  const trpc = useTRPC();
  const now = useNow(1_000);
  const { data, error, isPending } = useQuery(
    trpc.chains.list.queryOptions(undefined, { refetchInterval: 10_000 }),
  );
  if (isPending) return <p className="text-slate-500">Loading chains…</p>;
  if (error) return <p className="text-red-700">Could not load chains: {error.message}</p>;
  const label = new Map(
    data.networks.map((n) => [n.id, `${chainLabel(n.chain)} ${networkName(n.networkId)}`]),
  );
  return (
    <div className="space-y-8">
      <div className={`overflow-x-auto ${card}`}>
        <table className="w-full min-w-[44rem] text-sm">
          <thead className={`bg-slate-50 dark:bg-slate-800 ${head}`}>
            <tr>
              <th className="px-4 py-3 font-medium">Chain</th>
              <th className="px-4 py-3 font-medium">Network</th>
              <th className="px-4 py-3 font-medium">Genesis</th>
              <th className="px-4 py-3 text-right font-medium">Indexed height</th>
              <th className="px-4 py-3 text-right font-medium">Last block</th>
              <th className="px-4 py-3 text-right font-medium">Median interval</th>
              <th className="px-4 py-3 font-medium">Production</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
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
                      className={`rounded-full px-2 py-0.5 text-xs font-medium ${PRODUCTION_STYLE[n.production] ?? ''}`}
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

      <section className="space-y-3">
        <h2 className="font-semibold">Block production</h2>
        <ProductionCharts networks={data.networks} />
      </section>

      <section className={card}>
        <h2 className="border-b border-slate-100 px-4 py-3 font-semibold dark:border-slate-800">
          Followed nodes
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className={head}>
              <tr>
                <th className="px-4 py-2 font-medium">Node</th>
                <th className="px-4 py-2 font-medium">Chain-network</th>
                <th className="px-4 py-2 text-right font-medium">Head</th>
                <th className="px-4 py-2 text-right font-medium">Behind best</th>
                <th className="px-4 py-2 font-medium">Last error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {data.nodes.map((n) => (
                <tr key={n.url} data-testid="node-row">
                  <td className="px-4 py-2 font-mono text-xs">{n.url}</td>
                  <td className="px-4 py-2">
                    {(n.chainNetworkId && label.get(n.chainNetworkId)) ?? chainLabel(n.chain)}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {n.headHeight?.toLocaleString('en-US') ?? '–'}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums" data-testid="node-lag">
                    {n.lag === null ? '–' : n.lag === 0 ? 'best' : `${n.lag} blocks`}
                  </td>
                  <td className="px-4 py-2">
                    {!n.lastError ? (
                      <span className="text-emerald-700 dark:text-emerald-300">none</span>
                    ) : n.lastOkAt === null ? (
                      // Post-split nodes do not exist before the split.
                      <span className="text-slate-600 dark:text-slate-300" title={n.lastError}>
                        not reachable yet
                      </span>
                    ) : (
                      <span className="break-all text-rose-700 dark:text-rose-300">
                        {n.lastError}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
