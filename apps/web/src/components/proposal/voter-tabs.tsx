'use client';
import type { ProposalPage, ProposalView, VoterGroup } from '@ratify/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { AddressLink } from '../address-link';
import { credits } from './credits';
import { ListPager } from './list-pager';

type Voters = ProposalView['voters'];
type Member = Voters['governors'][number];
type Open = Voters['notVoted'][number];

const TABS = [
  { id: 'governors', label: 'Governors', group: 'governors' },
  { id: 'public', label: 'Public validators', group: 'public' },
  { id: 'not-voted', label: 'Not yet voted', group: 'notVoted' },
] as const satisfies readonly { id: string; label: string; group: VoterGroup }[];
type TabId = (typeof TABS)[number]['id'];

const CHOICE_TEXT: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  abstain: 'Abstain',
  not_voted: 'not voted',
  invalid: 'invalid',
};

const CHOICE_CLASS: Record<string, string> = {
  yes: 'text-emerald-700',
  no: 'text-rose-700',
  abstain: 'text-slate-600',
  not_voted: 'text-slate-500',
};

const th = 'whitespace-nowrap px-4 py-2 font-medium';

/** Scrolls sideways in its own box on a narrow screen; focusable, so the keyboard can too. */
function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </section>
  );
}
const td = 'px-4 py-2';

function MemberTable({
  members,
  testId,
  label,
}: {
  members: Member[];
  testId: string;
  label: string;
}) {
  if (members.length === 0) return <p className="px-4 py-3 text-sm text-slate-500">None.</p>;
  return (
    <ScrollBox label={label}>
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>Validator</th>
            <th className={th}>Vote</th>
            <th className={`${th} text-right`}>At height</th>
            <th className={`${th} text-right`}>Stake</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid={testId}>
          {members.map((m) => (
            <tr key={m.address}>
              <td className={td}>
                <AddressLink address={m.address} />
              </td>
              <td className={`${td} ${CHOICE_CLASS[m.choice] ?? ''}`}>
                {CHOICE_TEXT[m.choice]}
                {m.changes > 0 ? (
                  <span className="ml-1 text-xs text-slate-500">
                    (changed {m.changes === 1 ? 'once' : `${m.changes} times`})
                  </span>
                ) : null}
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {m.height?.toLocaleString('en-US') ?? '–'}
              </td>
              <td className={`${td} text-right tabular-nums`}>{credits(m.stake)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function NotVotedTable({ p, rows }: { p: ProposalPage; rows: Open[] }) {
  if (!p.votingOpen)
    return <p className="px-4 py-3 text-sm text-slate-500">Voting has ended: no one can vote.</p>;
  if (rows.length === 0)
    return <p className="px-4 py-3 text-sm text-slate-500">Every validator has voted.</p>;
  return (
    <ScrollBox label="Validators who have not voted">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>Validator</th>
            <th className={th}>Body</th>
            <th className={`${th} text-right`}>Stake</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="not-voted">
          {rows.map((m) => (
            <tr key={m.address}>
              <td className={td}>
                <AddressLink address={m.address} />
              </td>
              <td className={td}>{m.isGovernor ? 'governor' : 'public'}</td>
              <td className={`${td} text-right tabular-nums`}>{credits(m.stake)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/**
 * One page of a voter tab. The first page of the governors (the tab shown first) comes with
 * the page's own query; the others are fetched a page at a time, and refetched on a change
 * only while shown.
 */
function useVoterPage(p: ProposalPage, group: VoterGroup, offset: number) {
  const trpc = useTRPC();
  const first = p.voters.governors;
  const fromPage = group === 'governors' && offset === 0;
  const query = useQuery(
    trpc.proposals.voters.queryOptions(
      { proposalId: p.proposalId, group, offset, limit: first.limit },
      { enabled: !fromPage, placeholderData: keepPreviousData, refetchInterval: 10_000 },
    ),
  );
  if (fromPage) return { page: first, busy: false, error: null };
  // While the next page loads the one before stays, but never another tab's.
  const page = query.data?.group === group ? query.data : undefined;
  return { page, busy: query.isFetching, error: query.error };
}

/** Who voted what, body by body, and who can still vote, as keyboard-operable tabs. */
export function VoterTabs({ p }: { p: ProposalPage }) {
  const [tab, setTab] = useState<TabId>('governors');
  const [offsets, setOffsets] = useState<Record<TabId, number>>({
    governors: 0,
    public: 0,
    'not-voted': 0,
  });
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const counts: Record<TabId, number> = {
    governors: p.voters.counts.governors,
    public: p.voters.counts.public,
    'not-voted': p.voters.counts.notVoted,
  };
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  const offset = offsets[tab];
  const limit = p.voters.governors.limit;
  const { page, busy, error } = useVoterPage(p, current.group, offset);
  const moveTo = (next: number) => setOffsets((o) => ({ ...o, [tab]: Math.max(0, next) }));
  // The list shrank under the page shown (validators voted): go back to its last page.
  const past = page !== undefined && page.offset === offset && offset > 0 && offset >= page.total;
  useEffect(() => {
    if (past && page) moveTo(Math.max(0, Math.ceil(page.total / limit) - 1) * limit);
  });
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = TABS[(i + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    refs.current[next.id]?.focus();
  };
  const pager = page ? (
    <ListPager
      label={`${current.label} pages`}
      testId={`${current.id}-pager`}
      first={page.offset + 1}
      shown={page.items.length}
      total={page.total}
      busy={busy}
      onPrevious={offset > 0 ? () => moveTo(offset - limit) : undefined}
      onNext={offset + limit < page.total ? () => moveTo(offset + limit) : undefined}
    />
  ) : null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 className="px-4 pt-3 font-semibold">Voters</h2>
      <div
        role="tablist"
        aria-label="Voters"
        className="flex flex-wrap gap-1 border-b border-slate-100 px-3 pt-2"
        onKeyDown={onKey}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`-mb-px rounded-t border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-600 ${
              tab === t.id
                ? 'border-sky-600 font-medium text-slate-900'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t.label} ({counts[t.id]})
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-${tab}-panel`}
        aria-labelledby={`${base}-${tab}-tab`}
        className="py-1"
      >
        {error && !page ? (
          <p className="px-4 py-3 text-sm text-red-700">Could not load voters: {error.message}</p>
        ) : !page ? (
          <p className="px-4 py-3 text-sm text-slate-500">Loading voters…</p>
        ) : page.group === 'notVoted' ? (
          <NotVotedTable p={p} rows={page.items} />
        ) : (
          <MemberTable
            members={page.items}
            testId={page.group === 'governors' ? 'governor-voters' : 'public-voters'}
            label={current.label}
          />
        )}
        {p.votingOpen || current.group !== 'notVoted' ? pager : null}
      </div>
    </section>
  );
}
