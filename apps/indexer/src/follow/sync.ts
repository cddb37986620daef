import type { Block, NodeClient } from '@ratify/aleo';

/**
 * Stage 3, fetching: ranges of blocks, with the next range already on its way while the
 * current one is written (only while syncing), so the node and the database work in parallel.
 */
export function createBlockSource(client: NodeClient, signal: AbortSignal) {
  let pending: { start: number; end: number; blocks: Promise<Block[]> } | undefined;

  function prefetch(start: number, end: number) {
    const blocks = client.blocks(start, end, { signal });
    blocks.catch(() => {}); // a failed prefetch is simply fetched again
    pending = { start, end, blocks };
  }

  /** Blocks `start..end-1`, from the prefetch when it asked for exactly that range. */
  async function take(start: number, end: number): Promise<Block[]> {
    const ahead = pending;
    pending = undefined;
    if (ahead && ahead.start === start && ahead.end === end) {
      try {
        return await ahead.blocks;
      } catch {
        // fall through to a fresh request
      }
    }
    return client.blocks(start, end, { signal });
  }

  return {
    take,
    prefetch,
    /** Forgets a prefetch (after a failure or a change of position). */
    reset: () => {
      pending = undefined;
    },
  };
}

export type Discontinuity = { height: number; expected: string; found: string };

/**
 * Stage 3, continuity: every fetched block must name the one before it. AleoBFT blocks are
 * final, so a block that does not link is a fault or another chain, never a reorg to follow.
 */
export function findDiscontinuity(
  previousHash: string | undefined,
  fetched: Block[],
  firstHeight: number,
): Discontinuity | undefined {
  let expected = previousHash;
  for (const [i, block] of fetched.entries()) {
    const height = Number(block.header.metadata.height);
    if (height !== firstHeight + i) {
      return {
        height: firstHeight + i,
        expected: `block ${firstHeight + i}`,
        found: `block ${height}`,
      };
    }
    if (expected !== undefined && block.previous_hash !== expected) {
      return { height, expected, found: block.previous_hash };
    }
    expected = block.block_hash;
  }
  return undefined;
}
