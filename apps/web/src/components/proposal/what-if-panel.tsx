'use client';
import type { ProposalPage, ValidatorSetView } from '@ratify/api';
import {
  bodyMembers,
  decodeBodyChoices,
  type Tally,
  type VoteChoice,
  whatIf,
} from '@ratify/governance';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { AddressLink } from '../address-link';
import { credits } from './credits';
import { ListPager } from './list-pager';

/** Validators listed per page. */
const PAGE_SIZE = 20;

const OPTIONS = [
  { value: '', label: 'none' },
  { value: '1', label: 'Yes' },
  { value: '2', label: 'No' },
  { value: '3', label: 'Abstain' },
] as const;

function bps(value: number): string {
  return `${Math.floor(value / 100)}.${Math.floor((value % 100) / 10)}%`;
}

/** The validator set's committee with stakes as numbers, and its bodies' members. */
function committeeOf(set: ValidatorSetView) {
  return {
    committee: set.committee.map((m) => ({ address: m.address, stake: BigInt(m.stake) })),
    stakeOf: new Map(set.committee.map((m) => [m.address, m.stake])),
    members: bodyMembers(set.governors, set.committee),
  };
}

/**
 * Suppose outcomes for the validators who have not voted and see the approval and the
 * split change. Computed here in the browser with the governance rules; nothing is sent.
 * The tally comes with the page as one letter per member; the validator set it refers to
 * (governors and stakes) is read once per set, not on every block.
 */
export function WhatIfPanel({ p }: { p: ProposalPage }) {
  const trpc = useTRPC();
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, VoteChoice>>(new Map());
  const [offset, setOffset] = useState(0);
  const wanted = p.votingOpen && p.voters.counts.notVoted > 0 ? p.choices : null;
  const { data: validatorSet } = useQuery(
    trpc.proposals.validatorSet.queryOptions(
      wanted?.validatorSet ?? { chainNetworkId: p.chainNetworkId, height: 0 },
      { enabled: wanted !== null, staleTime: Number.POSITIVE_INFINITY },
    ),
  );
  const known = useMemo(() => (validatorSet ? committeeOf(validatorSet) : null), [validatorSet]);
  const state = useMemo(() => {
    if (!known || !wanted) return null;
    const bodies = decodeBodyChoices(wanted, known.members);
    if (!bodies) return null;
    const tally: Tally = { ...bodies, counted: [], superseded: [], ineligible: [] };
    const open = [
      ...bodies.governors.notVoted.map((address) => ({ address, isGovernor: true })),
      ...bodies.public.notVoted.map((address) => ({ address, isGovernor: false })),
    ].map((m) => ({ ...m, stake: known.stakeOf.get(m.address) ?? null }));
    return { tally, open };
  }, [known, wanted]);
  const result = useMemo(
    () =>
      state && known
        ? whatIf({ tally: state.tally, committee: known.committee, thresholds: p.terms, outcomes })
        : null,
    [state, known, p.terms, outcomes],
  );
  if (!wanted || !state || !result || state.open.length === 0) return null;
  const { open } = state;
  // The list is all here; it is shown a page at a time so that hundreds of selects do not
  // make the page endless. "All Yes" and the like still apply to everyone.
  const from = Math.min(offset, Math.max(0, Math.ceil(open.length / PAGE_SIZE) - 1) * PAGE_SIZE);
  const shown = open.slice(from, from + PAGE_SIZE);
  const set = (address: string, value: string) => {
    const next = new Map(outcomes);
    if (value === '') next.delete(address);
    else next.set(address, Number(value) as VoteChoice);
    setOutcomes(next);
  };
  const { approval, split } = result;
  const [supermajority, minGovernors, minPublic] = approval.conditions;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="what-if"
    >
      <h2 className="font-semibold">What if…</h2>
      <p className="mt-1 text-sm text-slate-600">
        Choose how the validators who have not voted yet might vote. Nothing is submitted.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {OPTIONS.slice(1).map((o) => (
          <button
            key={o.value}
            type="button"
            className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
            onClick={() =>
              setOutcomes(new Map(open.map((m) => [m.address, Number(o.value) as VoteChoice])))
            }
          >
            All {o.label}
          </button>
        ))}
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
          onClick={() => setOutcomes(new Map())}
        >
          Reset
        </button>
      </div>
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {shown.map((m) => {
          const id = `what-if-${m.address}`;
          return (
            <li key={m.address} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <AddressLink address={m.address} />{' '}
                <span className="text-xs text-slate-500">
                  {m.isGovernor ? 'governor' : 'public'}, {credits(m.stake)}
                </span>
              </span>
              <label htmlFor={id} className="sr-only">
                Supposed vote of {m.address}
              </label>
              <select
                id={id}
                data-testid="what-if-choice"
                value={String(outcomes.get(m.address) ?? '')}
                onChange={(e) => set(m.address, e.target.value)}
                className="rounded border border-slate-300 bg-white px-2 py-1"
              >
                {OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <div className="-mx-5">
        <ListPager
          label="Validators who have not voted, pages"
          testId="what-if-pager"
          first={from + 1}
          shown={shown.length}
          total={open.length}
          onPrevious={from > 0 ? () => setOffset(from - PAGE_SIZE) : undefined}
          onNext={from + PAGE_SIZE < open.length ? () => setOffset(from + PAGE_SIZE) : undefined}
        />
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2" aria-live="polite">
        <div>
          <p className="font-medium" data-testid="what-if-approval">
            {approval.approved ? 'Would be approved.' : 'Would not be approved.'}
          </p>
          <ul className="mt-1 text-sm text-slate-600">
            <li>
              Governors Yes: {supermajority.actual} of {supermajority.governors} (
              {supermajority.shareBps === null ? '–' : bps(supermajority.shareBps)}), 67% needs{' '}
              {supermajority.required}
            </li>
            <li>
              Minimum governor Yes: {minGovernors.actual} of {minGovernors.required}{' '}
              {minGovernors.ok ? '✓' : '✗'}
            </li>
            <li>
              Minimum public Yes: {minPublic.actual} of {minPublic.required}{' '}
              {minPublic.ok ? '✓' : '✗'}
            </li>
          </ul>
        </div>
        <div className="text-sm" data-testid="what-if-split">
          <p className="font-medium">
            Split at activation{approval.approved ? '' : ' (only if it were approved)'}
          </p>
          <p data-testid="what-if-new-side">
            Moving to the new network: {split.newSide.count} validators,{' '}
            {bps(split.newSide.stakeBps)} of stake
            {split.newSide.hasQuorum ? ', a BFT quorum' : ', no BFT quorum'}
          </p>
          <p data-testid="what-if-old-side">
            Staying: {split.oldSide.count} validators, {bps(split.oldSide.stakeBps)} of stake
            {split.oldChainHalts ? '; the old chain would halt' : '; the old chain keeps a quorum'}
          </p>
        </div>
      </div>
    </section>
  );
}
