import { z } from 'zod';
import { stringifyChainJson } from '../json';
import { printPlaintext } from '../plaintext/print';
import type { Plaintext } from '../plaintext/types';
import { type Block, blockSchema, committeeSchema } from '../schemas/block';
import { ChainSchemaError, validate } from '../schemas/decode';
import { address, blockHash, safeUint, transactionId } from '../schemas/primitives';
import {
  type ConfirmedTransaction,
  confirmedTransactionSchema,
  type Transaction,
  transactionSchema,
} from '../schemas/transaction';
import { NodeRequestError } from './errors';
import { type RequestOptions, request, type Transport } from './http';
import { createPacer } from './pacer';

export type NodeClientOptions = {
  /** REST base including the network segment, e.g. `http://127.0.0.1:3030/testnet`. */
  baseUrl: string;
  /** Appended to baseUrl when given: `mainnet`, `testnet`, `canary`, or a fork's name. */
  network?: string;
  fetch?: typeof fetch;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for errors a retry can fix. Default 3. */
  retries?: number;
  /** Requests in flight at once. Default 4. */
  maxParallel?: number;
  /**
   * Starting request rate per second; the client then learns the node's limit: it grows
   * while the node takes everything and settles just under the limit on a rate-limit
   * answer. `Infinity`: unpaced until the node answers with a limit. Default
   * {@link DEFAULT_REQUESTS_PER_SECOND}.
   */
  requestsPerSecond?: number;
  /** Never probe above this rate. Default: no bound. */
  maxRequestsPerSecond?: number;
  /** First backoff step; doubles per retry, with full jitter. Default 250 ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
};

export type CommitteeMember = { stake: bigint; isOpen: boolean; commission: number | undefined };
export type CommitteeInfo = {
  id: string;
  startingRound: number;
  members: Record<string, CommitteeMember>;
  totalStake: bigint;
};
export type PacingState = {
  rate: number;
  learnedLimit: number | undefined;
  rateLimits: number;
};
export type MappingValueWithMetadata = { data: string | null; height: number };

/**
 * Nodes limit each client IP to 10 requests/s unless configured otherwise; starting just
 * under that (with the margin kept under a learned limit) costs no refusal on such a node.
 */
export const DEFAULT_REQUESTS_PER_SECOND = 9.7;

/** The node answers `end` exclusive and at most this many blocks per call. */
export const MAX_BLOCKS_PER_CALL = 50;

const nullable = <S extends z.ZodType>(s: S) => s.nullable();

export function createNodeClient(options: NodeClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const node = options.network ? `${base}/${options.network}` : base;
  const maxParallel = options.maxParallel ?? 4;
  const t: Transport = {
    node,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 250,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
    pacer: createPacer({
      requestsPerSecond: options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
      maxRequestsPerSecond: options.maxRequestsPerSecond,
      maxParallel,
    }),
  };

  async function get<S extends z.ZodType>(
    route: string,
    schema: S,
    opts?: RequestOptions,
  ): Promise<z.output<S>> {
    const value = await request(t, 'GET', route, opts);
    return check(route, schema, value, 'GET');
  }

  function check<S extends z.ZodType>(route: string, schema: S, value: unknown, method: string) {
    try {
      return validate(schema, 'answer', value);
    } catch (error) {
      const e = error as Error;
      throw new NodeRequestError({
        node,
        route: `${method} ${route}`,
        kind: 'invalid-answer',
        summary:
          e instanceof ChainSchemaError
            ? `invalid answer at ${e.path || '(root)'}`
            : 'invalid answer',
        details: e instanceof ChainSchemaError ? e.reason : e.message,
        cause: error,
      });
    }
  }

  const seg = (s: string | number) => encodeURIComponent(String(s));
  const keyText = (key: string | Plaintext) =>
    typeof key === 'string' ? key : printPlaintext(key);

  async function blocks(start: number, end: number, opts?: RequestOptions): Promise<Block[]> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new RangeError(`invalid block range ${start}..${end}`);
    }
    const ranges: Array<[number, number]> = [];
    for (let s = start; s < end; s += MAX_BLOCKS_PER_CALL) {
      ranges.push([s, Math.min(end, s + MAX_BLOCKS_PER_CALL)]);
    }
    const results: Block[][] = new Array(ranges.length);
    let next = 0;
    // A bounded pool: the pacer bounds all requests, this keeps one call from queueing them all.
    const worker = async () => {
      while (next < ranges.length) {
        const i = next++;
        const [s, e] = ranges[i] as [number, number];
        const route = `/blocks?start=${s}&end=${e}`;
        const got = await get(route, z.array(blockSchema), opts);
        const heights = got.map((b) => b.header.metadata.height);
        if (got.length !== e - s || heights.some((h, k) => h !== s + k)) {
          throw new NodeRequestError({
            node,
            route: `GET ${route}`,
            kind: 'invalid-answer',
            summary: `expected heights ${s}..${e - 1}`,
            details: `got ${heights.length ? `${heights[0]}..${heights.at(-1)} (${heights.length})` : 'none'}`,
          });
        }
        results[i] = got;
      }
    };
    await Promise.all(Array.from({ length: Math.min(maxParallel, ranges.length) }, worker));
    return results.flat();
  }

  return {
    node,
    latestHeight: (o?: RequestOptions) => get('/block/height/latest', safeUint, o),
    latestHash: (o?: RequestOptions) => get('/block/hash/latest', blockHash, o),
    latestBlock: (o?: RequestOptions) => get('/block/latest', blockSchema, o),
    block: (heightOrHash: number | string, o?: RequestOptions) =>
      get(`/block/${seg(heightOrHash)}`, blockSchema, o),
    blocks,
    blockTransactions: (height: number, o?: RequestOptions): Promise<ConfirmedTransaction[]> =>
      get(`/block/${seg(height)}/transactions`, z.array(confirmedTransactionSchema), o),
    heightOf: (hash: string, o?: RequestOptions) => get(`/height/${seg(hash)}`, safeUint, o),
    transaction: (id: string, o?: RequestOptions): Promise<Transaction> =>
      get(`/transaction/${seg(id)}`, transactionSchema, o),
    confirmedTransaction: (id: string, o?: RequestOptions): Promise<ConfirmedTransaction> =>
      get(`/transaction/confirmed/${seg(id)}`, confirmedTransactionSchema, o),
    /** Sends a transaction; answers its id. */
    async broadcast(tx: Transaction | string, o?: RequestOptions): Promise<string> {
      const route = '/transaction/broadcast';
      const body = typeof tx === 'string' ? tx : stringifyChainJson(tx);
      const value = await request(t, 'POST', route, { ...o, body });
      return check(route, transactionId, value, 'POST');
    },
    /** The program's source. */
    program: (id: string, o?: RequestOptions) => get(`/program/${seg(id)}`, z.string(), o),
    mappings: (id: string, o?: RequestOptions) =>
      get(`/program/${seg(id)}/mappings`, z.array(z.string()), o),
    /** The value's plaintext text, or null when the key is absent. */
    mapping: (program: string, name: string, key: string | Plaintext, o?: RequestOptions) =>
      get(
        `/program/${seg(program)}/mapping/${seg(name)}/${seg(keyText(key))}`,
        nullable(z.string()),
        o,
      ),
    mappingWithMetadata: (
      program: string,
      name: string,
      key: string | Plaintext,
      o?: RequestOptions,
    ): Promise<MappingValueWithMetadata> =>
      get(
        `/program/${seg(program)}/mapping/${seg(name)}/${seg(keyText(key))}?metadata=true`,
        z.object({ data: z.string().nullable(), height: safeUint }),
        o,
      ),
    async committee(o?: RequestOptions): Promise<CommitteeInfo> {
      const c = await get('/committee/latest', committeeSchema, o);
      const members: Record<string, CommitteeMember> = {};
      for (const [addr, [stake, isOpen, commission]] of Object.entries(c.members)) {
        members[addr] = { stake, isOpen, commission };
      }
      return { id: c.id, startingRound: c.starting_round, members, totalStake: c.total_stake };
    },
    findBlockHash: (txid: string, o?: RequestOptions) =>
      get(`/find/blockHash/${seg(txid)}`, nullable(blockHash), o),
    findDeploymentTransaction: (program: string, o?: RequestOptions) =>
      get(`/find/transactionID/deployment/${seg(program)}`, nullable(transactionId), o),
    peersCount: (o?: RequestOptions) => get('/peers/count', safeUint, o),
    genesis: (o?: RequestOptions) => get('/genesis', blockSchema, o),
    genesisHash: (o?: RequestOptions) => get('/genesis/hash', blockHash, o),
    governors: (o?: RequestOptions) => get('/governors', z.array(address), o),
    /** The current adaptive request rate, per second. */
    get requestRate() {
      return t.pacer.rate;
    },
    /** What pacing has learned: the node's limit per second, if shown, and limit answers seen. */
    get pacing(): PacingState {
      return {
        rate: t.pacer.rate,
        learnedLimit: t.pacer.learnedLimit,
        rateLimits: t.pacer.rateLimits,
      };
    },
  };
}

export type NodeClient = ReturnType<typeof createNodeClient>;
