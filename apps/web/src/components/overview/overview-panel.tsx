'use client';
import type { OverviewView } from '@ratify/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/client';
import { CountdownLine, duration } from '../countdown';
import { chainLabel, networkName, shorten } from '../format';
import { PhaseBadge } from '../phase-badge';
import { ProductionBadge } from '../production-badge';
import { TableBox, Th } from '../table-box';
import { useNowSeconds } from '../use-now';

/** The home page: every chain at a glance, what is being decided, and what comes next. */
export function OverviewPanel() {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.overview.get.queryOptions(undefined, { refetchInterval: 5_000 }),
  );
  if (isPending) return <p className="text-slate-600">Loading…</p>;
  if (error) return <p className="text-rose-700">Could not load the overview: {error.message}</p>;
  return (
    <div className="space-y-8">
      <NextActivation next={data.nextActivation} />
      <ActiveProposals active={data.active} />
      <Chains chains={data.chains} />
    </div>
  );
}

function NextActivation({ next }: { next: OverviewView['nextActivation'] }) {
  const now = useNowSeconds();
  if (!next) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="font-semibold">Next activation</h2>
        <p className="mt-1 text-sm text-slate-600">No upgrade is scheduled.</p>
      </section>
    );
  }
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="next-activation"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          Next activation:{' '}
          <Link href={`/proposals/${next.proposalId}`} className="text-sky-700 hover:underline">
            {chainLabel(next.chain)} {networkName(next.sourceNetwork)} →{' '}
            {networkName(next.targetNetwork)}
          </Link>
        </h2>
        <PhaseBadge phase={next.phase} />
      </div>
      {next.approved ? null : (
        <p className="mt-1 text-sm text-slate-600">Only if the proposal is approved.</p>
      )}
      <dl className="mt-3">
        <CountdownLine label="Activation" estimate={next.countdown} now={now} />
      </dl>
    </section>
  );
}

function ActiveProposals({ active }: { active: OverviewView['active'] }) {
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Active proposals</h2>
        <Link href="/proposals" className="text-sm text-sky-700 hover:underline">
          All proposals
        </Link>
      </div>
      {active.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          Nothing is being voted on or awaiting activation.
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {active.map((p) => (
            <li
              key={`${p.chainNetworkId}/${p.proposalId}`}
              data-testid="proposal-row"
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/proposals/${p.proposalId}`}
                  title={p.proposalId}
                  className="font-medium text-sky-700 hover:underline"
                >
                  {chainLabel(p.chain)} {networkName(p.sourceNetwork)} →{' '}
                  {networkName(p.targetNetwork)}{' '}
                  <span className="font-mono text-xs">{shorten(p.proposalId)}</span>
                </Link>
                <PhaseBadge phase={p.phase} />
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
                <div>
                  <dt className="text-xs text-slate-600">Governors Yes</dt>
                  <dd className="tabular-nums" data-testid="overview-governors-yes">
                    {p.governors.yes} of {p.governors.size}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">Public validators Yes</dt>
                  <dd className="tabular-nums">
                    {p.public.yes} of {p.public.size}
                  </dd>
                </div>
              </dl>
              <p className="mt-3 text-sm" data-testid="overview-approval">
                {p.approved ? (
                  <span className="text-emerald-700">The approval rule is met.</span>
                ) : (
                  <span>
                    Not approved yet:{' '}
                    {p.distance.unmet
                      .map((c) => `${c.message}${c.reachable ? '' : ' (no longer reachable)'}`)
                      .join('; ')}
                    .
                  </span>
                )}
              </p>
              <p className="mt-1 text-xs text-slate-600">
                Height {p.head.toLocaleString('en-US')}; voting ends at{' '}
                {p.votingEndsHeight.toLocaleString('en-US')}, activation at{' '}
                {p.activationHeight.toLocaleString('en-US')}.
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Chains({ chains }: { chains: OverviewView['chains'] }) {
  const now = useNowSeconds();
  return (
    <TableBox
      label="Chain-networks"
      heading={
        <span className="flex items-baseline justify-between gap-2">
          Chains
          <Link href="/chains" className="text-sm font-normal text-sky-700 hover:underline">
            Nodes and details
          </Link>
        </span>
      }
      testId="overview-chains"
      stack
    >
      <thead>
        <tr>
          <Th>Chain</Th>
          <Th>Production</Th>
          <Th right>Head</Th>
          <Th right>Last block</Th>
          <Th right>Interval</Th>
          <Th>Genesis</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {chains.map((c) => (
          <tr key={c.id} data-testid="chain-row">
            <td data-label="Chain" className="whitespace-nowrap px-4 py-2 font-medium">
              {chainLabel(c.chain)} {networkName(c.networkId)}
            </td>
            <td data-label="Production" className="px-4 py-2">
              <ProductionBadge production={c.production} />
            </td>
            <td
              data-label="Head"
              className="px-4 py-2 text-right tabular-nums"
              data-testid="chain-head"
            >
              {c.head?.toLocaleString('en-US') ?? '–'}
            </td>
            <td
              data-label="Last block"
              className="whitespace-nowrap px-4 py-2 text-right tabular-nums"
            >
              {c.lastBlockTimestamp
                ? `${duration(Math.max(0, now - c.lastBlockTimestamp))} ago`
                : '–'}
            </td>
            <td data-label="Interval" className="px-4 py-2 text-right tabular-nums">
              {c.medianIntervalMs === null ? '–' : `${(c.medianIntervalMs / 1000).toFixed(1)} s`}
            </td>
            <td data-label="Genesis" className="px-4 py-2">
              <span
                className="whitespace-nowrap font-mono text-xs text-slate-600"
                title={c.genesisHash}
              >
                {shorten(c.genesisHash, 8, 4)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </TableBox>
  );
}
