import { asc, inArray, sql } from 'drizzle-orm';
import type { Database } from './client';
import { validatorSets } from './schema';

export type TallyVoteRow = {
  chainNetworkId: string;
  proposalId: string;
  /** `latest`: the voter's last valid vote; otherwise why finalize would have set it aside. */
  kind: 'latest' | 'after_voting_end' | 'invalid_choice';
  voter: string;
  choice: number;
  height: number;
  position: number;
  transactionId: string;
  /** Where the voter's first valid vote sits (height, position): the tally's order of voters. */
  firstHeight: number;
  firstPosition: number;
};

/**
 * What a tally needs of each proposal's votes, in one query for any number of proposals:
 * the latest valid accepted vote of each voter (`DISTINCT ON`, so one row per voter however
 * many times they voted) and the accepted votes the rules set aside. Rows scale with the
 * voters, not with the history of votes.
 */
export async function tallyVotes(
  db: Database,
  wanted: { chainNetworkId: string; proposalId: string; votingEndsHeight: number }[],
): Promise<TallyVoteRow[]> {
  if (wanted.length === 0) return [];
  const rows = await db.execute<{
    chain_network_id: string;
    proposal_id: string;
    kind: TallyVoteRow['kind'];
    voter: string;
    choice: number;
    height: number;
    position: number;
    transaction_id: string;
    first_height: number;
    first_position: number;
  }>(sql`
    WITH wanted AS (
      SELECT * FROM unnest(
        ${sql.param(wanted.map((w) => w.chainNetworkId))}::text[],
        ${sql.param(wanted.map((w) => w.proposalId))}::text[],
        ${sql.param(wanted.map((w) => w.votingEndsHeight))}::int[]
      ) AS w(chain_network_id, proposal_id, ends)
    )
    SELECT * FROM (
      SELECT DISTINCT ON (v.chain_network_id, v.proposal_id, v.voter)
        v.chain_network_id, v.proposal_id, 'latest' AS kind, v.voter, v.choice, v.height,
        v.position, v.transaction_id,
        min(v.height) OVER voter_votes AS first_height,
        (min(ARRAY[v.height, v.position]) OVER voter_votes)[2] AS first_position
      FROM wanted w
      JOIN votes v ON v.chain_network_id = w.chain_network_id AND v.proposal_id = w.proposal_id
      WHERE v.accepted AND v.height <= w.ends AND v.choice IN (1, 2, 3)
      WINDOW voter_votes AS (PARTITION BY v.chain_network_id, v.proposal_id, v.voter)
      ORDER BY v.chain_network_id, v.proposal_id, v.voter, v.height DESC, v.position DESC
    ) latest
    UNION ALL
    SELECT v.chain_network_id, v.proposal_id,
      CASE WHEN v.height > w.ends THEN 'after_voting_end' ELSE 'invalid_choice' END,
      v.voter, v.choice, v.height, v.position, v.transaction_id, v.height, v.position
    FROM wanted w
    JOIN votes v ON v.chain_network_id = w.chain_network_id AND v.proposal_id = w.proposal_id
    WHERE v.accepted AND (v.height > w.ends OR v.choice NOT IN (1, 2, 3))`);
  return rows.map((r) => ({
    chainNetworkId: r.chain_network_id,
    proposalId: r.proposal_id,
    kind: r.kind,
    voter: r.voter,
    choice: Number(r.choice),
    height: Number(r.height),
    position: Number(r.position),
    transactionId: r.transaction_id,
    firstHeight: Number(r.first_height),
    firstPosition: Number(r.first_position),
  }));
}

/** Every governor set and committee observed on these chain-networks, oldest first. */
export async function validatorSetsOf(db: Database, chainNetworkIds: string[]) {
  if (chainNetworkIds.length === 0) return [];
  return db
    .select()
    .from(validatorSets)
    .where(inArray(validatorSets.chainNetworkId, chainNetworkIds))
    .orderBy(asc(validatorSets.chainNetworkId), asc(validatorSets.height));
}

/** The blocks at these (chain-network, height) pairs that are indexed, in one query. */
export async function blocksAtHeights(
  db: Database,
  wanted: { chainNetworkId: string; height: number }[],
): Promise<{ chainNetworkId: string; height: number; timestamp: number }[]> {
  if (wanted.length === 0) return [];
  const rows = await db.execute<{
    chain_network_id: string;
    height: number;
    timestamp: string;
  }>(sql`
    SELECT b.chain_network_id, b.height, b.timestamp FROM blocks b
    JOIN unnest(
      ${sql.param(wanted.map((w) => w.chainNetworkId))}::text[],
      ${sql.param(wanted.map((w) => w.height))}::int[]
    ) AS w(chain_network_id, height)
      ON b.chain_network_id = w.chain_network_id AND b.height = w.height`);
  return rows.map((r) => ({
    chainNetworkId: r.chain_network_id,
    height: Number(r.height),
    timestamp: Number(r.timestamp),
  }));
}
