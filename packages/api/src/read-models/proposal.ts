import { fieldToBlockHash } from '@ratify/aleo';
import {
  type Database,
  findProposalsById,
  indexedHeight,
  listProposals,
  type ProposalRecord,
  validatorSetAt,
  votesForProposal,
} from '@ratify/db';
import {
  auditCounters,
  type CastVote,
  computeTally,
  distanceToApproval,
  estimateCountdown,
  evaluateApproval,
  type Tally,
  tallyHistory,
} from '@ratify/governance';
import { choiceName } from './choices';
import { lifecycleFor } from './lifecycle';
import { recentBlockTimes } from './production';
import { timelineFor } from './timeline';
import { votersView } from './voters';

export { type ChoiceName, choiceName } from './choices';

/** Everything the dashboard shows of one proposal, JSON-safe (big numbers as strings). */
export type ProposalView = NonNullable<Awaited<ReturnType<typeof buildProposalView>>>;
export type ProposalSummary = Awaited<ReturnType<typeof listProposalSummaries>>[number];

type Row = { proposal: ProposalRecord; chain: string; networkId: number };

export async function tallyFor(db: Database, row: Row) {
  const p = row.proposal;
  const head = (await indexedHeight(db, p.chainNetworkId)) ?? p.createdAtHeight;
  const votingOpen = head <= p.votingEndsHeight;
  // The rule counts the governor set at voting_ends_height; while voting is open, the current one.
  const set = await validatorSetAt(db, p.chainNetworkId, Math.min(head, p.votingEndsHeight));
  const governors = set?.governors ?? [];
  const committee = (set?.committee ?? []).map((m) => ({
    address: m.address,
    stake: BigInt(m.stake),
  }));
  const records = await votesForProposal(db, p.chainNetworkId, p.proposalId);
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
  const tally = computeTally({
    votes: accepted,
    governors,
    committee,
    proposalId: BigInt(p.proposalId),
    votingEndsHeight: p.votingEndsHeight,
  });
  const approval = evaluateApproval(tally, p);
  return { head, votingOpen, governors, committee, records, accepted, tally, approval };
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

export async function listProposalSummaries(db: Database) {
  const rows = await listProposals(db);
  return Promise.all(
    rows.map(async (row) => {
      const p = row.proposal;
      const { head, tally, approval } = await tallyFor(db, row);
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
        phase: (await lifecycleFor(db, row, approval, head)).state,
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
    }),
  );
}

/** The proposal with this id; when two chain-networks hold one, the earliest submitted. */
export async function buildProposalView(db: Database, proposalId: string) {
  const [row] = await findProposalsById(db, proposalId);
  if (!row) return null;
  const p = row.proposal;
  const { head, votingOpen, governors, committee, records, accepted, tally, approval } =
    await tallyFor(db, row);
  const distance = distanceToApproval(tally, p, { votingOpen });
  const life = await lifecycleFor(db, row, approval, head);
  const onchain = p.onchainCounters;
  const blocks = await recentBlockTimes(db, p.chainNetworkId, 100);
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
    timeline: await timelineFor(db, p, life, head, countdown),
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
