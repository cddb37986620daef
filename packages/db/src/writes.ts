import { and, eq, gt, sql } from 'drizzle-orm';
import { clearAlerts, type Queryable } from './alerts';
import type { Database } from './client';
import { indexedPayload } from './notify';
import {
  blocks,
  chainNetworks,
  checkpoints,
  indexPauses,
  nodes,
  type OnchainCounters,
  proposals,
  validatorSets,
  votes,
} from './schema';
import { type Fence, fenceWrite } from './writer-lease';

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

const batchHooks = new WeakMap<Database, (tx: Queryable, batch: IndexedBatch) => Promise<void>>();

/**
 * Runs `hook` inside every `writeBatch` transaction on `db`, after the batch's rows: the
 * alerts a batch raises commit with it, and the followers need not know about them.
 */
export function onEveryBatch(
  db: Database,
  hook: (tx: Queryable, batch: IndexedBatch) => Promise<void>,
): void {
  batchHooks.set(db, hook);
}

/**
 * Writes a batch and moves the checkpoint in one transaction: after a crash the indexer
 * resumes from a checkpoint that matches exactly what is stored. Re-writing a batch is
 * harmless (every insert is idempotent), so an interrupted step can simply be retried.
 * With a fence, the transaction first renews the writer's lease and checks that the
 * checkpoint is still the one the batch was built on (see `fenceWrite`).
 */
export async function writeBatch(db: Database, batch: IndexedBatch, fence?: Fence): Promise<void> {
  const id = batch.chainNetworkId;
  await db.transaction(async (tx) => {
    if (fence) await fenceWrite(tx, id, fence);
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
    await batchHooks.get(db)?.(tx, batch);
    await tx.execute(sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${indexedPayload(batch)})`);
  });
}

export type RewindResult = {
  blocks: number;
  votes: number;
  proposals: number;
  validatorSets: number;
  countersCleared: number;
  checkpoint: { height: number; blockHash: string } | undefined;
  unpaused: boolean;
};

/**
 * The explicit way back (`ratify index rewind`): removes every row above `height` for one
 * chain-network (blocks, votes, proposals, validator sets, counters read above it) and moves
 * the checkpoint to `height`, in one transaction; clears a pause, so indexing resumes from
 * there. Nothing calls this by itself: blocks are final, a mismatch is a fault to look at.
 */
export async function rewindTo(
  db: Database,
  chainNetworkId: string,
  height: number,
): Promise<RewindResult> {
  return db.transaction(async (tx) => {
    // Taken first: a writer's fenced transaction waits for this one and then sees the moved checkpoint.
    await tx
      .select({ h: checkpoints.height })
      .from(checkpoints)
      .where(eq(checkpoints.chainNetworkId, chainNetworkId))
      .for('update');
    const count = (rows: unknown[]) => rows.length;
    const removedBlocks = await tx
      .delete(blocks)
      .where(and(eq(blocks.chainNetworkId, chainNetworkId), gt(blocks.height, height)))
      .returning({ h: blocks.height });
    const removedVotes = await tx
      .delete(votes)
      .where(and(eq(votes.chainNetworkId, chainNetworkId), gt(votes.height, height)))
      .returning({ h: votes.height });
    const removedProposals = await tx
      .delete(proposals)
      .where(
        and(eq(proposals.chainNetworkId, chainNetworkId), gt(proposals.createdAtHeight, height)),
      )
      .returning({ id: proposals.proposalId });
    const removedSets = await tx
      .delete(validatorSets)
      .where(
        and(eq(validatorSets.chainNetworkId, chainNetworkId), gt(validatorSets.height, height)),
      )
      .returning({ h: validatorSets.height });
    // Counters read above the new height describe a state the index no longer has.
    const cleared = await tx
      .update(proposals)
      .set({ onchainCounters: null, onchainReadHeight: null })
      .where(
        and(eq(proposals.chainNetworkId, chainNetworkId), gt(proposals.onchainReadHeight, height)),
      )
      .returning({ id: proposals.proposalId });
    const [kept] = await tx
      .select({ hash: blocks.hash })
      .from(blocks)
      .where(and(eq(blocks.chainNetworkId, chainNetworkId), eq(blocks.height, height)));
    let checkpoint: RewindResult['checkpoint'];
    if (kept) {
      checkpoint = { height, blockHash: kept.hash };
      await tx
        .update(checkpoints)
        .set({ ...checkpoint, updatedAt: sql`now()` })
        .where(eq(checkpoints.chainNetworkId, chainNetworkId));
    } else {
      await tx.delete(checkpoints).where(eq(checkpoints.chainNetworkId, chainNetworkId));
    }
    const unpaused = await tx
      .delete(indexPauses)
      .where(eq(indexPauses.chainNetworkId, chainNetworkId))
      .returning({ id: indexPauses.chainNetworkId });
    if (unpaused.length > 0) await clearAlerts(tx, { kind: 'index_paused', chainNetworkId });
    await tx.execute(
      // Everything above the height changed: every view of this chain-network is stale.
      sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify({ c: chainNetworkId, h: Math.max(0, checkpoint?.height ?? 0), p: 'many' })})`,
    );
    return {
      blocks: count(removedBlocks),
      votes: count(removedVotes),
      proposals: count(removedProposals),
      validatorSets: count(removedSets),
      countersCleared: count(cleared),
      checkpoint,
      unpaused: unpaused.length > 0,
    };
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
