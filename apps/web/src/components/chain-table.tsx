'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { ProductionCharts } from './chains/production-chart';
import { chainLabel, networkName, shorten } from './format';
import { TableBox, Th } from './table-box';

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

const PRODUCTION_STYLE: Record<string, string> = {
  stalled: 'bg-rose-100 text-rose-800',
  producing: 'bg-emerald-100 text-emerald-800',
  unknown: 'bg-slate-100 text-slate-700',
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
      <TableBox label="Chain-networks">
        <thead className="bg-slate-50">
          <tr>
            <Th>Chain</Th>
            <Th>Network</Th>
            <Th>Genesis</Th>
            <Th right>Indexed height</Th>
            <Th right>Last block</Th>
            <Th right>Median interval</Th>
            <Th>Production</Th>
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
                    : n.medianIntervalMs < 1_000
                      ? // Block times are whole seconds: a faster pace only reads as under one.
                        'under 1 s'
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
      </TableBox>

      <section className="space-y-3">
        <h2 className="font-semibold">Block production</h2>
        <ProductionCharts networks={data.networks} />
      </section>

      <TableBox label="Followed nodes" heading="Followed nodes">
        <thead>
          <tr>
            <Th>Node</Th>
            <Th>Chain-network</Th>
            <Th right>Head</Th>
            <Th right>Behind best</Th>
            <Th>Last error</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
                  <span className="text-emerald-700">none</span>
                ) : n.lastOkAt === null ? (
                  // Post-split nodes do not exist before the split.
                  <span className="text-slate-600" title={n.lastError}>
                    not reachable yet
                  </span>
                ) : (
                  <span className="break-all text-rose-700">{n.lastError}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableBox>
    </div>
  );
}
