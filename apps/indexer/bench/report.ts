import type { PacingState } from '@ratify/aleo';
import type { RawFetchResult } from './raw-fetch';

export type BenchFigures = {
  blocks: number;
  mb: number;
  raw: RawFetchResult;
  unpacedSeconds: number;
  limit: number;
  ceiling: number;
  rawLimited: RawFetchResult;
  clientSeconds: number;
  clientPacing: PacingState;
  light: { requests: number; perSecond: number; refusals: number };
  pacedSeconds: number;
  latency: number[];
  blockTimeMs: number;
  smallBackfill: Backfill;
  backfill: Backfill | undefined;
};

type Backfill = { blocks: number; seconds: number; peakRssMb: number };

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

/** The figures as one table: each next to the baseline or goal it is judged against. */
export function report(log: (line: string) => void, f: BenchFigures): void {
  const rate = (seconds: number) => f.blocks / seconds;
  const rows: [string, string, string][] = [
    [
      '(a) raw fetch, 4 in flight, JSON.parse (baseline)',
      `${rate(f.raw.seconds).toFixed(0)} blocks/s`,
      '1.00× baseline',
    ],
    [
      '(b) indexer, unpaced, fresh database',
      `${rate(f.unpacedSeconds).toFixed(0)} blocks/s`,
      `${(f.raw.seconds / f.unpacedSeconds).toFixed(2)}× baseline (goal ≥ 0.80×)`,
    ],
    [
      `(c) raw fetch, node limited to ${f.limit}/s (waits when told)`,
      `${rate(f.rawLimited.seconds).toFixed(0)} blocks/s`,
      `${pct(rate(f.rawLimited.seconds) / f.ceiling)} of ${f.ceiling} blocks/s; ${f.rawLimited.refusals} limit answers`,
    ],
    [
      `(c) node client, node limited to ${f.limit}/s`,
      `${rate(f.clientSeconds).toFixed(0)} blocks/s`,
      `${pct(rate(f.clientSeconds) / f.ceiling)} of ${f.ceiling} blocks/s; ${f.clientPacing.rateLimits} limit answers`,
    ],
    [
      `(c) node client, ${f.light.requests} small requests, node limited to ${f.limit}/s`,
      `${f.light.perSecond.toFixed(2)} requests/s`,
      `${pct(f.light.perSecond / f.limit)} of ${f.limit}/s; ${f.light.refusals} limit answers`,
    ],
    [
      `(c) indexer, node limited to ${f.limit}/s, default pacing`,
      `${rate(f.pacedSeconds).toFixed(0)} blocks/s`,
      `${pct(rate(f.pacedSeconds) / f.ceiling)} of ${f.ceiling} blocks/s (goal ≥ 95%)`,
    ],
  ];
  const sorted = [...f.latency].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p95 = quantile(sorted, 0.95);
  rows.push([
    `(d) block to commit at the head, ${f.blockTimeMs} ms blocks (${sorted.length})`,
    `p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
    `p95 ${(p95 / 500).toFixed(2)}× the 500 ms goal; ${(p50 / f.blockTimeMs).toFixed(2)}× block time at p50`,
  ]);
  const backfillRow = (b: Backfill): [string, string, string] => [
    `(e) backfill of ${b.blocks} blocks, indexer process, unpaced`,
    `peak RSS ${b.peakRssMb.toFixed(0)} MB`,
    `${(b.peakRssMb / 300).toFixed(2)}× the 300 MB goal; ${(b.blocks / b.seconds).toFixed(0)} blocks/s`,
  ];
  rows.push(backfillRow(f.smallBackfill));
  if (f.backfill) rows.push(backfillRow(f.backfill));
  else rows.push(['(e) 100,000-block backfill', 'skipped (--quick)', '']);
  log('');
  log(`chain: ${f.blocks} Alpha blocks, ${f.mb.toFixed(1)} MB of block JSON`);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [what, value, ratio] of rows) {
    log(`${what.padEnd(w0)}  ${value.padStart(w1)}  ${ratio}`);
  }
  const learned = f.clientPacing.learnedLimit;
  log(
    `node client pacing: ${learned === undefined ? 'no limit shown' : `learned ${learned.toFixed(1)}/s`}, rate now ${f.clientPacing.rate.toFixed(2)}/s`,
  );
}
