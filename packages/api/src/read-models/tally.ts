import { type ProposalRecord, type TallyVoteRow, tallyVotes } from '@ratify/db';
import { type CastVote, computeTally, type Tally } from '@ratify/governance';
import { defineView, type ReadContext } from './cache/define-view';
import { setAt, type ValidatorSet, validatorSetsView } from './validator-sets';

export type TallyInput = { proposal: ProposalRecord; head: number };
export type ProposalTally = {
  governors: string[];
  committee: ValidatorSet['committee'];
  tally: Tally;
};

/**
 * The tally from the rows `tallyVotes` returns: the rules of `computeTally` applied to each
 * voter's latest valid vote and to the votes they set aside, fed in the order the full
 * history would have given (set-aside votes by height, voters by their first vote), so the
 * result is the same except `superseded`, which stays empty (no view reads it).
 */
export function tallyFromRows(
  rows: readonly TallyVoteRow[],
  rules: {
    proposalId: bigint;
    votingEndsHeight: number;
    governors: readonly string[];
    committee: ValidatorSet['committee'];
  },
): Tally {
  const cast = (r: TallyVoteRow): CastVote => ({
    proposalId: rules.proposalId,
    voter: r.voter,
    choice: r.choice as CastVote['choice'],
    height: r.height,
    index: r.position,
    transactionId: r.transactionId,
  });
  const byPlace = (a: TallyVoteRow, b: TallyVoteRow) =>
    a.firstHeight - b.firstHeight || a.firstPosition - b.firstPosition;
  const setAside = rows.filter((r) => r.kind !== 'latest').sort(byPlace);
  const latest = rows.filter((r) => r.kind === 'latest').sort(byPlace);
  return computeTally({
    votes: [...setAside, ...latest].map(cast),
    governors: rules.governors,
    committee: rules.committee,
    proposalId: rules.proposalId,
    votingEndsHeight: rules.votingEndsHeight,
  });
}

async function computeTallies(ctx: ReadContext, inputs: TallyInput[]): Promise<ProposalTally[]> {
  const chainIds = [...new Set(inputs.map((i) => i.proposal.chainNetworkId))];
  const [histories, rows] = await Promise.all([
    validatorSetsView.readMany(ctx, chainIds),
    tallyVotes(
      ctx.db,
      inputs.map(({ proposal: p }) => ({
        chainNetworkId: p.chainNetworkId,
        proposalId: p.proposalId,
        votingEndsHeight: p.votingEndsHeight,
      })),
    ),
  ]);
  const sets = new Map(chainIds.map((id, i) => [id, histories[i] ?? []]));
  const rowsOf = new Map<string, TallyVoteRow[]>();
  for (const r of rows) {
    const k = `${r.chainNetworkId}/${r.proposalId}`;
    const list = rowsOf.get(k);
    if (list) list.push(r);
    else rowsOf.set(k, [r]);
  }
  return inputs.map(({ proposal: p, head }) => {
    // The rule counts the governor set at voting_ends_height; while voting is open, the current one.
    const set = setAt(sets.get(p.chainNetworkId) ?? [], Math.min(head, p.votingEndsHeight));
    const governors = set?.governors ?? [];
    const committee = set?.committee ?? [];
    const tally = tallyFromRows(rowsOf.get(`${p.chainNetworkId}/${p.proposalId}`) ?? [], {
      proposalId: BigInt(p.proposalId),
      votingEndsHeight: p.votingEndsHeight,
      governors,
      committee,
    });
    return { governors, committee, tally };
  });
}

/**
 * Each proposal's tally, recomputed only when a commit touched that proposal (its votes,
 * row or counters) or the whole chain-network (a new validator set); any number of
 * proposals missing from the cache are computed with one query.
 */
export const tallyView = defineView({
  name: 'tally',
  key: (i: TallyInput) => `${i.proposal.chainNetworkId}/${i.proposal.proposalId}`,
  version: (i, v) => v.proposal(i.proposal.chainNetworkId, i.proposal.proposalId),
  compute: async (ctx, i) => (await computeTallies(ctx, [i]))[0] as ProposalTally,
  computeMany: computeTallies,
});
