'use client';
import dynamic from 'next/dynamic';
import type { ChartProps } from './chart-types';

// uPlot and its stylesheet load only on pages that draw a chart, and only in the browser.
const UplotChart = dynamic(() => import('./uplot-chart'), {
  ssr: false,
  loading: () => <div className="h-60 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />,
});

// Light and dark values of the colours the chart reads (Tailwind's 600 and 400 shades).
const CHART_COLORS = [
  '[--chart-axis:#475569] dark:[--chart-axis:#cbd5e1]',
  '[--chart-grid:#e2e8f0] dark:[--chart-grid:#334155]',
  '[--chart-yes:#059669] dark:[--chart-yes:#34d399]',
  '[--chart-rule:#d97706] dark:[--chart-rule:#fbbf24]',
  '[--chart-governors:#0284c7] dark:[--chart-governors:#38bdf8]',
  '[--chart-public:#7c3aed] dark:[--chart-public:#a78bfa]',
  '[--chart-alert:#e11d48] dark:[--chart-alert:#fb7185]',
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
    <figure className={`m-0 ${CHART_COLORS}`} aria-label={description} data-testid={testId}>
      <UplotChart {...props} />
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
