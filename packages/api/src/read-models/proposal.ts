import { fieldToBlockHash } from '@ratify/aleo';
import {
  blocksAtHeights,
  type Database,
  findProposalsById,
  listProposals,
  type ProposalRecord,
  votesForProposal,
} from '@ratify/db';
import {
  auditCounters,
  type CastVote,
  distanceToApproval,
  estimateCountdown,
  evaluateApproval,
  type Lifecycle,
  type Tally,
  tallyHistory,
} from '@ratify/governance';
import { defineView, type ReadContext, readContextOf } from './cache/define-view';
import type { Versions } from './cache/versions';
import { type ChainContext, chainContextView } from './chain-context';
import { choiceName } from './choices';
import { lifecycleOf } from './lifecycle';
import { type ProposalTally, tallyView } from './tally';
import { timelineFor } from './timeline';
import { setAt, validatorSetsView } from './validator-sets';
import { votersView } from './voters';

export { type ChoiceName, choiceName } from './choices';

/** Everything the dashboard shows of one proposal, JSON-safe (big numbers as strings). */
export type ProposalView = NonNullable<Awaited<ReturnType<typeof buildProposalView>>>;
export type ProposalSummary = Awaited<ReturnType<typeof listProposalSummaries>>[number];

type Row = { proposal: ProposalRecord; chain: string; networkId: number };

/** What every view of a proposal shares: the head, the cached tally and its approval. */
export async function talliesFor(ctx: ReadContext, rows: Row[], chain: ChainContext) {
  const heads = rows.map(
    (r) => chain.heights.get(r.proposal.chainNetworkId) ?? r.proposal.createdAtHeight,
  );
  const tallies = await tallyView.readMany(
    ctx,
    rows.map((row, i) => ({ proposal: row.proposal, head: heads[i] as number })),
  );
  return rows.map((row, i) => {
    const p = row.proposal;
    const head = heads[i] as number;
    const { governors, committee, tally } = tallies[i] as ProposalTally;
    return {
      row,
      head,
      votingOpen: head <= p.votingEndsHeight,
      governors,
      committee,
      tally,
      approval: evaluateApproval(tally, p),
    };
  });
}

/** One proposal's head, tally and approval, from the same cache (for read models that take a row). */
export async function tallyFor(from: ReadContext | Database, row: Row) {
  const ctx = readContextOf(from);
  const [t] = await talliesFor(ctx, [row], await chainContextView.read(ctx, undefined));
  return t as NonNullable<typeof t>;
}

/** Lifecycles of many proposals with a fixed number of queries, whatever their number. */
export async function lifecyclesFor(
  ctx: ReadContext,
  tallies: Awaited<ReturnType<typeof talliesFor>>,
  chain: ChainContext,
) {
  const ids = [...new Set(tallies.map((t) => t.row.proposal.chainNetworkId))];
  const [histories, activations] = await Promise.all([
    validatorSetsView.readMany(ctx, ids),
    blocksAtHeights(
      ctx.db,
      tallies.map(({ row: { proposal: p } }) => ({
        chainNetworkId: p.chainNetworkId,
        height: p.activationHeight,
      })),
    ),
  ]);
  const sets = new Map(ids.map((id, i) => [id, histories[i] ?? []]));
  const activatedAt = new Map(
    activations.map((b) => [`${b.chainNetworkId}@${b.height}`, b.timestamp]),
  );
  return tallies.map(({ row, approval, head }) => {
    const p = row.proposal;
    return lifecycleOf(row, approval, head, {
      chain,
      governorsAtCreation: setAt(sets.get(p.chainNetworkId) ?? [], p.createdAtHeight)?.governors,
      activatedAt: activatedAt.get(`${p.chainNetworkId}@${p.activationHeight}`),
    });
  });
}

function bodyView(body: Tally['governors']) {
  return {
    size: body.size,
    yes: body.yes,
    no: body.no,
    abstain: body.abstain,
    notVoted: body.notVoted,
  };
}

export async function listProposalSummaries(from: ReadContext | Database) {
  const ctx = readContextOf(from);
  const [rows, chain] = await Promise.all([
    listProposals(ctx.db),
    chainContextView.read(ctx, undefined),
  ]);
  const tallies = await talliesFor(ctx, rows, chain);
  const lives = await lifecyclesFor(ctx, tallies, chain);
  return tallies.map(({ row, head, tally, approval }, i) => {
    const p = row.proposal;
    return {
      chainNetworkId: p.chainNetworkId,
      chain: row.chain,
      networkId: row.networkId,
      proposalId: p.proposalId,
      proposer: p.proposer,
      sourceNetwork: p.sourceNetwork,
      targetNetwork: p.targetNetwork,
      createdAtHeight: p.createdAtHeight,
      votingEndsHeight: p.votingEndsHeight,
      activationHeight: p.activationHeight,
      indexedHeight: head,
      phase: (lives[i] as Lifecycle).state,
      approved: approval.approved,
      governors: {
        size: tally.governors.size,
        yes: tally.governors.yes.length,
        no: tally.governors.no.length,
        abstain: tally.governors.abstain.length,
      },
      public: {
        size: tally.public.size,
        yes: tally.public.yes.length,
        no: tally.public.no.length,
        abstain: tally.public.abstain.length,
      },
    };
  });
}

