'use client';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { ChartProps } from './chart-types';

/** Reads a colour the page's theme defines, so the chart follows light and dark. */
function cssColor(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || 'currentColor';
}

function options(el: HTMLElement, props: ChartProps, width: number): uPlot.Options {
  const axis = cssColor(el, '--chart-axis');
  const grid = cssColor(el, '--chart-grid');
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  const scales: uPlot.Scales = { x: { time: props.xTime ?? false } };
  for (const s of props.scales) scales[s.id] = s.range ? { range: s.range } : { auto: true };
  return {
    width,
    // Times read in UTC, as everywhere else on the dashboard.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    height: props.height ?? 240,
    scales,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    axes: [
      {
        label: props.xLabel,
        stroke: axis,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid },
      },
      ...props.scales.map(
        (s, i): uPlot.Axis => ({
          scale: s.id,
          label: s.label,
          side: i === 0 ? 3 : 1,
          stroke: axis,
          grid: { show: i === 0, stroke: grid, width: 1 },
          ticks: { stroke: grid },
          ...(s.format
            ? { values: (_u, ticks) => ticks.map((t) => s.format?.(t) ?? String(t)) }
            : {}),
        }),
      ),
    ],
    series: [
      { label: props.xLabel },
      ...props.series.map(
        (s): uPlot.Series => ({
          label: s.label,
          scale: s.scale,
          stroke: cssColor(el, s.colorVar),
          width: s.dash ? 1.5 : 2,
          ...(s.dash ? { dash: s.dash } : {}),
          ...(s.step && stepped ? { paths: stepped } : {}),
          // Few points (a short history): mark the measured ones, so a lone one still shows.
          points: { show: !s.dash && props.x.length < 12 },
        }),
      ),
    ],
  };
}

/** A uPlot chart sized to its box and redrawn when the theme changes. */
export default function UplotChart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  // Rebuilt only when what is drawn changes, not on every refetch of equal data.
  const key = JSON.stringify([props.x, props.series, props.scales, props.height]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the props.
  useEffect(() => {
    const props = latest.current;
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [props.x, ...props.series.map((s) => s.values)];
    let chart = new uPlot(options(el, props, el.clientWidth), data, el);
    const rebuild = () => {
      chart.destroy();
      chart = new uPlot(options(el, props, el.clientWidth), data, el);
    };
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: el.clientWidth, height: props.height ?? 240 }),
    );
    resize.observe(el);
    // Themes switch by a class on <html>, or by the system preference.
    const theme = new MutationObserver(rebuild);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', rebuild);
    return () => {
      resize.disconnect();
      theme.disconnect();
      media.removeEventListener('change', rebuild);
      chart.destroy();
    };
  }, [key]);
  return <div ref={box} className="w-full" />;
}
