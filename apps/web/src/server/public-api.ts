import { createHash } from 'node:crypto';
import { proposalIdSchema } from '@ratify/aleo';
import { createCaller } from '@ratify/api';
import { TRPCError } from '@trpc/server';
import { readContext } from './notifications';

/** The `{id}` of `/api/v1/proposals/{id}`: `NNN` or `NNNfield`. */
export const proposalIdParam = proposalIdSchema;

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
};

/** The JSON API reads through the same tRPC procedures, and so the same views, as the pages. */
export function api() {
  return createCaller(readContext());
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { status, headers: HEADERS });
}

export function errorResponse(status: number, message: string): Response {
  return jsonResponse({ error: message }, status);
}

/** A tRPC error as the JSON API's answer: 404 for NOT_FOUND, else thrown on. */
export function fromTrpcError(e: unknown): Response {
  if (e instanceof TRPCError && e.code === 'NOT_FOUND') return errorResponse(404, e.message);
  throw e;
}

/**
 * JSON with an ETag, answering `If-None-Match` with 304. The views are cached objects that
 * stay the same until the indexed heights they depend on move, so each is serialized and
 * hashed once (keyed by the object itself) and the ETag changes exactly when the body does.
 */
export function conditionalJson<T extends object>(wrap: (value: T) => unknown = (v) => v) {
  const done = new WeakMap<T, { text: string; etag: string }>();
  return (req: Request, value: T): Response => {
    let s = done.get(value);
    if (!s) {
      const text = `${JSON.stringify(wrap(value), null, 2)}\n`;
      s = { text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` };
      done.set(value, s);
    }
    const headers = { ...HEADERS, etag: s.etag, 'cache-control': 'no-cache' };
    const wanted = req.headers.get('if-none-match');
    if (
      wanted &&
      (wanted.trim() === '*' ||
        wanted.split(',').some((t) => t.trim().replace(/^W\//, '') === s.etag))
    )
      return new Response(null, { status: 304, headers });
    return new Response(s.text, { status: 200, headers });
  };
}
