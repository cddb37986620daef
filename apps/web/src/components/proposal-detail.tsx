'use client';
import type { ProposalView } from '@ratify/api';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { AddressLink } from './address-link';
import { Countdown } from './countdown';
import { chainLabel, networkName, percent, shorten } from './format';
import { LifecycleNote } from './lifecycle-note';
import { PhaseBadge } from './phase-badge';
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
      <Approval p={p} />

      <div className="grid gap-6 md:grid-cols-2">
        <BodyCard title="Governors" testId="governors" body={p.tally.governors} />
        <BodyCard title="Public validators" testId="public" body={p.tally.public} />
      </div>

      <VotePanel p={p} />
      <Votes p={p} />
      <Terms p={p} />
    </div>
  );
}

function Approval({ p }: { p: ProposalView }) {
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
  body: ProposalView['tally']['governors'];
}) {
  const rows = [
    { key: 'yes', label: 'Yes', list: body.yes, color: 'bg-emerald-500' },
    { key: 'no', label: 'No', list: body.no, color: 'bg-rose-500' },
    { key: 'abstain', label: 'Abstain', list: body.abstain, color: 'bg-slate-400' },
    { key: 'not-voted', label: 'Not voted', list: body.notVoted, color: 'bg-slate-200' },
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
          r.list.length > 0 ? (
            <div
              key={r.key}
              className={r.color}
              style={{ width: `${(r.list.length * 100) / Math.max(body.size, 1)}%` }}
            />
          ) : null,
        )}
      </div>
      <dl className="mt-4 grid grid-cols-4 gap-2 text-center">
        {rows.map((r) => (
          <div key={r.key}>
            <dt className="text-xs text-slate-500">{r.label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`${testId}-${r.key}`}>
              {r.list.length}
            </dd>
            <dd className="text-xs text-slate-500">{percent(r.list.length, body.size)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Votes({ p }: { p: ProposalView }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 className="border-b border-slate-100 px-5 py-3 font-semibold">
        Votes ({p.votes.length})
      </h2>
      {p.votes.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No votes yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2">Voter</th>
              <th className="px-5 py-2">Body</th>
              <th className="px-5 py-2">Choice</th>
              <th className="px-5 py-2">Status</th>
              <th className="px-5 py-2 text-right">Height</th>
              <th className="px-5 py-2">Transaction</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="votes">
            {[...p.votes].reverse().map((v) => (
              <tr key={v.transactionId}>
                <td className="px-5 py-2">
                  <AddressLink address={v.voter} />
                </td>
                <td className="px-5 py-2">{v.isGovernor ? 'governor' : 'public'}</td>
                <td className="px-5 py-2 capitalize">{v.choice}</td>
                <td className="px-5 py-2">
                  {!v.accepted ? (
                    <span className="text-rose-700">rejected</span>
                  ) : v.counted ? (
                    'counted'
                  ) : (
                    <span className="text-slate-500">replaced</span>
                  )}
                </td>
                <td className="px-5 py-2 text-right tabular-nums">
                  {v.height.toLocaleString('en-US')}
                </td>
                <td className="px-5 py-2 font-mono text-xs text-slate-500" title={v.transactionId}>
                  {shorten(v.transactionId)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Terms({ p }: { p: ProposalView }) {
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
