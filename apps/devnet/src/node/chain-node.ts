import { type ExecuteTransaction, verifyExecuteAuthorization } from '@ratify/wallet';
import { buildBlock } from '../chain/block-builder';
import { idOf } from '../chain/ids';
import type { Block, ChainName, Committee, ConfirmedTransaction } from '../chain/types';
import { createProgram, PROGRAM_ID, type Program } from '../program/credits-alpha';

/** Upstream limits (spec section 2). */
export const MAX_TRANSACTION_BYTES = 128_000;
export const MAX_BLOCKS_BEHIND = 10;
const MAX_TRANSACTIONS_PER_BLOCK = 1_000;

export type BroadcastResult =
  | { ok: true; id: string }
  | { ok: false; kind: 'invalid' | 'unavailable' | 'conflict'; message: string };

export type TransactionEvent = {
  chain: ChainName;
  network: string;
  height: number;
  id: string;
  function: string;
  caller: string;
  status: 'accepted' | 'rejected' | 'aborted';
  reason?: string;
};

export type ChainNodeOptions = {
  chain: ChainName;
  networkId: number;
  networkName: string;
  hrp: string;
  genesis: Block;
  governors: string[];
  counterDrift?: boolean;
  onTransaction?: (event: TransactionEvent) => void;
};

type Located = { height: number; index: number };

/**
 * One chain-network as its validators agree on it: the ledger, the mempool and the
 * program. Who authors blocks (and so whether there is a quorum) is set by the devnet.
 */
