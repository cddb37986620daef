import { setTimeout as sleep } from 'node:timers/promises';
import { type Block, createNodeClient, type NodeClient, NodeRequestError } from '@ratify/aleo';
import {
  blockAt,
  type DbClient,
  FencedWriteError,
  holdLease,
  type IndexedBatch,
  latestValidatorSet,
  pauseChainNetwork,
  proposalsWithStaleCounters,
  readCheckpoint,
  readPause,
  recordNodeStatus,
  releaseLease,
  writeBatch,
} from '@ratify/db';
import { decodeBlock } from '../decode/block';
import type { Logger } from '../ops/log';
import type { IndexerMetrics } from '../ops/metrics';
import { classifyError, errorMessage } from './errors';
import { createHeadReader } from './head-reads';
import { type ChainNetworkIdentity, identifyChainNetwork } from './identify';
import type { Chain, FollowerStatus } from './status';
import { createBlockSource, findDiscontinuity } from './sync';

export type { LogEvent } from '../ops/log';
export type { Chain, FollowerState, FollowerStatus } from './status';

export type PauseEvent = {
  chainNetworkId: string;
  reason: 'discontinuity' | 'height_went_down';
  height: number;
  detail: string;
  node: string;
};

export type FollowerOptions = {
  url: string;
  chain: Chain;
  database: DbClient;
  pollIntervalMs: number;
  batchSize: number;
  signal: AbortSignal;
  logger: Logger;
  metrics: IndexerMetrics;
  /** Unique per follower: who holds a writer lease. */
  holder: string;
  leaseSeconds: number;
  client?: NodeClient;
  /** Called inside the transaction that records a pause (alerts are raised there). */
  onPause?: (event: PauseEvent, tx: unknown) => Promise<void>;
  /** While far behind, the head is read at least this often (default {@link HEAD_REFRESH_MS}). */
  headRefreshMs?: number;
};

const VALIDATOR_SET_REFRESH_MS = 3_000;
/**
 * A writer at least a batch behind the head it knows fetches without asking for the head
 * again (a head read per batch is one request in five of a backfill), but not for longer
 * than this: a node whose height went down is still noticed while the writer is far below it.
 */
export const HEAD_REFRESH_MS = 5_000;
const NODE_REPORT_INTERVAL_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;
/** Back-off for an error a retry cannot fix soon (bad data, another genesis). */
const SLOW_RETRY_MS = 30_000;

type Role = { kind: 'writer' } | { kind: 'standby'; holder: string };

/**
 * Follows one node, stage by stage: identify its chain-network; take the writer lease (or
 * wait as a standby); sync (fetch with prefetch, continuity); read the head state (sets,
 * counters); and supervise it all (back-off by error type, re-identify, pause on a fault).
 * Each batch is written with its checkpoint in one fenced transaction, so a restart resumes
 * exactly and two writers can never both write.
 */
