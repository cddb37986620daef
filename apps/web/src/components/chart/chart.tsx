'use client';
import dynamic from 'next/dynamic';
import type { ChartProps } from './chart-types';

// uPlot and its stylesheet load only on pages that draw a chart, and only in the browser.
const UplotChart = dynamic(() => import('./uplot-chart'), {
  ssr: false,
  loading: () => <div className="h-60 animate-pulse rounded bg-slate-100" />,
});

// The palette's own variables, which the dark theme re-points; the hex is the light value.
const CHART_COLORS = [
  '[--chart-axis:var(--color-slate-600,#475569)]',
  '[--chart-grid:var(--color-slate-200,#e2e8f0)]',
  '[--chart-yes:var(--color-emerald-600,#059669)]',
  '[--chart-rule:var(--color-amber-600,#d97706)]',
  '[--chart-governors:var(--color-sky-600,#0284c7)]',
  '[--chart-public:var(--color-violet-600,#7c3aed)]',
  '[--chart-alert:var(--color-rose-600,#e11d48)]',
].join(' ');

/**
 * A chart with its colours taken from the theme (`--chart-*` set on the wrapper) and a
 * description for screen readers.
 */
export function Chart({
  description,
  testId,
  ...props
}: ChartProps & { description: string; testId?: string }) {
  return (
    <figure
      className={`m-0 min-w-0 overflow-hidden ${CHART_COLORS}`}
      aria-label={description}
      data-testid={testId}
    >
      <UplotChart {...props} />
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
