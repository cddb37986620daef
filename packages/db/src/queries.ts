import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from './client';
import { blocks, chainNetworks, checkpoints, nodes, proposals, validatorSets, votes } from './schema';

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

export async function votesForProposal(db: Database, chainNetworkId: string, proposalId: string) {
  return db
    .select()
    .from(votes)
    .where(and(eq(votes.chainNetworkId, chainNetworkId), eq(votes.proposalId, proposalId)))
    .orderBy(asc(votes.height), asc(votes.position));
}

/** The latest governor set and committee observed at or below `height`. */
export async function validatorSetAt(db: Database, chainNetworkId: string, height: number) {
  const [row] = await db
    .select()
    .from(validatorSets)
    .where(and(eq(validatorSets.chainNetworkId, chainNetworkId), lte(validatorSets.height, height)))
    .orderBy(desc(validatorSets.height))
    .limit(1);
  return row;
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
      lastBlockTimestamp: sql<number | null>`(
        SELECT max(${blocks.timestamp}) FROM ${blocks}
        WHERE ${blocks.chainNetworkId} = ${chainNetworks.id})`.mapWith(Number),
    })
    .from(chainNetworks)
    .leftJoin(checkpoints, eq(checkpoints.chainNetworkId, chainNetworks.id))
    .orderBy(asc(chainNetworks.firstSeenAt));
}

export async function listNodes(db: Database) {
  return db.select().from(nodes).orderBy(asc(nodes.url));
}
