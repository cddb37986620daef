'use client';
import type { ProposalPage } from '@ratify/api';
import { Chart } from '../chart/chart';
import type { ChartProps } from '../chart/chart-types';

type History = ProposalPage['history'];

/** The tally's steps, held until the last indexed height of the voting period. */
export function tallyChartProps(history: History, endHeight: number): ChartProps {
  const n = history.height.length;
  const last = n - 1;
  const hold = n > 0 && endHeight > (history.height[last] ?? endHeight);
  const extend = <T,>(values: T[]): T[] => (hold ? [...values, values[last] as T] : values);
  const share = extend(history.governorYesBps).map((b) => (b === null ? null : b / 100));
  const x = hold ? [...history.height, endHeight] : history.height;
  const flat = (value: number) => x.map(() => value);
  const G = history.governors;
  return {
    x,
    xLabel: 'Block height',
    scales: [
      { id: '%', label: 'Governor Yes %', range: [0, 100], format: (v) => `${v}%` },
      // Public votes count against the public body's size, so the axis ends there.
      {
        id: 'n',
        label: 'Public Yes votes',
        range: [0, Math.max(1, history.publicMembers)],
        // Votes are whole: no ticks between them.
        format: (v) => (Number.isInteger(v) ? String(v) : ''),
      },
    ],
    series: [
      { label: 'Governor Yes %', scale: '%', colorVar: '--chart-yes', values: share, step: true },
      { label: '67% line', scale: '%', colorVar: '--chart-rule', values: flat(67), dash: [6, 4] },
      {
        // The governor minimum is a count; drawn as its share of G on the same axis.
        label: `Minimum governor Yes (${history.minGovernorValidators} of ${G})`,
        scale: '%',
        colorVar: '--chart-governors',
        values: flat(G === 0 ? 0 : (history.minGovernorValidators * 100) / G),
        dash: [2, 3],
      },
      {
        label: 'Public Yes votes',
        scale: 'n',
        colorVar: '--chart-public',
        values: extend(history.publicYes),
        step: true,
      },
      {
        label: `Minimum public Yes (${history.minPublicValidators})`,
        scale: 'n',
        colorVar: '--chart-public',
        values: flat(history.minPublicValidators),
        dash: [2, 3],
      },
    ],
  };
}

export function TallyChart({ p }: { p: ProposalPage }) {
  const h = p.history;
  const last = h.height.length - 1;
  const end = Math.min(p.indexedHeight, p.terms.votingEndsHeight);
  const bps = h.governorYesBps[last];
  const description =
    last >= 0
      ? `Tally over block height from ${h.height[0]} to ${end}: governor Yes at ${
          bps === null || bps === undefined ? 'n/a' : `${bps / 100}%`
        } against the 67% line (${h.supermajorityRequired} of ${h.governors} governors), ${h.governorYes[last]} governor Yes of ${h.minGovernorValidators} required, ${h.publicYes[last]} public Yes of ${h.minPublicValidators} required.`
      : 'No votes yet.';
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Tally over height</h2>
      <p className="mt-1 text-sm text-slate-600" data-testid="tally-summary">
        {description}
      </p>
      <div className="mt-3" data-testid="tally-chart" data-points={h.changes}>
        <Chart {...tallyChartProps(h, end)} description={description} />
      </div>
    </section>
  );
}
