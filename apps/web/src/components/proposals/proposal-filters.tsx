import type { PROPOSAL_PHASES, PROPOSAL_SORTS, ProposalSearch } from '@ratify/api/read-models';
import Link from 'next/link';

export const PHASE_LABELS: Record<(typeof PROPOSAL_PHASES)[number], string> = {
  voting: 'Voting',
  approved: 'Approved',
  activating: 'Activating',
  split: 'Split',
  delta_upgraded: 'Upgraded',
  rejected: 'Rejected',
  invalid: 'Invalid',
  halted: 'Halted',
};

const SORT_LABELS: Record<(typeof PROPOSAL_SORTS)[number], string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  activation: 'Activation height',
  'voting-ends': 'Voting end',
};

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:border-sky-600';

/**
 * A plain GET form: the URL holds the whole state, it works without JavaScript, and a
 * copied link shows the same view.
 */
export function ProposalFilters({ search }: { search: Partial<ProposalSearch> }) {
  return (
    <search>
      <form
        action="/proposals"
        method="get"
        className="flex flex-wrap items-end gap-3"
        data-testid="proposal-filters"
      >
        <label className="flex min-w-0 flex-1 basis-56 flex-col gap-1 text-xs text-slate-600">
          Proposal id or proposer
          <input
            type="search"
            name="q"
            defaultValue={search.q ?? ''}
            placeholder="e.g. 1234… or ax1…"
            className={field}
            data-testid="proposal-search"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Phase
          <select
            name="phase"
            defaultValue={search.phase ?? ''}
            className={field}
            data-testid="phase-filter"
          >
            <option value="">All phases</option>
            {Object.entries(PHASE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Sort
          <select name="sort" defaultValue={search.sort ?? 'newest'} className={field}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {search.per && search.per !== 20 ? (
          <input type="hidden" name="per" value={search.per} />
        ) : null}
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
        >
          Show
        </button>
        <Link href="/proposals" className="py-1.5 text-sm text-sky-700 hover:underline">
          Clear
        </Link>
      </form>
    </search>
  );
}