export function createChainNode(o: ChainNodeOptions) {
  const genesisRatification = o.genesis.ratifications[0];
  if (genesisRatification?.type !== 'genesis')
    throw new Error('genesis block without a genesis ratification');
  const committee: Committee = genesisRatification.committee;
  const stakeOf = new Map(Object.entries(committee.members).map(([a, [s]]) => [a, BigInt(s)]));
  const totalStake = BigInt(committee.total_stake);

  const blocks: Block[] = [o.genesis];
  const heightByHash = new Map<string, number>([[o.genesis.block_hash, 0]]);
  const located = new Map<string, Located>();
  const originals = new Map<string, ExecuteTransaction>();
  const mempool: { tx: ExecuteTransaction; caller: string; expires: number }[] = [];
  const usedSignatures = new Set<string>();
  const serialized = new Map<number, string>();
  const program: Program = createProgram({
    networkId: o.networkId,
    hrp: o.hrp,
    governors: o.governors,
    committee: [...stakeOf].map(([address, stake]) => ({ address, stake })),
    balances: new Map(
      Object.entries(genesisRatification.public_balances).map(([a, b]) => [a, BigInt(b)]),
    ),
    counterDrift: o.counterDrift,
  });
  let authors: string[] = Object.keys(committee.members);
  let lag = 0;

  const tip = () => blocks[blocks.length - 1] as Block;

  const node = {
    chain: o.chain,
    networkId: o.networkId,
    networkName: o.networkName,
    hrp: o.hrp,
    program,
    committee,
    genesis: o.genesis,
    /** Blocks the node serves; a lag (the reset fault) hides the newest ones. */
    height: () => Math.max(0, blocks.length - 1 - lag),
    realHeight: () => blocks.length - 1,
    block: (height: number): Block | undefined =>
      height <= node.height() ? blocks[height] : undefined,
    heightOf: (hash: string): number | undefined => {
      const h = heightByHash.get(hash);
      return h !== undefined && h <= node.height() ? h : undefined;
    },
    /** Pretty JSON of a block, cached: blocks never change once made. */
    serializedBlock(height: number, render: (b: Block) => string): string | undefined {
      const b = node.block(height);
      if (!b) return undefined;
      let s = serialized.get(height);
      if (s === undefined) {
        s = render(b);
        if (serialized.size > 20_000) serialized.clear();
        serialized.set(height, s);
      }
      return s;
    },
    confirmed(id: string): { height: number; confirmed: ConfirmedTransaction } | undefined {
      const at = located.get(id);
      if (!at || at.height > node.height()) return undefined;
      const confirmed = blocks[at.height]?.transactions[at.index];
      return confirmed ? { height: at.height, confirmed } : undefined;
    },
    /** The transaction under `id`: the broadcast execution for its own id, else the stored one. */
    transaction(id: string) {
      const c = node.confirmed(id);
      if (!c) return undefined;
      return originals.get(id) ?? c.confirmed.transaction;
    },
    authors: () => [...authors],
    setAuthors(next: string[]) {
      authors = Object.keys(committee.members).filter((a) => next.includes(a));
      // A validator outside the genesis committee (a late joiner) authors after the members.
      for (const a of next) if (!authors.includes(a)) authors.push(a);
    },
    /** More than 2/3 of the committee's stake must author for AleoBFT to commit. */
    hasQuorum: () =>
      authors.reduce((s, a) => s + (stakeOf.get(a) ?? 0n), 0n) * 3n > totalStake * 2n,
    setLag(blocksBehind: number) {
      lag = Math.max(0, Math.min(blocksBehind, blocks.length - 1));
    },
    lag: () => lag,
    mempoolSize: () => mempool.length,

    /** The path of `POST /transaction/broadcast` after the body is parsed. */
    broadcast(body: unknown, bodyBytes?: number): BroadcastResult {
      if (lag > MAX_BLOCKS_BEHIND) {
        return {
          ok: false,
          kind: 'unavailable',
          message: `Unable to broadcast the transaction: the node is ${lag} blocks behind`,
        };
      }
      const size = bodyBytes ?? JSON.stringify(body).length;
      if (size > MAX_TRANSACTION_BYTES) {
        return {
          ok: false,
          kind: 'invalid',
          message: `Transaction size ${size} exceeds the byte limit (${MAX_TRANSACTION_BYTES})`,
        };
      }
      const verified = verifyExecuteAuthorization(body, {
        chain: o.chain,
        networkId: o.networkId,
        hrp: o.hrp,
        currentHeight: node.realHeight() + 1,
      });
      if (!verified.ok)
        return { ok: false, kind: 'invalid', message: `Invalid transaction: ${verified.reason}` };
      const tx = verified.transaction;
      const transition = tx.execution.transitions[0];
      if (transition?.program !== PROGRAM_ID || !program.hasFunction(transition.function)) {
        return {
          ok: false,
          kind: 'invalid',
          message: `Invalid transaction: unknown function ${transition?.program}/${transition?.function}`,
        };
      }
      if (located.has(tx.id) || mempool.some((m) => m.tx.id === tx.id)) {
        return {
          ok: false,
          kind: 'conflict',
          message: `Transaction '${tx.id}' already exists in the ledger`,
        };
      }
      if (usedSignatures.has(verified.signature)) {
        return {
          ok: false,
          kind: 'conflict',
          message: 'Invalid transaction: this authorization was already used (replay)',
        };
      }
      usedSignatures.add(verified.signature);
      mempool.push({
        tx,
        caller: verified.caller,
        expires: tx.execution.authorization.expires_at_height,
      });
      return { ok: true, id: tx.id };
    },

    /** Commits the next block from the mempool. */
    produce(timestamp: number): Block {
      const height = blocks.length;
      const batch = mempool.splice(0, MAX_TRANSACTIONS_PER_BLOCK);
      const transactions: ConfirmedTransaction[] = [];
      const transmissionTxIds: string[] = [];
      const aborted: string[] = [];
      for (const { tx, caller, expires } of batch) {
        const fn = tx.execution.transitions[0]?.function ?? '';
        const report = (status: TransactionEvent['status'], reason?: string) =>
          o.onTransaction?.({
            chain: o.chain,
            network: o.networkName,
            height,
            id: tx.id,
            function: fn,
            caller,
            status,
            reason,
          });
        if (height > expires) {
          aborted.push(tx.id);
          report('aborted', `expired at height ${expires}`);
          continue;
        }
        const outcome = program.execute(tx, caller, height);
        if (outcome.status === 'aborted') {
          aborted.push(tx.id);
          report('aborted', outcome.reason);
          continue;
        }
        const index = transactions.length;
        if (outcome.status === 'accepted') {
          transactions.push({
            status: 'accepted',
            type: 'execute',
            index,
            transaction: tx,
            finalize: outcome.finalize,
          });
          located.set(tx.id, { height, index });
          report('accepted');
        } else {
          // Upstream keeps only the fee of a rejected execution, as a new fee transaction.
          const feeTx = {
            type: 'fee' as const,
            id: idOf('at', 'rejected-fee', tx.id),
            fee: tx.fee,
          };
          transactions.push({
            status: 'rejected',
            type: 'execute',
            index,
            transaction: feeTx,
            rejected: { type: 'execution', execution: tx.execution },
            finalize: outcome.finalize,
          });
          located.set(tx.id, { height, index });
          located.set(feeTx.id, { height, index });
          originals.set(tx.id, tx);
          report('rejected', outcome.reason);
        }
        transmissionTxIds.push(tx.id);
      }
      const block = buildBlock({
        previous: tip(),
        height,
        timestamp: Math.max(timestamp, tip().header.metadata.timestamp),
        authors,
        committeeId: committee.id,
        transactions,
        transmissionTxIds,
        abortedTransactionIds: aborted,
      });
      blocks.push(block);
      heightByHash.set(block.block_hash, height);
      return block;
    },
  };
  return node;
}

export type ChainNode = ReturnType<typeof createChainNode>;
