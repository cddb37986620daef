import type { Database } from '@ratify/db';
import { z } from 'zod';
import { type ReadContext, readContextOf } from './cache/define-view';
import { type ProposalSummary, proposalSummariesView } from './proposal';

export const PROPOSAL_PHASES = [
  'voting',
  'approved',
  'activating',
  'split',
  'delta_upgraded',
  'rejected',
  'invalid',
  'halted',
] as const;
export const PROPOSAL_SORTS = ['newest', 'oldest', 'activation', 'voting-ends'] as const;
export const DEFAULT_PAGE_SIZE = 20;

const wholeNumber = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);

/**
 * The proposals list's state, as it travels in the URL (`?phase=voting&q=…&sort=…&page=2`).
 * Parsed once where it enters, page or API; a bad value names the parameter.
 */
export const proposalSearchSchema = z.preprocess(
  // A form submits its empty fields: empty means "not given".
  (v) =>
    v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v).filter(([, x]) => !(typeof x === 'string' && x.trim() === '')),
        )
      : v,
  z.object({
    phase: z
      .enum(PROPOSAL_PHASES, { error: `phase must be one of ${PROPOSAL_PHASES.join(', ')}` })
      .optional(),
    q: z
      .string({ error: 'q must be text' })
      .trim()
      .max(100, 'q must be at most 100 characters')
      .optional(),
    sort: z
      .enum(PROPOSAL_SORTS, { error: `sort must be one of ${PROPOSAL_SORTS.join(', ')}` })
      .default('newest'),
    page: wholeNumber('page', 1_000_000).default(1),
    per: wholeNumber('per', 100).default(DEFAULT_PAGE_SIZE),
  }),
);

export type ProposalSearch = z.output<typeof proposalSearchSchema>;

/** Next.js search params (values may repeat) into the list's state, or one line saying what is wrong. */
export function parseProposalSearch(
  params: Record<string, string | string[] | undefined>,
): { ok: true; search: ProposalSearch } | { ok: false; message: string } {
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) return { ok: false, message: `${key} is given more than once` };
  }
  const parsed = proposalSearchSchema.safeParse(params);
  if (parsed.success) return { ok: true, search: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
}

/** Search by proposal id (decimal, "field" suffix optional) or by proposer address. */
export function matchesQuery(p: Pick<ProposalSummary, 'proposalId' | 'proposer'>, q: string) {
  const needle = q.toLowerCase().replace(/field$/, '');
  return p.proposalId.includes(needle) || p.proposer.toLowerCase().includes(needle);
}

const ORDER: Record<ProposalSearch['sort'], (a: ProposalSummary, b: ProposalSummary) => number> = {
  newest: (a, b) => b.createdAtHeight - a.createdAtHeight,
  oldest: (a, b) => a.createdAtHeight - b.createdAtHeight,
  activation: (a, b) => a.activationHeight - b.activationHeight,
  'voting-ends': (a, b) => a.votingEndsHeight - b.votingEndsHeight,
};

/**
 * One page of proposals. The phase is judged by the rules, not stored, so filtering happens
 * after the summaries are built; only the page travels to the browser.
 */
export async function searchProposals(from: ReadContext | Database, search: ProposalSearch) {
  // The cached summaries: a search filters them in memory, it does not recompute them.
  const all = await proposalSummariesView.read(readContextOf(from), undefined);
  const matching = all
    .filter((p) => !search.phase || p.phase === search.phase)
    .filter((p) => !search.q || matchesQuery(p, search.q))
    .sort((a, b) => ORDER[search.sort](a, b) || a.proposalId.localeCompare(b.proposalId));
  const pages = Math.max(1, Math.ceil(matching.length / search.per));
  const start = (search.page - 1) * search.per;
  return {
    search,
    total: matching.length,
    pages,
    items: matching.slice(start, start + search.per),
  };
}

export type ProposalSearchResult = Awaited<ReturnType<typeof searchProposals>>;
