import { bodyMembers, encodeBodyChoices } from '@ratify/governance';
import { defineView, type ReadContext } from './cache/define-view';
import { type ProposalView, proposalVersion, proposalView } from './proposal';
import { setAt, type ValidatorSet, validatorSetsView } from './validator-sets';

/**
 * The proposal page is served from projections of the cached full view (`proposalView`):
 * the first screen, one page of a voter tab, one page of the vote log. Each is cached per
 * version like the view itself, so a crowd of viewers costs one projection per change. The
 * full view stays what the public JSON API returns.
 */

/** Rows of a voter tab or of the vote log that the first screen and a page carry. */
export const VOTER_PAGE_SIZE = 20;
export const VOTE_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export const VOTER_GROUPS = ['governors', 'public', 'notVoted'] as const;
export type VoterGroup = (typeof VOTER_GROUPS)[number];

type Body = ProposalView['tally']['governors'];

function bodyCounts(body: Body) {
  return {
    size: body.size,
    yes: body.yes.length,
    no: body.no.length,
    abstain: body.abstain.length,
    notVoted: body.notVoted.length,
  };
}

/** Points the chart draws at most: about one per pixel of a wide chart. */
export const CHART_POINTS = 600;

type History = ProposalView['history'];

/**
 * The tally history as the chart draws it: columns of the series it plots rather than an
 * object per point, and at most `maxPoints` of them whatever the number of votes. The tally
 * is a step function, so each of `maxPoints` equal spans of height keeps its last point; the
 * first and the last point are always kept, so the chart starts at the submission and ends
 * on the current tally exactly.
 */
export function chartSeriesOf(history: History, maxPoints = CHART_POINTS) {
  const all = history.points;
  let kept = all;
  if (all.length > maxPoints) {
    const first = all[0]?.height ?? 0;
    const span = Math.max(1, (all[all.length - 1]?.height ?? first) - first + 1);
    const bucket = (h: number) => Math.floor(((h - first) * (maxPoints - 1)) / span);
    kept = all.filter(
      (p, i) =>
        i === 0 || i === all.length - 1 || bucket(p.height) !== bucket(all[i + 1]?.height ?? 0),
    );
  }
  return {
    governors: history.governors,
    publicMembers: history.publicMembers,
    supermajorityRequired: history.supermajorityRequired,
    minGovernorValidators: history.minGovernorValidators,
    minPublicValidators: history.minPublicValidators,
    /** How many points the full history has (the JSON API's view carries them all). */
    changes: all.length,
    height: kept.map((p) => p.height),
    governorYes: kept.map((p) => p.governorYes),
    governorYesBps: kept.map((p) => p.governorYesBps),
    publicYes: kept.map((p) => p.publicYes),
  };
}

export type ChartSeries = ReturnType<typeof chartSeriesOf>;

/** One page of a list: `offset` into it, at most `limit` rows, and how many there are. */
function pageOf<T>(list: readonly T[], offset: number, limit: number) {
  return { total: list.length, offset, limit, items: list.slice(offset, offset + limit) };
}

export function votersPageOf(view: ProposalView, group: VoterGroup, offset: number, limit: number) {
  const v = view.voters;
  if (group === 'notVoted') return { group, ...pageOf(v.notVoted, offset, limit) };
  return { group, ...pageOf(group === 'governors' ? v.governors : v.public, offset, limit) };
}

export type VotesQuery = {
  /** Rows before this position of the chain-order log (older ones); the newest without it. */
  before?: number;
  limit: number;
  /** Only this voter's votes (the wallet's own). */
  voter?: string;
};

/**
 * One page of the vote log, newest first. Positions count in chain order, so a page asked
 * for with `before` stays the same rows when newer votes arrive; `older` is the `before` of
 * the next page, null at the oldest.
 */
export function votesPageOf(view: ProposalView, q: VotesQuery) {
  const list = q.voter === undefined ? view.votes : view.votes.filter((v) => v.voter === q.voter);
  const end = Math.min(q.before ?? list.length, list.length);
  const start = Math.max(0, end - q.limit);
  return {
    total: list.length,
    /** The chain-order position of the first row of this page (the newest). */
    from: end,
    items: list.slice(start, end).reverse(),
    older: start > 0 ? start : null,
  };
}