/** The proposal with this id; when two chain-networks hold one, the earliest submitted. */
export async function buildProposalView(from: ReadContext | Database, proposalId: string) {
  const ctx = readContextOf(from);
  const [[row], chain] = await Promise.all([
    findProposalsById(ctx.db, proposalId),
    chainContextView.read(ctx, undefined),
  ]);
  if (!row) return null;
  const p = row.proposal;
  // The tally comes from the cache (one row per voter); the vote log and the tally's
  // history are this page's own and read every vote, once per change.
  const [shared, records] = await Promise.all([
    talliesFor(ctx, [row], chain),
    votesForProposal(ctx.db, p.chainNetworkId, p.proposalId),
  ]);
  const t = shared[0] as (typeof shared)[number];
  const { head, votingOpen, governors, committee, tally, approval } = t;
  const accepted: CastVote[] = records
    .filter((v) => v.accepted)
    .map((v) => ({
      proposalId: BigInt(p.proposalId),
      voter: v.voter,
      choice: v.choice as CastVote['choice'],
      height: v.height,
      index: v.position,
      transactionId: v.transactionId,
    }));
  const distance = distanceToApproval(tally, p, { votingOpen });
  const [life] = await lifecyclesFor(ctx, [t], chain);
  if (!life) return null;
  const onchain = p.onchainCounters;
  const blocks = chain.blocks.get(p.chainNetworkId) ?? [];
  const now = Math.floor(Date.now() / 1000);
  const countdown = {
    votingEnds: estimateCountdown({ blocks, targetHeight: p.votingEndsHeight, now }),
    activation: estimateCountdown({ blocks, targetHeight: p.activationHeight, now }),
  };
  const voters = votersView({
    tally,
    governors,
    committee,
    records,
    votingEndsHeight: p.votingEndsHeight,
    votingOpen,
  });
  const history = tallyHistory({
    votes: accepted,
    governors,
    committee,
    thresholds: p,
    proposalId: BigInt(p.proposalId),
    votingEndsHeight: p.votingEndsHeight,
    startHeight: p.createdAtHeight,
  });
  return {
    chainNetworkId: p.chainNetworkId,
    chain: row.chain,
    networkId: row.networkId,
    proposalId: p.proposalId,
    indexedHeight: head,
    votingOpen,
    phase: life.state,
    lifecycle: life,
    terms: {
      sourceNetwork: p.sourceNetwork,
      targetNetwork: p.targetNetwork,
      createdAtHeight: p.createdAtHeight,
      votingEndsHeight: p.votingEndsHeight,
      activationHeight: p.activationHeight,
      minGovernorValidators: p.minGovernorValidators,
      minPublicValidators: p.minPublicValidators,
      deltaMinAlphaBlocks: p.deltaMinAlphaBlocks,
      alphaExpectedHash: safeBlockHash(p.alphaExpectedHash),
      deltaExpectedHash: safeBlockHash(p.deltaExpectedHash),
      alphaParamsHash: p.alphaParamsHash,
      deltaParamsHash: p.deltaParamsHash,
      proposer: p.proposer,
      transactionId: p.transactionId,
    },
    tally: {
      governors: bodyView(tally.governors),
      public: bodyView(tally.public),
      ineligible: tally.ineligible.map((i) => ({
        voter: i.vote.voter,
        choice: choiceName(i.vote.choice),
        reason: i.reason,
      })),
    },
    approval: {
      approved: approval.approved,
      conditions: approval.conditions.map((c) => ({
        id: c.id,
        ok: c.ok,
        actual: c.actual,
        required: c.required,
      })),
    },
    distance: {
      reachable: distance.reachable,
      conditions: distance.conditions.map((c) => ({
        id: c.id,
        ok: c.ok,
        needed: c.needed,
        reachable: c.reachable,
        message: c.message,
      })),
    },
    audit: onchain
      ? {
          readHeight: p.onchainReadHeight,
          onchain,
          mismatches: auditCounters(tally, onchain),
        }
      : null,
    countdown,
    /** Recent block times of the source chain, for the height / time helper. */
    recentBlocks: blocks,
    timeline: await timelineFor(ctx.db, p, life, head, countdown),
    history,
    voters: { governors: voters.governors, public: voters.public, notVoted: voters.notVoted },
    committee: committee.map((m) => ({ address: m.address, stake: m.stake.toString() })),
    governorCount: governors.length,
    committeeSize: committee.length,
    votes: voters.votes,
  };
}

function safeBlockHash(field: string): string {
  try {
    return fieldToBlockHash(BigInt(field));
  } catch {
    return `${field}field`;
  }
}

/**
 * The cached views (see cache/define-view.ts). A proposal's tally is recomputed only when a
 * commit touches it; the rest of its view (head, countdown, lifecycle) once per commit to
 * any chain-network and at most once a second, however many viewers ask.
 */
export const proposalSummariesView = defineView({
  name: 'proposal-summaries',
  version: (_: undefined, v) => `${v.chains()}@${v.clock(1_000)}`,
  compute: (ctx) => listProposalSummaries(ctx),
});

/** The full view's version; its projections (proposal-page.ts) share it. */
export const proposalVersion = (_id: string, v: Versions) => `${v.chains()}@${v.clock(1_000)}`;

export const proposalView = defineView({
  name: 'proposal',
  key: (proposalId: string) => proposalId,
  version: proposalVersion,
  compute: (ctx, proposalId) => buildProposalView(ctx, proposalId),
});
