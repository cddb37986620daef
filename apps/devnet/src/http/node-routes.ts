import { z } from 'zod';
import type { Block } from '../chain/types';
import { nest, prettyJson } from '../json/pretty-json';
import type { ChainNode } from '../node/chain-node';
import { MAPPING_NAMES, PROGRAM_ID } from '../program/credits-alpha';
import { type HttpResponse, json, RouteError, rawJson } from './respond';

export const MAX_BLOCK_RANGE = 50;

export type NodeRequest = {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: string;
};

const heightSchema = z.coerce
  .number()
  .int()
  .nonnegative()
  .max(2 ** 32 - 1);
const rangeSchema = z.object({ start: heightSchema, end: heightSchema });

const renderBlock = (b: Block) => prettyJson(b);

/**
 * The snarkOS REST routes of spec section 2 plus the forks' governance routes, for the
 * path after `/{network}`.
 */
export function routeNode(node: ChainNode, req: NodeRequest, peers: () => number): HttpResponse {
  const [a, b, c, d, e] = req.segments;
  const n = req.segments.length;
  const blockAt = (height: number) => {
    const s = node.serializedBlock(height, renderBlock);
    if (s === undefined) throw new RouteError('not_found', `Block ${height} does not exist`);
    return s;
  };
  const resolveBlock = (id: string): number => {
    if (/^[0-9]+$/.test(id)) return heightSchema.parse(id);
    const h = node.heightOf(id);
    if (h === undefined) throw new RouteError('not_found', `Block hash '${id}' does not exist`);
    return h;
  };

  if (req.method === 'POST') {
    if (a === 'transaction' && b === 'broadcast' && n === 2) return broadcast(node, req.body);
    throw new RouteError('not_found', `No route for POST /${req.segments.join('/')}`);
  }
  if (req.method !== 'GET')
    throw new RouteError('bad_request', `Method ${req.method} is not allowed`);

  if (a === 'block' && n === 3 && b === 'height' && c === 'latest') return json(node.height());
  if (a === 'block' && n === 3 && b === 'hash' && c === 'latest')
    return json(node.block(node.height())?.block_hash);
  if (a === 'block' && n === 2 && b === 'latest') return rawJson(blockAt(node.height()));
  if (a === 'block' && n === 2 && b) return rawJson(blockAt(resolveBlock(b)));
  if (a === 'block' && n === 3 && b && c === 'transactions') {
    const height = resolveBlock(b);
    return json(node.block(height)?.transactions ?? []);
  }
  if (a === 'blocks' && n === 1) {
    const parsed = rangeSchema.safeParse({
      start: req.query.get('start'),
      end: req.query.get('end'),
    });
    if (!parsed.success)
      throw new RouteError('bad_request', 'Invalid query: expected start and end block heights');
    const { start, end } = parsed.data;
    if (end <= start)
      throw new RouteError('bad_request', 'Invalid block range: end must be greater than start');
    if (end - start > MAX_BLOCK_RANGE) {
      throw new RouteError(
        'bad_request',
        `Cannot request more than ${MAX_BLOCK_RANGE} blocks per call (requested ${end - start})`,
      );
    }
    const parts: string[] = [];
    for (let h = start; h < end; h++) parts.push(`  ${nest(blockAt(h))}`);
    return rawJson(`[\n${parts.join(',\n')}\n]`);
  }
  if (a === 'height' && n === 2 && b) {
    const h = node.heightOf(b);
    if (h === undefined) throw new RouteError('not_found', `Block hash '${b}' does not exist`);
    return json(h);
  }
  if (a === 'transaction' && n === 2 && b) {
    const tx = node.transaction(b);
    if (!tx) throw new RouteError('not_found', `Transaction '${b}' does not exist`);
    return json(tx);
  }
  if (a === 'transaction' && n === 3 && b === 'confirmed' && c) {
    const found = node.confirmed(c);
    if (!found) throw new RouteError('not_found', `Transaction '${c}' is not confirmed`);
    return json(found.confirmed);
  }
  if (a === 'program' && b) {
    if (b !== PROGRAM_ID) throw new RouteError('not_found', `Program '${b}' does not exist`);
    if (n === 2) return json(node.program.source);
    if (n === 3 && c === 'mappings') return json(MAPPING_NAMES);
    if (n === 5 && c === 'mapping' && d && e) {
      if (!node.program.hasMapping(d))
        throw new RouteError('not_found', `Mapping '${d}' does not exist in ${b}`);
      const entry = node.program.mapping(d, decodeURIComponent(e));
      if (req.query.get('metadata') === 'true') {
        return json({ data: entry?.value ?? null, height: node.height() });
      }
      return json(entry?.value ?? null);
    }
  }
  if (a === 'committee' && b === 'latest' && n === 2) return json(node.committee);
  if (a === 'find' && b === 'blockHash' && n === 3 && c) {
    const found = node.confirmed(c);
    return json(found ? node.block(found.height)?.block_hash : null);
  }
  if (a === 'find' && b === 'transactionID' && c === 'deployment' && n === 4) {
    // credits.alpha is part of genesis, as credits.aleo upstream: no deployment transaction.
    return json(null);
  }
  if (a === 'peers' && b === 'count' && n === 2) return json(peers());
  if (a === 'genesis' && n === 1) return rawJson(blockAt(0));
  if (a === 'genesis' && b === 'hash' && n === 2) return json(node.genesis.block_hash);
  if (a === 'governors' && n === 1) return json(node.program.governors());
  throw new RouteError('not_found', `No route for GET /${req.segments.join('/')}`);
}

function broadcast(node: ChainNode, body: string): HttpResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new RouteError('bad_request', 'Invalid transaction: the body is not JSON');
  }
  const result = node.broadcast(parsed, Buffer.byteLength(body));
  if (result.ok) return json(result.id);
  const kind = result.kind === 'unavailable' ? 'unavailable' : 'unprocessable';
  throw new RouteError(kind, result.message);
}
