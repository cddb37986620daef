import { type Block, createNodeClient, decodeProposal, type NodeClient } from '@ratify/aleo';
import {
  type DbClient,
  type IndexedBatch,
  latestValidatorSet,
  proposalsWithStaleCounters,
  readCheckpoint,
  recordNodeStatus,
  rewindTo,
  upsertChainNetwork,
  writeBatch,
} from '@ratify/db';
import { decodeBlock } from '../decode/block';
import { sleep } from './sleep';

export type Chain = 'alpha' | 'delta';

/** `waiting`: the node has never answered (a post-split node before the split, say). */
export type FollowerState =
  | 'starting'
  | 'waiting'
  | 'standby'
  | 'syncing'
  | 'following'
  | 'retrying';

/** What operators see of one followed node, live. */
export type FollowerStatus = {
  url: string;
  chain: Chain;
  state: FollowerState;
  chainNetworkId?: string;
  networkId?: number;
  genesisHash?: string;
  headHeight?: number;
  indexedHeight?: number;
  blocksIndexed: number;
  lastError?: string;
  lastProgressAt?: number;
};

export type LogEvent = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;

export type FollowerOptions = {
  url: string;
  chain: Chain;
  database: DbClient;
  pollIntervalMs: number;
  batchSize: number;
  signal: AbortSignal;
  log: (event: LogEvent) => void;
  client?: NodeClient;
};

const PROGRAM = 'credits.alpha';
const VALIDATOR_SET_REFRESH_MS = 3_000;
const NODE_REPORT_INTERVAL_MS = 5_000;

/**
 * Follows one node from genesis: identifies its chain-network by (chain, network, genesis
 * hash), takes that chain-network's writer lock, then indexes blocks in batches, each batch
 * written with its checkpoint in one transaction so a restart resumes exactly.
 */
