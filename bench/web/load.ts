import { createRequire } from 'node:module';

type Result = { errors: number; timeouts: number; non2xx: number; requests: { total: number } };
type Instance = Promise<Result> & {
  on(
    event: 'response',
    fn: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
};
const autocannon = createRequire(import.meta.url)('autocannon') as (o: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Instance;

export type LoadFigures = {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  mbPerSec: number;
};

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** One autocannon run; latencies are kept per response so p95 is exact, not bucketed. */
export async function hit(
  name: string,
  url: string,
  connections: number,
  duration: number,
): Promise<LoadFigures> {
  const times: number[] = [];
  let bytes = 0;
  const started = Date.now();
  const run = autocannon({ url, connections, duration });
  run.on('response', (_c, _s, b, ms) => {
    times.push(ms);
    bytes += b;
  });
  const result = await run;
  const seconds = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    name,
    connections,
    rps: times.length / seconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    mbPerSec: bytes / seconds / 1e6,
  };
}
