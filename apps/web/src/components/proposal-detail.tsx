'use client';
import type { ProposalPage } from '@ratify/api';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { Countdown } from './countdown';
import { chainLabel, networkName, percent } from './format';
import { LifecycleNote } from './lifecycle-note';
import { PhaseBadge } from './phase-badge';
import { HeightTimeHelper } from './proposal/height-time-helper';
import { TallyChart } from './proposal/tally-chart';
import { Timeline } from './proposal/timeline';
import { VoteLog } from './proposal/vote-log';
import { VoterTabs } from './proposal/voter-tabs';
import { WhatIfPanel } from './proposal/what-if-panel';
import { VotePanel } from './wallet/vote-panel';

const CONDITION_LABELS: Record<string, string> = {
  supermajority: 'At least 67% of governors vote Yes',
  min_governors: 'Minimum governor Yes votes',
  min_public: 'Minimum public validator Yes votes',
};

export function ProposalDetail({ proposalId }: { proposalId: string }) {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.proposals.get.queryOptions({ proposalId }, { refetchInterval: 10_000 }),
  );
  if (isPending) return <p className="text-slate-500">Loading proposal…</p>;
  if (error) return <p className="text-red-700">Could not load proposal: {error.message}</p>;
  const p = data;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            Upgrade {chainLabel(p.chain)} {networkName(p.terms.sourceNetwork)} →{' '}
            {networkName(p.terms.targetNetwork)}
          </h1>
          <PhaseBadge phase={p.phase} />
        </div>
        <p className="break-all font-mono text-xs text-slate-500" data-testid="proposal-id">
          proposal {p.proposalId}field
        </p>
        <p className="text-sm text-slate-600">
          Indexed to height{' '}
          <span className="tabular-nums" data-testid="indexed-height">
            {p.indexedHeight.toLocaleString('en-US')}
          </span>
          {p.votingOpen
            ? `; voting ends at ${p.terms.votingEndsHeight.toLocaleString('en-US')} (${(p.terms.votingEndsHeight - p.indexedHeight).toLocaleString('en-US')} blocks)`
            : '; voting has ended'}
          ; activation at {p.terms.activationHeight.toLocaleString('en-US')}.
        </p>
      </header>

      <LifecycleNote life={p.lifecycle} />
      <Countdown p={p} />
      <p className="text-sm">
        <a
          href={`/proposals/${p.proposalId}/calendar.ics`}
          download
          className="text-sky-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-600"
          data-testid="calendar-link"
        >
          Add voting end and activation to a calendar (.ics)
        </a>
      </p>
      <Approval p={p} />
      <TallyChart p={p} />

      <div className="grid gap-6 md:grid-cols-2">
        <BodyCard title="Governors" testId="governors" body={p.tally.governors} />
        <BodyCard title="Public validators" testId="public" body={p.tally.public} />
      </div>

      <WhatIfPanel p={p} />
      <VotePanel p={p} />
      <VoterTabs p={p} />
      <VoteLog p={p} />
      <div className="grid gap-6 md:grid-cols-2">
        <Timeline p={p} />
        <HeightTimeHelper p={p} />
      </div>
      <Terms p={p} />
    </div>
  );
}

function Approval({ p }: { p: ProposalPage }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Approval</h2>
      <p className="mt-2 text-lg font-medium" data-testid="approval">
        {p.approval.approved ? 'The approval rule is met.' : 'The approval rule is not met.'}
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {p.approval.conditions.map((c) => {
          const d = p.distance.conditions.find((x) => x.id === c.id);
          return (
            <li
              key={c.id}
              className="flex flex-wrap items-baseline gap-2"
              data-testid={`condition-${c.id}`}
            >
              <span className={c.ok ? 'text-emerald-700' : 'text-amber-700'}>
                {c.ok ? '✓' : '✗'}
              </span>
              <span>{CONDITION_LABELS[c.id] ?? c.id}:</span>
              <span className="tabular-nums">
                {c.actual} Yes, {c.required} required
              </span>
              {!c.ok && d ? (
                <span className="text-slate-500">
                  ({d.message}
                  {d.reachable ? '' : ', no longer reachable'})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {p.audit ? (
        <p className="mt-3 text-xs text-slate-500" data-testid="audit">
          {p.audit.mismatches.length === 0
            ? `On-chain counters agree with the recomputed tally (read at height ${p.audit.readHeight}).`
            : `On-chain counters disagree: ${p.audit.mismatches.map((m) => `${m.counter} on chain ${m.onChain}, recomputed ${m.recomputed}`).join('; ')}.`}
        </p>
      ) : null}
    </section>
  );
}

function BodyCard({
  title,
  testId,
  body,
}: {
  title: string;
  testId: string;
  body: ProposalPage['tally']['governors'];
}) {
  const rows = [
    { key: 'yes', label: 'Yes', count: body.yes, color: 'bg-emerald-500' },
    { key: 'no', label: 'No', count: body.no, color: 'bg-rose-500' },
    { key: 'abstain', label: 'Abstain', count: body.abstain, color: 'bg-slate-400' },
    { key: 'not-voted', label: 'Not voted', count: body.notVoted, color: 'bg-slate-300' },
  ];
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid={testId}
    >
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold">{title}</h2>
        <span className="text-sm text-slate-500">{body.size} members</span>
      </div>
      <div className="mt-3 flex h-3 overflow-hidden rounded-full bg-slate-100">
        {rows.map((r) =>
          r.count > 0 ? (
            <div
              key={r.key}
              className={r.color}
              style={{ width: `${(r.count * 100) / Math.max(body.size, 1)}%` }}
            />
          ) : null,
        )}
      </div>
      <dl className="mt-4 grid grid-cols-4 gap-2 text-center">
        {rows.map((r) => (
          <div key={r.key}>
            <dt className="text-xs text-slate-500">{r.label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`${testId}-${r.key}`}>
              {r.count}
            </dd>
            <dd className="text-xs text-slate-500">{percent(r.count, body.size)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Terms({ p }: { p: ProposalPage }) {
  const t = p.terms;
  const rows: [string, string][] = [
    ['Proposer', t.proposer],
    ['Submitted at height', t.createdAtHeight.toLocaleString('en-US')],
    ['Voting ends at height', t.votingEndsHeight.toLocaleString('en-US')],
    ['Activation height', t.activationHeight.toLocaleString('en-US')],
    ['Minimum governor Yes votes', String(t.minGovernorValidators)],
    ['Minimum public Yes votes', String(t.minPublicValidators)],
    ['Expected new Alpha genesis', t.alphaExpectedHash],
    ['Expected new Delta genesis', t.deltaExpectedHash],
    ['Delta starts after Alpha blocks', t.deltaMinAlphaBlocks.toLocaleString('en-US')],
    ['Alpha parameters hash', `${t.alphaParamsHash}field`],
    ['Delta parameters hash', `${t.deltaParamsHash}field`],
    ['Submitted in transaction', t.transactionId],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Terms</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm md:grid-cols-[14rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all font-mono text-xs leading-5">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
