import { BaseError } from '@ratify/aleo';
import { eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { checkpoints, indexPauses, writerLeases } from './schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What a writer proves in each write transaction: who it is, and where it left the index. */
export type Fence = {
  /** Unique per follower process and node, e.g. `host:pid:node-url`. */
  holder: string;
  leaseSeconds: number;
  /** The checkpoint the batch was built on; undefined for the first batch of a chain-network. */
  expected: { height: number; blockHash: string } | undefined;
};

export type FenceReason = 'lease_held' | 'checkpoint_moved' | 'paused';

/**
 * A write that must not happen: another writer holds the lease, the checkpoint moved under
 * this writer (a rewind, or a writer that took over), or the chain-network is paused. The
 * transaction is rolled back; the follower re-reads its position or becomes a standby.
 */
export class FencedWriteError extends BaseError {
  override name = 'FencedWriteError';
  constructor(
    readonly reason: FenceReason,
    readonly chainNetworkId: string,
    detail: string,
  ) {
    // Retryable: the follower re-reads its position (or stands by) and goes on.
    super(`write to ${chainNetworkId} refused`, { details: detail, retryable: true });
  }
}

/**
 * Takes or renews the writer lease in the current transaction. The upsert locks the lease
 * row until commit, so two writers of one chain-network never overlap, and no connection
 * is held between transactions (a lost connection loses nothing but the transaction).
 */
export async function holdLease(
  tx: Tx | Database,
  chainNetworkId: string,
  holder: string,
  leaseSeconds: number,
): Promise<{ held: boolean; holder: string; expiresAt: Date }> {
  const rows = await tx.execute<{ holder: string; expires_at: Date }>(sql`
    INSERT INTO ${writerLeases} (chain_network_id, holder, expires_at)
    VALUES (${chainNetworkId}, ${holder}, now() + make_interval(secs => ${leaseSeconds}))
    ON CONFLICT (chain_network_id) DO UPDATE
      SET holder = EXCLUDED.holder,
          expires_at = EXCLUDED.expires_at,
          acquired_at = CASE WHEN ${writerLeases}.holder = EXCLUDED.holder
                             THEN ${writerLeases}.acquired_at ELSE now() END
      WHERE ${writerLeases}.holder = EXCLUDED.holder OR ${writerLeases}.expires_at < now()
    RETURNING holder, expires_at`);
  const [row] = rows;
  if (row) return { held: true, holder: row.holder, expiresAt: new Date(row.expires_at) };
  const [current] = await tx
    .select({ holder: writerLeases.holder, expiresAt: writerLeases.expiresAt })
    .from(writerLeases)
    .where(eq(writerLeases.chainNetworkId, chainNetworkId));
  return {
    held: false,
    holder: current?.holder ?? '',
    expiresAt: current?.expiresAt ?? new Date(0),
  };
}

/** Gives the lease up at a clean stop, so a standby takes over at once instead of after expiry. */
export async function releaseLease(db: Database, chainNetworkId: string, holder: string) {
  await db.execute(sql`
    DELETE FROM ${writerLeases}
    WHERE chain_network_id = ${chainNetworkId} AND holder = ${holder}`);
}

/** Inside a write transaction: the lease, the pause and the checkpoint, or a FencedWriteError. */
export async function fenceWrite(tx: Tx, chainNetworkId: string, fence: Fence): Promise<void> {
  const lease = await holdLease(tx, chainNetworkId, fence.holder, fence.leaseSeconds);
  if (!lease.held) {
    throw new FencedWriteError(
      'lease_held',
      chainNetworkId,
      `the writer lease is held by ${lease.holder}`,
    );
  }
  const [pause] = await tx
    .select({ reason: indexPauses.reason })
    .from(indexPauses)
    .where(eq(indexPauses.chainNetworkId, chainNetworkId));
  if (pause)
    throw new FencedWriteError('paused', chainNetworkId, `indexing is paused (${pause.reason})`);
  const [stored] = await tx
    .select({ height: checkpoints.height, blockHash: checkpoints.blockHash })
    .from(checkpoints)
    .where(eq(checkpoints.chainNetworkId, chainNetworkId))
    .for('update');
  const same =
    stored === undefined
      ? fence.expected === undefined
      : fence.expected !== undefined &&
        stored.height === fence.expected.height &&
        stored.blockHash === fence.expected.blockHash;
  if (!same) {
    const at = (c?: { height: number }) => (c ? `height ${c.height}` : 'nothing');
    throw new FencedWriteError(
      'checkpoint_moved',
      chainNetworkId,
      `the checkpoint is at ${at(stored)}, this batch was built on ${at(fence.expected)}`,
    );
  }
}

export type PauseRecord = typeof indexPauses.$inferSelect;

/** Records that a chain-network cannot be followed any further; the writer's lease is checked. */
export async function pauseChainNetwork(
  db: Database,
  pause: Omit<typeof indexPauses.$inferInsert, 'pausedAt'>,
  fence: Pick<Fence, 'holder' | 'leaseSeconds'>,
  inTransaction?: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lease = await holdLease(tx, pause.chainNetworkId, fence.holder, fence.leaseSeconds);
    if (!lease.held) return false;
    const inserted = await tx
      .insert(indexPauses)
      .values(pause)
      .onConflictDoNothing()
      .returning({ id: indexPauses.chainNetworkId });
    if (inserted.length > 0) await inTransaction?.(tx);
    return inserted.length > 0;
  });
}

export async function readPause(
  db: Database,
  chainNetworkId: string,
): Promise<PauseRecord | undefined> {
  const [row] = await db
    .select()
    .from(indexPauses)
    .where(eq(indexPauses.chainNetworkId, chainNetworkId));
  return row;
}

export async function listPauses(db: Database): Promise<PauseRecord[]> {
  return db.select().from(indexPauses);
}
