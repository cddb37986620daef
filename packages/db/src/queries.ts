import { and, arrayOverlaps, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from './client';
import {
  blocks,
  chainNetworks,
  checkpoints,
  nodes,
  proposals,
  validatorSets,
  votes,
} from './schema';

export type ProposalRecord = typeof proposals.$inferSelect;
export type VoteRecord = typeof votes.$inferSelect;
export type ValidatorSetRecord = typeof validatorSets.$inferSelect;
export type ChainNetworkRecord = typeof chainNetworks.$inferSelect;

export async function listProposals(db: Database) {
  return db
    .select({ proposal: proposals, chain: chainNetworks.chain, networkId: chainNetworks.networkId })
    .from(proposals)
    .innerJoin(chainNetworks, eq(chainNetworks.id, proposals.chainNetworkId))
    .orderBy(desc(proposals.createdAtHeight));
}

export async function findProposal(db: Database, chainNetworkId: string, proposalId: string) {
  const [row] = await db
    .select({ proposal: proposals, chain: chainNetworks.chain, networkId: chainNetworks.networkId })
    .from(proposals)
    .innerJoin(chainNetworks, eq(chainNetworks.id, proposals.chainNetworkId))
    .where(and(eq(proposals.chainNetworkId, chainNetworkId), eq(proposals.proposalId, proposalId)));
  return row;
}

/** Proposal ids are unique per chain-network; the public URL uses the id alone when unambiguous. */
export async function findProposalsById(db: Database, proposalId: string) {
  return db
    .select({ proposal: proposals, chain: chainNetworks.chain, networkId: chainNetworks.networkId })
    .from(proposals)
    .innerJoin(chainNetworks, eq(chainNetworks.id, proposals.chainNetworkId))
    .where(eq(proposals.proposalId, proposalId))
    .orderBy(asc(proposals.createdAtHeight));
}

/** The height of each proposal's latest accepted vote, one row per proposal that has one. */
export async function latestAcceptedVoteHeights(db: Database) {
  return db
    .select({
      chainNetworkId: votes.chainNetworkId,
      proposalId: votes.proposalId,
      height: sql<number>`max(${votes.height})`.mapWith(Number),
    })
    .from(votes)
    .where(eq(votes.accepted, true))
    .groupBy(votes.chainNetworkId, votes.proposalId);
}

export async function votesForProposal(db: Database, chainNetworkId: string, proposalId: string) {
  return db
    .select()
    .from(votes)
    .where(and(eq(votes.chainNetworkId, chainNetworkId), eq(votes.proposalId, proposalId)))
    .orderBy(asc(votes.height), asc(votes.position));
}

/**
 * The governor set and committee in force at `height`: the latest observed at or below it.
 * The node only reports the current set, so for heights before the indexer's first
 * observation the earliest observation stands in.
 */
export async function validatorSetAt(db: Database, chainNetworkId: string, height: number) {
  const [atOrBelow] = await db
    .select()
    .from(validatorSets)
    .where(and(eq(validatorSets.chainNetworkId, chainNetworkId), lte(validatorSets.height, height)))
    .orderBy(desc(validatorSets.height))
    .limit(1);
  if (atOrBelow) return atOrBelow;
  const [earliest] = await db
    .select()
    .from(validatorSets)
    .where(eq(validatorSets.chainNetworkId, chainNetworkId))
    .orderBy(asc(validatorSets.height))
    .limit(1);
  return earliest;
}

export async function latestValidatorSet(db: Database, chainNetworkId: string) {
  return validatorSetAt(db, chainNetworkId, 2 ** 31 - 1);
}

export async function indexedHeight(db: Database, chainNetworkId: string) {
  const [row] = await db
    .select({ height: checkpoints.height })
    .from(checkpoints)
    .where(eq(checkpoints.chainNetworkId, chainNetworkId));
  return row?.height;
}

/** The most recent block timestamps, newest first, for countdowns and stall detection. */
export async function recentBlocks(db: Database, chainNetworkId: string, limit = 100) {
  return db
    .select({
      height: blocks.height,
      hash: blocks.hash,
      timestamp: blocks.timestamp,
      leader: blocks.leader,
      authors: blocks.authors,
      transactionCount: blocks.transactionCount,
    })
    .from(blocks)
    .where(eq(blocks.chainNetworkId, chainNetworkId))
    .orderBy(desc(blocks.height))
    .limit(limit);
}

export async function listChainNetworks(db: Database) {
  return db
    .select({
      network: chainNetworks,
      indexedHeight: checkpoints.height,
      indexedAt: checkpoints.updatedAt,
      // The newest block's time (timestamps only go up): one step down the primary key,
      // where max(timestamp) would read every block of the chain.
      lastBlockTimestamp: sql<number | null>`(
        SELECT ${blocks.timestamp} FROM ${blocks}
        WHERE ${blocks.chainNetworkId} = ${chainNetworks.id}
        ORDER BY ${blocks.height} DESC LIMIT 1)`.mapWith(Number),
    })
    .from(chainNetworks)
    .leftJoin(checkpoints, eq(checkpoints.chainNetworkId, chainNetworks.id))
    .orderBy(asc(chainNetworks.firstSeenAt));
}

export async function listNodes(db: Database) {
  return db.select().from(nodes).orderBy(asc(nodes.url));
}

/**
 * Proposals whose on-chain counters were never read, or were read before their latest vote:
 * the indexer reads them again from the mapping once it is caught up with the node.
 */
export async function proposalsWithStaleCounters(
  db: Database,
  chainNetworkId: string,
): Promise<string[]> {
  const rows = await db.execute<{ proposal_id: string }>(sql`
    SELECT p.proposal_id FROM ${proposals} p
    WHERE p.chain_network_id = ${chainNetworkId}
      AND (p.onchain_read_height IS NULL OR p.onchain_read_height < COALESCE(
        (SELECT max(v.height) FROM ${votes} v
          WHERE v.chain_network_id = p.chain_network_id AND v.proposal_id = p.proposal_id), 0))`);
  return rows.map((r) => r.proposal_id);
}

export async function blockAt(db: Database, chainNetworkId: string, height: number) {
  const [row] = await db
    .select({ height: blocks.height, hash: blocks.hash, timestamp: blocks.timestamp })
    .from(blocks)
    .where(and(eq(blocks.chainNetworkId, chainNetworkId), eq(blocks.height, height)));
  return row;
}

export type ChainNetworkIndexStatus = {
  id: string;
  chain: string;
  networkId: number;
  genesisHash: string;
  checkpoint: { height: number; blockHash: string } | null;
  blocks: number;
  proposals: number;
  votes: number;
  pause: { reason: string; height: number; detail: string } | null;
  writer: { holder: string; expiresAt: Date } | null;
};

/** Per chain-network: where the index stands and what it holds (`ratify db status`). */
export async function indexStatus(db: Database): Promise<ChainNetworkIndexStatus[]> {
  const rows = await db.execute<{
    id: string;
    chain: string;
    network_id: number;
    genesis_hash: string;
    height: number | null;
    block_hash: string | null;
    blocks: string;
    proposals: string;
    votes: string;
    pause_reason: string | null;
    pause_height: number | null;
    pause_detail: string | null;
    holder: string | null;
    expires_at: Date | null;
  }>(sql`
    SELECT cn.id, cn.chain, cn.network_id, cn.genesis_hash, c.height, c.block_hash,
      (SELECT count(*) FROM blocks b WHERE b.chain_network_id = cn.id) AS blocks,
      (SELECT count(*) FROM proposals p WHERE p.chain_network_id = cn.id) AS proposals,
      (SELECT count(*) FROM votes v WHERE v.chain_network_id = cn.id) AS votes,
      ip.reason AS pause_reason, ip.height AS pause_height, ip.detail AS pause_detail,
      wl.holder, wl.expires_at
    FROM chain_networks cn
    LEFT JOIN checkpoints c ON c.chain_network_id = cn.id
    LEFT JOIN index_pauses ip ON ip.chain_network_id = cn.id
    LEFT JOIN writer_leases wl ON wl.chain_network_id = cn.id
    ORDER BY cn.first_seen_at, cn.id`);
  return rows.map((r) => ({
    id: r.id,
    chain: r.chain,
    networkId: Number(r.network_id),
    genesisHash: r.genesis_hash,
    checkpoint:
      r.height === null ? null : { height: Number(r.height), blockHash: r.block_hash ?? '' },
    blocks: Number(r.blocks),
    proposals: Number(r.proposals),
    votes: Number(r.votes),
    pause:
      r.pause_reason === null
        ? null
        : { reason: r.pause_reason, height: Number(r.pause_height), detail: r.pause_detail ?? '' },
    writer: r.holder === null ? null : { holder: r.holder, expiresAt: new Date(r.expires_at ?? 0) },
  }));
}

/** Every chain-network's indexed height and when it last moved: what read-model caches key on. */
export async function indexedHeights(db: Database) {
  return db
    .select({
      chainNetworkId: checkpoints.chainNetworkId,
      height: checkpoints.height,
      updatedAt: checkpoints.updatedAt,
    })
    .from(checkpoints);
}

/** Every vote one address cast, on every chain-network, oldest first (`votes_by_voter`). */
export async function votesByVoter(db: Database, voter: string) {
  return db
    .select()
    .from(votes)
    .where(eq(votes.voter, voter))
    .orderBy(asc(votes.height), asc(votes.position));
}

/**
 * Every observed validator set, oldest first per chain-network. A row is written only when a
 * set changes, so this stays small; a validator's role and stake over time are read from it.
 */
export async function validatorSetHistory(db: Database) {
  return db
    .select()
    .from(validatorSets)
    .orderBy(asc(validatorSets.chainNetworkId), asc(validatorSets.height));
}

export type AuthoringCount = {
  chainNetworkId: string;
  blocks: number;
  firstHeight: number;
  lastHeight: number;
};

/**
 * Per chain-network, the blocks a validator led and the blocks carrying a certificate it
 * authored. `addresses` are the same key under each chain's prefix (`blocks_by_leader`,
 * `blocks_by_author`).
 */
export async function authoringBy(
  db: Database,
  addresses: string[],
): Promise<{ led: AuthoringCount[]; authored: AuthoringCount[] }> {
  const columns = {
    chainNetworkId: blocks.chainNetworkId,
    blocks: sql<number>`count(*)`.mapWith(Number),
    firstHeight: sql<number>`min(${blocks.height})`.mapWith(Number),
    lastHeight: sql<number>`max(${blocks.height})`.mapWith(Number),
  };
  const [led, authored] = await Promise.all([
    db
      .select(columns)
      .from(blocks)
      .where(inArray(blocks.leader, addresses))
      .groupBy(blocks.chainNetworkId),
    db
      .select(columns)
      .from(blocks)
      .where(arrayOverlaps(blocks.authors, addresses))
      .groupBy(blocks.chainNetworkId),
  ]);
  return { led, authored };
}
