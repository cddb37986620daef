'use client';
import type { ProposalPage } from '@ratify/api';
import { useEffect, useState } from 'react';

type Estimate = ProposalPage['countdown']['votingEnds'];

function useNowSeconds() {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const id = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const rest = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${rest.toString().padStart(2, '0')}s`;
  return `${rest}s`;
}

function clock(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(11, 19);
}

export function CountdownLine({
  label,
  estimate,
  now,
}: {
  label: string;
  estimate: Estimate;
  now: number;
}) {
  const target = estimate.targetHeight.toLocaleString('en-US');
  let main: string;
  let detail = '';
  switch (estimate.kind) {
    case 'no_data':
      main = 'no blocks indexed yet';
      break;
    case 'reached':
      main = 'reached';
      detail = estimate.reachedAt ? `at ${clock(estimate.reachedAt)} UTC` : '';
      break;
    case 'insufficient_data':
      main = `${estimate.blocksLeft.toLocaleString('en-US')} blocks to go`;
      detail = 'too few blocks yet to estimate a time';
      break;
    case 'estimate':
      main = `in about ${duration(estimate.at - now)}`;
      detail = `${estimate.blocksLeft.toLocaleString('en-US')} blocks; ≈ ${clock(estimate.at)} UTC (between ${clock(estimate.earliest)} and ${clock(estimate.latest)}), from ${estimate.sampleSize} recent block intervals`;
      break;
  }
  const stalled = estimate.kind === 'estimate' && estimate.stall?.stalled;
  return (
    <div className="space-y-1">
      <dt className="text-xs uppercase tracking-wide text-slate-500">
        {label} · height {target}
      </dt>
      <dd className="text-xl font-semibold tabular-nums">{main}</dd>
      {detail ? <dd className="text-xs text-slate-500">{detail}</dd> : null}
      {stalled && estimate.kind === 'estimate' && estimate.stall ? (
        <dd className="text-sm font-medium text-rose-700" role="alert">
          Chain stalled: no block for {duration(estimate.stall.ageSeconds)} (threshold{' '}
          {duration(estimate.stall.thresholdSeconds)})
        </dd>
      ) : null}
    </div>
  );
}

export function Countdown({ p }: { p: ProposalPage }) {
  const now = useNowSeconds();
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="countdown"
    >
      <dl className="grid gap-6 md:grid-cols-2">
        <CountdownLine label="Voting ends" estimate={p.countdown.votingEnds} now={now} />
        <CountdownLine label="Activation" estimate={p.countdown.activation} now={now} />
      </dl>
    </section>
  );
}