export function createFollower(options: FollowerOptions) {
  const { url, chain, database, signal, metrics } = options;
  const db = database.db;
  const client = options.client ?? createNodeClient({ baseUrl: url });
  const status: FollowerStatus = { url, chain, state: 'starting', blocksIndexed: 0 };
  const source = createBlockSource(client, signal);
  const head = createHeadReader(client, signal);
  let logger = options.logger.child({ component: 'follower', chain, node: url });
  let identity: ChainNetworkIdentity | undefined;
  let lastSetReadAt = 0;
  let lastLeaseAt = 0;
  let role: Role | undefined;
  const headRefreshMs = options.headRefreshMs ?? HEAD_REFRESH_MS;
  let lastHeadReadAt = 0;
  /** Set when the head must be read on the next step (after a failure, a range the node lacked). */
  let headReadDue = true;
  /** A range answer was refused and the head re-read for it: a second refusal is a real failure. */
  let rangeRecheck = false;

  const labels = () => ({
    chain,
    network: String(identity?.networkId ?? ''),
    chain_network: identity?.id ?? '',
  });

  async function identify() {
    const first = identity === undefined;
    identity = await identifyChainNetwork({ client, chain, db, url, bound: identity, signal });
    Object.assign(status, {
      chainNetworkId: identity.id,
      networkId: identity.networkId,
      genesisHash: identity.genesisHash,
    });
    logger = options.logger.child({
      component: 'follower',
      chain,
      node: url,
      chainNetwork: identity.id,
    });
    head.remember(await latestValidatorSet(db, identity.id));
    metrics.genesisRefused.set({ chain, node: url }, 0);
    if (first)
      logger.info(
        { networkId: identity.networkId, genesis: identity.genesisHash },
        'node identified',
      );
    return identity;
  }

  /** Stage 2: the writer lease, renewed at most once a second while idle. */
  async function takeRole(id: string, force: boolean): Promise<Role> {
    if (!force && role?.kind === 'writer' && Date.now() - lastLeaseAt < 1_000) return role;
    const lease = await holdLease(db, id, options.holder, options.leaseSeconds);
    const next: Role = lease.held ? { kind: 'writer' } : { kind: 'standby', holder: lease.holder };
    if (next.kind !== role?.kind) {
      if (next.kind === 'writer') logger.info('writer lease taken: indexing');
      else
        logger.info({ writer: next.holder }, 'another indexer writes this chain-network: standby');
    }
    if (next.kind === 'writer') lastLeaseAt = Date.now();
    role = next;
    return next;
  }

  async function pause(id: string, event: Omit<PauseEvent, 'chainNetworkId' | 'node'>) {
    // A node that was replaced by another chain is refused, not a reason to stop the index.
    await identify();
    const full: PauseEvent = { ...event, chainNetworkId: id, node: url };
    metrics.discontinuities.inc({ ...labels(), reason: event.reason });
    const recorded = await pauseChainNetwork(
      db,
      {
        chainNetworkId: id,
        reason: event.reason,
        height: event.height,
        detail: event.detail,
        node: url,
      },
      { holder: options.holder, leaseSeconds: options.leaseSeconds },
      options.onPause ? (tx) => options.onPause?.(full, tx) ?? Promise.resolve() : undefined,
    );
    if (recorded) {
      logger.error(
        { reason: event.reason, height: event.height, detail: event.detail },
        'indexing paused: nothing is rewritten; inspect, then `ratify index rewind`',
      );
    }
    source.reset();
  }

  /** The node's head, with what a fresh answer updates (status, gauges, highest head seen). */
  async function readHead() {
    const height = await client.latestHeight({ signal });
    lastHeadReadAt = Date.now();
    headReadDue = false;
    status.lastOkAt = lastHeadReadAt;
    status.headHeight = height;
    metrics.nodeHead.set({ chain, network: String(identity?.networkId ?? ''), node: url }, height);
    metrics.nodeUp.set({ chain, node: url }, 1);
    const highest = status.highestHead;
    status.highestHead = Math.max(highest ?? height, height);
    return { height, highest };
  }

  /**
   * The head read before, when this step may plan on it: only for a writer whose whole next
   * batch lies below it (far behind, the head changes nothing in what it fetches), and for no
   * longer than `headRefreshMs`. Reaching the head, a failure, or a range the node did not
   * serve as expected make the step read it again.
   */
  function knownHead(next: number): number | undefined {
    const known = status.headHeight;
    const usable =
      !headReadDue &&
      role?.kind === 'writer' &&
      known !== undefined &&
      known - next >= options.batchSize &&
      Date.now() - lastHeadReadAt < headRefreshMs;
    return usable ? known : undefined;
  }

  /** One pass: 'idle' when there is nothing to do until the next poll. */
  async function step(id: string): Promise<'idle' | 'progress'> {
    const [checkpoint, paused] = await Promise.all([readCheckpoint(db, id), readPause(db, id)]);
    const next = checkpoint ? checkpoint.height + 1 : 0;
    // A paused chain-network is still polled: /status shows the node's head.
    let height = paused ? undefined : knownHead(next);
    const planned = height !== undefined;
    let highest: number | undefined;
    if (height === undefined) ({ height, highest } = await readHead());

    status.indexedHeight = checkpoint?.height;
    if (paused) {
      status.state = 'paused';
      status.pause = { reason: paused.reason, height: paused.height, detail: paused.detail };
      return 'idle';
    }
    status.pause = undefined;

    if (highest !== undefined && height < highest) {
      // A node whose height goes down was reset or is another chain: stop, do not forget history.
      const r = await takeRole(id, true);
      if (r.kind === 'writer') {
        await pause(id, {
          reason: 'height_went_down',
          height,
          detail: `node ${url} reported height ${height} after ${highest}`,
        });
        status.highestHead = height;
        return 'idle';
      }
    }

    const r = await takeRole(id, false);
    if (r.kind === 'standby') {
      status.state = 'standby';
      return 'idle';
    }
    if (next > height) {
      status.state = checkpoint && height < checkpoint.height ? 'behind' : 'following';
      return 'idle';
    }
    status.state = height - next > options.batchSize ? 'syncing' : 'following';
    const end = Math.min(height + 1, next + options.batchSize);
    const seenAt = Date.now();
    let fetched: Block[];
    try {
      fetched = await source.take(next, end);
    } catch (error) {
      if (rangeRecheck || !isRangeRefused(error)) throw error;
      // Heights this writer believed the node had are missing or wrong: its height may have
      // gone down (a reset, another chain). Read the head again now rather than back off.
      rangeRecheck = true;
      headReadDue = true;
      source.reset();
      metrics.retries.inc({ chain, node: url, kind: classifyError(error).kind });
      logger.info(
        { start: next, end, error: errorMessage(error) },
        'range refused: reading the head again',
      );
      return 'progress';
    }
    rangeRecheck = false;
    status.lastOkAt = Date.now();
    // While this batch is written, the next one is already on its way (syncing only).
    if (height + 1 > end) source.prefetch(end, Math.min(height + 1, end + options.batchSize));
    const broken = findDiscontinuity(checkpoint?.blockHash, fetched, next);
    if (broken && planned) {
      // Planned on an older head: a node restarted lower with other blocks shows first as a
      // break. Read the head before pausing, so that the pause names the height going down.
      headReadDue = true;
      source.reset();
      return 'progress';
    }
    if (broken) {
      await pause(id, {
        reason: 'discontinuity',
        height: broken.height,
        detail: `block ${broken.height} from ${url} names previous ${broken.found}, the stored chain has ${broken.expected}`,
      });
      return 'idle';
    }

    const batch: IndexedBatch = {
      chainNetworkId: id,
      blocks: [],
      proposals: [],
      votes: [],
      onchainCounters: [],
      checkpoint: { height: end - 1, blockHash: fetched.at(-1)?.block_hash ?? '' },
    };
    for (const block of fetched) {
      const decoded = decodeBlock(id, block);
      batch.blocks.push(decoded.block);
      batch.proposals.push(...decoded.proposals);
      batch.votes.push(...decoded.votes);
    }
    const caughtUp = end - 1 >= height;
    let setRead = false;
    if (caughtUp) {
      // The node reports only the current sets; reading them every few seconds keeps
      // the request rate low on a fast chain while still catching a change quickly.
      setRead = Date.now() - lastSetReadAt >= VALIDATOR_SET_REFRESH_MS;
      if (setRead) batch.validatorSet = await head.validatorSet(height);
      const touched = new Set([
        ...batch.proposals.map((p) => p.proposalId),
        ...batch.votes.map((v) => v.proposalId),
        ...(await proposalsWithStaleCounters(db, id)),
      ]);
      batch.onchainCounters = await head.counters([...touched], height);
    }
    const timer = metrics.dbTransaction.startTimer({ operation: 'write_batch' });
    await writeBatch(db, batch, {
      holder: options.holder,
      leaseSeconds: options.leaseSeconds,
      expected: checkpoint,
    });
    timer();
    lastLeaseAt = Date.now();
    // Only a committed read counts: after a failed write the sets are read again at once.
    if (setRead) lastSetReadAt = Date.now();
    if (batch.validatorSet) head.recorded(batch.validatorSet);
    if (caughtUp && fetched.length <= 3) {
      metrics.commitLatency.observe({ chain }, (Date.now() - seenAt) / 1000);
    }
    status.indexedHeight = batch.checkpoint.height;
    status.indexedBlockTimestamp = batch.blocks.at(-1)?.timestamp;
    status.blocksIndexed += fetched.length;
    status.lastProgressAt = Date.now();
    metrics.blocksIndexed.inc(labels(), fetched.length);
    if (batch.proposals.length + batch.votes.length > 0) {
      logger.debug(
        {
          height: batch.checkpoint.height,
          proposals: batch.proposals.length,
          votes: batch.votes.length,
        },
        'indexed governance',
      );
    }
    return caughtUp ? 'idle' : 'progress';
  }

  async function run(): Promise<void> {
    let failures = 0;
    let waitMs = 0;
    while (!signal.aborted) {
      try {
        // Refused: nothing is read from this node until it serves the bound genesis again.
        if (status.state === 'refused') await identify();
        const id = (identity ?? (await identify())).id;
        const result = await step(id);
        if (failures > 0) logger.info({ failures }, 'node recovered');
        failures = 0;
        status.lastError = undefined;
        await reportNode(id);
        waitMs =
          result === 'progress'
            ? 0
            : status.state === 'standby'
              ? Math.max(options.pollIntervalMs, 1_000)
              : options.pollIntervalMs;
      } catch (error) {
        if (signal.aborted) break;
        waitMs = onError(error, ++failures);
      }
      if (waitMs > 0) await sleep(waitMs, undefined, { signal }).catch(() => {});
    }
    if (identity && role?.kind === 'writer') {
      // A clean stop hands over at once instead of after the lease expires.
      await releaseLease(db, identity.id, options.holder).catch(() => {});
    }
  }

  /** Supervision: decides by the error's type how long to wait and what to do next. */
  function onError(error: unknown, failures: number): number {
    const { kind, retryable } = classifyError(error);
    const message = errorMessage(error);
    source.reset();
    headReadDue = true;
    if (error instanceof FencedWriteError) {
      // Lost the lease, or the checkpoint moved (a rewind, a writer that took over): re-read.
      if (error.reason === 'lease_held') role = undefined;
      logger.info({ reason: error.reason }, message);
      return 0;
    }
    metrics.retries.inc({ chain, node: url, kind });
    status.lastError = message;
    if (kind.startsWith('node')) metrics.nodeUp.set({ chain, node: url }, 0);
    if (kind === 'genesis_changed') {
      status.state = 'refused';
      metrics.genesisRefused.set({ chain, node: url }, 1);
      if (failures === 1) logger.error(message);
      void reportNode(identity?.id, message).catch(() => {});
      return SLOW_RETRY_MS;
    }
    const neverAnswered = identity === undefined && status.lastOkAt === undefined;
    status.state = neverAnswered ? 'waiting' : retryable ? 'retrying' : 'failing';
    if (failures === 1 || failures % 20 === 0) {
      if (neverAnswered) logger.debug({ failures, error: message }, 'waiting for node');
      else logger.warn({ failures, kind, error: message }, 'follow step failed');
    }
    void reportNode(identity?.id, message).catch(() => {});
    // A node that keeps failing may have been replaced: check its genesis again.
    if (failures % 5 === 0 && identity) void recheckGenesis();
    if (!retryable) return SLOW_RETRY_MS;
    return Math.min(MAX_BACKOFF_MS, options.pollIntervalMs * 2 ** Math.min(failures, 6));
  }

  async function recheckGenesis() {
    try {
      await identify();
    } catch (error) {
      if (classifyError(error).kind === 'genesis_changed') {
        status.state = 'refused';
        status.lastError = errorMessage(error);
        metrics.genesisRefused.set({ chain, node: url }, 1);
      }
    }
  }

  let reported = { key: '', at: 0 };

  /** The node's row for the dashboard: written when it changes, and at most every few seconds otherwise. */
  async function reportNode(id: string | undefined, error?: string) {
    const key = `${id}|${status.headHeight}|${error ?? ''}`;
    if (key === reported.key && Date.now() - reported.at < NODE_REPORT_INTERVAL_MS) return;
    await recordNodeStatus(db, {
      url,
      chain,
      chainNetworkId: id,
      headHeight: status.headHeight,
      error,
    });
    reported = { key, at: Date.now() };
  }

  /** The block timestamp at the indexed height, for the chain's last-block age. */
  async function refreshIndexedTimestamp() {
    if (!identity || status.indexedHeight === undefined) return;
    const b = await blockAt(db, identity.id, status.indexedHeight);
    status.indexedBlockTimestamp = b?.timestamp;
  }

  return { status, run, refreshIndexedTimestamp };
}

/**
 * A range request the node answered, but not with the blocks asked for: a 404, another 4xx,
 * or blocks that are not the range (none, fewer, other heights). These are the node
 * errors a retry cannot fix (`invalid-answer`, `not-found`, `refused`); a lower head can
 * explain them.
 */
function isRangeRefused(error: unknown): boolean {
  return error instanceof NodeRequestError && !error.retryable;
}