export function createFollower(options: FollowerOptions) {
  const { url, chain, database, signal, log } = options;
  const client = options.client ?? createNodeClient({ baseUrl: url });
  const status: FollowerStatus = { url, chain, state: 'starting', blocksIndexed: 0 };
  let lastSetKey: string | undefined;
  let lastSetReadAt = 0;

  async function identify() {
    const genesis = await client.genesis({ signal });
    const networkId = Number(genesis.header.metadata.network);
    const genesisHash = genesis.block_hash;
    const id = `${chain}:${networkId}:${genesisHash}`;
    await upsertChainNetwork(database.db, {
      id,
      chain,
      networkId,
      genesisHash,
      ...(chain === 'delta' ? alphaGenesisReference(genesis) : {}),
    });
    Object.assign(status, { chainNetworkId: id, networkId, genesisHash });
    const stored = await latestValidatorSet(database.db, id);
    lastSetKey = stored ? validatorSetKey(stored.governors, stored.committee) : undefined;
    return id;
  }

  async function step(id: string): Promise<'idle' | 'progress'> {
    const head = await client.latestHeight({ signal });
    status.headHeight = head;
    const checkpoint = await readCheckpoint(database.db, id);
    status.indexedHeight = checkpoint?.height;
    const next = checkpoint ? checkpoint.height + 1 : 0;
    if (checkpoint && head < checkpoint.height) {
      // A node whose height goes down was reset; wait for it rather than forget history.
      throw new Error(`node height ${head} is below the indexed height ${checkpoint.height}`);
    }
    if (next > head) {
      status.state = 'following';
      return 'idle';
    }
    status.state = head - next > options.batchSize ? 'syncing' : 'following';
    const end = Math.min(head + 1, next + options.batchSize);
    const fetched = await takeBlocks(next, end);
    // While this batch is written, the next one is already on its way (syncing only).
    if (head + 1 > end) prefetch(end, Math.min(head + 1, end + options.batchSize));
    const broken = findDiscontinuity(checkpoint?.blockHash, fetched);
    if (broken !== undefined) {
      const to = Math.max(-1, (checkpoint?.height ?? 0) - 1);
      log({ level: 'warn', msg: 'chain discontinuity, rewinding', chain, url, height: broken, to });
      await rewindTo(database.db, id, to);
      return 'progress';
    }
    const batch: IndexedBatch = {
      chainNetworkId: id,
      blocks: [],
      proposals: [],
      votes: [],
      onchainCounters: [],
      checkpoint: { height: end - 1, blockHash: fetched[fetched.length - 1]?.block_hash ?? '' },
    };
    for (const block of fetched) {
      const decoded = decodeBlock(id, block);
      batch.blocks.push(decoded.block);
      batch.proposals.push(...decoded.proposals);
      batch.votes.push(...decoded.votes);
    }
    const caughtUp = end - 1 >= head;
    if (caughtUp) {
      // The node reports only the current sets; reading them every few seconds keeps
      // the request rate low on a fast chain while still catching a change quickly.
      if (Date.now() - lastSetReadAt >= VALIDATOR_SET_REFRESH_MS) {
        batch.validatorSet = await readValidatorSet(head);
        lastSetReadAt = Date.now();
      }
      // Counters are read at the head only: mid-sync they would describe a later state.
      const touched = new Set([
        ...batch.proposals.map((p) => p.proposalId),
        ...batch.votes.map((v) => v.proposalId),
        ...(await proposalsWithStaleCounters(database.db, id)),
      ]);
      batch.onchainCounters = await readCounters([...touched], head);
    }
    await writeBatch(database.db, batch);
    status.indexedHeight = batch.checkpoint.height;
    status.blocksIndexed += fetched.length;
    status.lastProgressAt = Date.now();
    if (batch.proposals.length + batch.votes.length > 0) {
      log({
        level: 'info',
        msg: 'indexed governance',
        chain,
        height: batch.checkpoint.height,
        proposals: batch.proposals.length,
        votes: batch.votes.length,
      });
    }
    return caughtUp ? 'idle' : 'progress';
  }

  let pending: { start: number; end: number; blocks: Promise<Block[]> } | undefined;

  function prefetch(start: number, end: number) {
    const blocks = client.blocks(start, end, { signal });
    blocks.catch(() => {}); // a failed prefetch is simply fetched again
    pending = { start, end, blocks };
  }

  async function takeBlocks(start: number, end: number): Promise<Block[]> {
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

  async function readValidatorSet(height: number): Promise<IndexedBatch['validatorSet']> {
    const [governors, committee] = await Promise.all([
      client.governors({ signal }),
      client.committee({ signal }),
    ]);
    const members = Object.entries(committee.members)
      .map(([address, m]) => ({ address, stake: m.stake.toString() }))
      .sort((a, b) => a.address.localeCompare(b.address));
    const sorted = [...governors].sort();
    const key = validatorSetKey(sorted, members);
    if (key === lastSetKey) return undefined;
    lastSetKey = key;
    return { height, governors: sorted, committee: members };
  }

  async function readCounters(proposalIds: string[], height: number) {
    const out: IndexedBatch['onchainCounters'] = [];
    for (const proposalId of proposalIds) {
      const text = await client.mapping(
        PROGRAM,
        'network_upgrade_proposals',
        `${proposalId}field`,
        {
          signal,
        },
      );
      if (text === null) continue;
      const p = decodeProposal(text);
      out.push({
        proposalId,
        height,
        counters: {
          governorYesVotes: p.governorYesVotes,
          governorNoVotes: p.governorNoVotes,
          publicYesVotes: p.publicYesVotes,
          publicNoVotes: p.publicNoVotes,
        },
      });
    }
    return out;
  }

  async function run(): Promise<void> {
    let failures = 0;
    let id: string | undefined;
    let unlock: (() => Promise<void>) | undefined;
    while (!signal.aborted) {
      try {
        if (id === undefined) {
          await unlock?.();
          unlock = undefined;
          id = await identify();
        }
        unlock ??= await acquireWriterLock(id);
        if (!unlock) {
          status.state = 'standby';
          await sleep(options.pollIntervalMs * 4, signal);
          continue;
        }
        const result = await step(id);
        if (failures > 0) log({ level: 'info', msg: 'node recovered', chain, url });
        failures = 0;
        status.lastError = undefined;
        await reportNode(id);
        if (result === 'idle') await sleep(options.pollIntervalMs, signal);
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        status.state =
          id === undefined && status.chainNetworkId === undefined ? 'waiting' : 'retrying';
        status.lastError = message;
        if (failures === 1 || failures % 20 === 0) {
          const waiting = status.state === 'waiting';
          log({
            level: waiting ? 'info' : 'warn',
            msg: waiting ? 'waiting for node' : 'follow step failed',
            chain,
            url,
            failures,
            error: message,
          });
        }
        await reportNode(id, message).catch(() => {});
        // A node that changed genesis (a new chain on the same URL) is identified again.
        if (failures % 5 === 0) id = undefined;
        await sleep(Math.min(10_000, options.pollIntervalMs * 2 ** Math.min(failures, 5)), signal);
      }
    }
    await unlock?.();
  }

  let reported = { key: '', at: 0 };

  /** The node's row for the dashboard: written when it changes, and at most every few seconds otherwise. */
  async function reportNode(id: string | undefined, error?: string) {
    const key = `${id}|${status.headHeight}|${error ?? ''}`;
    if (key === reported.key && Date.now() - reported.at < NODE_REPORT_INTERVAL_MS) return;
    await recordNodeStatus(database.db, {
      url,
      chain,
      chainNetworkId: id,
      headHeight: status.headHeight,
      error,
    });
    reported = { key, at: Date.now() };
  }

  /**
   * One writer per chain-network (a session advisory lock held on a reserved connection for
   * as long as this follower writes); a second follower of the same network waits as a hot
   * standby and takes over when the first one's connection goes away.
   */
  async function acquireWriterLock(id: string): Promise<(() => Promise<void>) | undefined> {
    const reserved = await database.sql.reserve();
    try {
      const [row] = await reserved`SELECT pg_try_advisory_lock(hashtext(${id})) AS locked`;
      if (row?.locked) {
        return async () => {
          await reserved`SELECT pg_advisory_unlock(hashtext(${id}))`.catch(() => {});
          reserved.release();
        };
      }
    } catch (error) {
      reserved.release();
      throw error;
    }
    reserved.release();
    return undefined;
  }

  return { status, run };
}

function validatorSetKey(governors: string[], committee: { address: string; stake: string }[]) {
  return JSON.stringify([governors, committee]);
}

function findDiscontinuity(previousHash: string | undefined, fetched: Block[]): number | undefined {
  let expected = previousHash;
  for (const block of fetched) {
    if (expected !== undefined && block.previous_hash !== expected) {
      return Number(block.header.metadata.height);
    }
    expected = block.block_hash;
  }
  return undefined;
}

/** Delta's genesis ratification names the Alpha genesis (and network) it belongs to. */
function alphaGenesisReference(genesis: Block): {
  alphaGenesisHash?: string;
  alphaNetworkId?: number;
} {
  for (const r of genesis.ratifications as unknown[]) {
    if (typeof r === 'object' && r !== null && 'alpha_genesis_hash' in r) {
      const { alpha_genesis_hash: hash, alpha_network_id: network } = r as Record<string, unknown>;
      return {
        alphaGenesisHash: typeof hash === 'string' ? hash : undefined,
        alphaNetworkId: network === undefined ? undefined : Number(network),
      };
    }
  }
  return {};
}
