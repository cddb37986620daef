import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from './alerts';
import type { Database } from './client';
import { indexedPayload } from './notify';
import {
  blocks,
  chainNetworks,
  checkpoints,
  nodes,
  type OnchainCounters,
  proposals,
  validatorSets,
  votes,
} from './schema';

export type BlockRow = typeof blocks.$inferInsert;
export type ProposalRow = typeof proposals.$inferInsert;
export type VoteRow = typeof votes.$inferInsert;
export type ChainNetworkRow = typeof chainNetworks.$inferInsert;

/** Everything one step of a follower learned; written atomically with its checkpoint. */
export type IndexedBatch = {
  chainNetworkId: string;
  blocks: BlockRow[];
  proposals: ProposalRow[];
  votes: VoteRow[];
  validatorSet?: {
    height: number;
    governors: string[];
    committee: { address: string; stake: string }[];
  };
  onchainCounters: { proposalId: string; counters: OnchainCounters; height: number }[];
  checkpoint: { height: number; blockHash: string };
};

/** The channel the web servers LISTEN on to push fresh data to browsers. */
export const NOTIFY_CHANNEL = 'ratify_indexed';

export async function upsertChainNetwork(db: Database, row: ChainNetworkRow): Promise<void> {
  await db.insert(chainNetworks).values(row).onConflictDoNothing();
}

export async function readCheckpoint(
  db: Database,
  chainNetworkId: string,
): Promise<{ height: number; blockHash: string } | undefined> {
  const [row] = await db
    .select({ height: checkpoints.height, blockHash: checkpoints.blockHash })
    .from(checkpoints)
    .where(eq(checkpoints.chainNetworkId, chainNetworkId));
  return row;
}

const batchHooks = new WeakMap<Database, (tx: Queryable) => Promise<void>>();

/**
 * Runs `hook` inside every `writeBatch` transaction on `db`, after the batch's rows: the
 * alerts a batch raises commit with it, and the followers need not know about them.
 */
export function onEveryBatch(db: Database, hook: (tx: Queryable) => Promise<void>): void {
  batchHooks.set(db, hook);
}

/**
 * Writes a batch and moves the checkpoint in one transaction: after a crash the indexer
 * resumes from a checkpoint that matches exactly what is stored. Re-writing a batch is
 * harmless (every insert is idempotent), so an interrupted step can simply be retried.
 */
export async function writeBatch(db: Database, batch: IndexedBatch): Promise<void> {
  const id = batch.chainNetworkId;
  await db.transaction(async (tx) => {
    if (batch.blocks.length > 0) await tx.insert(blocks).values(batch.blocks).onConflictDoNothing();
    if (batch.proposals.length > 0)
      await tx.insert(proposals).values(batch.proposals).onConflictDoNothing();
    if (batch.votes.length > 0) await tx.insert(votes).values(batch.votes).onConflictDoNothing();
    if (batch.validatorSet) {
      await tx
        .insert(validatorSets)
        .values({ chainNetworkId: id, ...batch.validatorSet })
        .onConflictDoNothing();
    }
    for (const c of batch.onchainCounters) {
      await tx
        .update(proposals)
        .set({ onchainCounters: c.counters, onchainReadHeight: c.height })
        .where(and(eq(proposals.chainNetworkId, id), eq(proposals.proposalId, c.proposalId)));
    }
    await tx
      .insert(checkpoints)
      .values({ chainNetworkId: id, ...batch.checkpoint })
      .onConflictDoUpdate({
        target: checkpoints.chainNetworkId,
        set: { ...batch.checkpoint, updatedAt: sql`now()` },
      });
    await batchHooks.get(db)?.(tx);
    await tx.execute(sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${indexedPayload(batch)})`);
  });
}

/** After a node reset or a reorg: forget everything above `height` so it is indexed again. */
export async function rewindTo(
  db: Database,
  chainNetworkId: string,
  height: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`DELETE FROM ${blocks} WHERE ${blocks.chainNetworkId} = ${chainNetworkId} AND ${blocks.height} > ${height}`,
    );
    await tx.execute(
      sql`DELETE FROM ${votes} WHERE ${votes.chainNetworkId} = ${chainNetworkId} AND ${votes.height} > ${height}`,
    );
    await tx.execute(
      sql`DELETE FROM ${proposals} WHERE ${proposals.chainNetworkId} = ${chainNetworkId} AND ${proposals.createdAtHeight} > ${height}`,
    );
    const [kept] = await tx
      .select({ hash: blocks.hash })
      .from(blocks)
      .where(and(eq(blocks.chainNetworkId, chainNetworkId), eq(blocks.height, height)));
    if (kept) {
      await tx
        .update(checkpoints)
        .set({ height, blockHash: kept.hash, updatedAt: sql`now()` })
        .where(eq(checkpoints.chainNetworkId, chainNetworkId));
    } else {
      await tx.delete(checkpoints).where(eq(checkpoints.chainNetworkId, chainNetworkId));
    }
  });
}

export async function recordNodeStatus(
  db: Database,
  row: { url: string; chain: string; chainNetworkId?: string; headHeight?: number; error?: string },
): Promise<void> {
  const ok = row.error === undefined;
  await db
    .insert(nodes)
    .values({
      url: row.url,
      chain: row.chain,
      chainNetworkId: row.chainNetworkId,
      headHeight: row.headHeight,
      lastOkAt: ok ? new Date() : undefined,
      lastError: row.error ?? null,
    })
    .onConflictDoUpdate({
      target: nodes.url,
      set: {
        chainNetworkId: row.chainNetworkId,
        ...(row.headHeight !== undefined ? { headHeight: row.headHeight } : {}),
        ...(ok ? { lastOkAt: new Date() } : {}),
        lastError: row.error ?? null,
        updatedAt: new Date(),
      },
    });
}
