import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each fault test appends its figures; the global teardown prints them. */
    figuresFile: string;
  }
}

export type Figure = { suite: string; figure: string; value: string | number };

/** Records one figure for the summary table, and prints it at once too. */
export function recordFigure(suite: string, figure: string, value: string | number): void {
  const shown = typeof value === 'number' ? round(value) : value;
  console.log(`[faults] ${suite}: ${figure} = ${shown}`);
  appendFileSync(inject('figuresFile'), `${JSON.stringify({ suite, figure, value: shown })}\n`);
}

export const round = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 100) / 100);

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The summary: one row per figure, in the order they were recorded. */
export function figuresTable(figures: Figure[]): string {
  const rows = figures.map((f) => [f.suite, f.figure, String(f.value)]);
  const head = ['suite', 'figure', 'value'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
