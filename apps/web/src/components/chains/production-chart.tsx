'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { Chart } from '../chart/chart';
import { chainLabel, networkName } from '../format';

type Network = { id: string; chain: string; networkId: number };

const COLORS = ['--chart-governors', '--chart-yes', '--chart-public', '--chart-alert'];

/**
 * Blocks per minute of each chain's networks on one time axis: at the split the old
 * side's line falls and the new side's rises.
 */
export function ProductionCharts({ networks }: { networks: Network[] }) {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.chains.production.queryOptions(undefined, { refetchInterval: 15_000 }),
  );
  if (!data || data.buckets.length < 2)
    return <p className="text-sm text-slate-500">Not enough blocks yet to chart production.</p>;
  const chains = [...new Set(networks.map((n) => n.chain))].sort();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {chains.map((chain) => {
        const mine = networks.filter((n) => n.chain === chain);
        const series = mine.flatMap((n, i) => {
          const s = data.series.find((x) => x.chainNetworkId === n.id);
          return s
            ? [
                {
                  label: `${networkName(n.networkId)}${mine.length > 1 ? (i === 0 ? ' (old)' : ' (new)') : ''}`,
                  scale: 'rate',
                  colorVar: COLORS[i % COLORS.length] ?? '--chart-yes',
                  values: s.perMinute,
                },
              ]
            : [];
        });
        // From zero, so a slow side reads as slow and a stopped one as zero.
        const top = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0))) * 1.15;
        const description = `${chainLabel(chain)} blocks per minute over the last ${Math.round(
          (data.buckets.length * data.bucketSeconds) / 60,
        )} minutes, per network: ${series
          .map((s) => `${s.label} latest ${s.values[s.values.length - 1] ?? 'none'}`)
          .join('; ')}.`;
        return (
          <section
            key={chain}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            data-testid={`production-chart-${chain}`}
          >
            <h3 className="font-medium">{chainLabel(chain)}: blocks per minute</h3>
            <Chart
              x={data.buckets}
              xLabel="Time (UTC)"
              xTime
              scales={[{ id: 'rate', label: 'Blocks per minute', range: [0, top] }]}
              series={series}
              height={200}
              description={description}
            />
          </section>
        );
      })}
    </div>
  );
}