/**
 * What the first screen needs: everything but the lists, their counts, the first page of
 * the governors (the default voter tab), and the counted choice of each member as one letter
 * per member (see `encodeBodyChoices`) with the validator set they refer to, which the
 * what-if panel reads once per set (`validatorSet`).
 */
export function firstScreenOf(view: ProposalView, set: ValidatorSet | undefined) {
  const { voters, votes, committee, tally, history, ...rest } = view;
  const letters = set ? encodeBodyChoices(tally, bodyMembers(set.governors, set.committee)) : null;
  return {
    ...rest,
    history: chartSeriesOf(history),
    tally: {
      governors: bodyCounts(tally.governors),
      public: bodyCounts(tally.public),
      ineligible: tally.ineligible.length,
    },
    voters: {
      counts: {
        governors: voters.governors.length,
        public: voters.public.length,
        notVoted: voters.notVoted.length,
      },
      governors: votersPageOf(view, 'governors', 0, VOTER_PAGE_SIZE),
    },
    voteCount: votes.length,
    /** Null when no set is known or it is not the tally's (a new set arrived meanwhile). */
    choices:
      set && letters
        ? { validatorSet: { chainNetworkId: view.chainNetworkId, height: set.height }, ...letters }
        : null,
  };
}

export type ProposalPage = NonNullable<Awaited<ReturnType<typeof proposalPageView.read>>>;
export type VotersPage = ReturnType<typeof votersPageOf>;
export type VotesPage = ReturnType<typeof votesPageOf>;

// The projections' versions are the full view's: a projection changes exactly when it does.
const viewVersion = proposalVersion;

export const proposalPageView = defineView({
  name: 'proposal-page',
  key: (proposalId: string) => proposalId,
  version: (id, v) => viewVersion(id, v),
  compute: async (ctx, proposalId) => {
    const view = await proposalView.read(ctx, proposalId);
    if (!view) return null;
    return firstScreenOf(view, await setOf(ctx, view));
  },
});

/** The validator set the view's tally counts (see tally.ts). */
async function setOf(ctx: ReadContext, view: ProposalView) {
  const history = await validatorSetsView.read(ctx, view.chainNetworkId);
  return setAt(history, Math.min(view.indexedHeight, view.terms.votingEndsHeight));
}

export type VotersInput = { proposalId: string; group: VoterGroup; offset: number; limit: number };

export const votersPageView = defineView({
  name: 'proposal-voters-page',
  key: (i: VotersInput) => `${i.proposalId}/${i.group}/${i.offset}/${i.limit}`,
  version: (i, v) => viewVersion(i.proposalId, v),
  compute: async (ctx, i) => {
    const view = await proposalView.read(ctx, i.proposalId);
    return view ? votersPageOf(view, i.group, i.offset, i.limit) : null;
  },
});

export type VotesInput = VotesQuery & { proposalId: string };

export const votesPageView = defineView({
  name: 'proposal-votes-page',
  key: (i: VotesInput) => `${i.proposalId}/${i.before ?? ''}/${i.limit}/${i.voter ?? ''}`,
  version: (i, v) => viewVersion(i.proposalId, v),
  compute: async (ctx, i) => {
    const view = await proposalView.read(ctx, i.proposalId);
    return view ? votesPageOf(view, i) : null;
  },
});

/**
 * One validator set of a chain-network, the one observed at `height`: governors and the
 * committee's stakes, for the what-if panel. It changes only with a new set or a rewind, so
 * the page reads it once per set instead of on every block.
 */
export const validatorSetView = defineView({
  name: 'validator-set',
  key: (i: { chainNetworkId: string; height: number }) => `${i.chainNetworkId}@${i.height}`,
  version: (i, v) => v.wide(i.chainNetworkId),
  compute: async (ctx, i) => {
    const history = await validatorSetsView.read(ctx, i.chainNetworkId);
    const set = history.find((s) => s.height === i.height);
    if (!set) return null;
    return {
      chainNetworkId: i.chainNetworkId,
      height: set.height,
      governors: set.governors,
      committee: set.committee.map((m) => ({ address: m.address, stake: m.stake.toString() })),
    };
  },
});

export type ValidatorSetView = NonNullable<Awaited<ReturnType<typeof validatorSetView.read>>>;
