import { appRouter, createVoteRateLimits, type VoteRateLimits } from '@ratify/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { serverEnv } from '@/server/env';
import { readContext } from '@/server/notifications';
import { BodyTooLarge, readCappedBody } from '@/server/request-body';

export const dynamic = 'force-dynamic';

// One set of buckets per server process: the limits hold across requests.
const holder = globalThis as unknown as { ratifyVoteLimits?: VoteRateLimits };

/**
 * The caller's address: the front server (src/front/server.ts) has set X-Forwarded-For to the
 * one address it takes as the client's (see TRUST_PROXY_HOPS).
 */
const clientOf = (req: Request) =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';

/** Answers in tRPC's own error shape, so its client reads the message. */
const tooLarge = (message: string) =>
  Response.json(
    { error: { message, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } },
    { status: 413 },
  );

async function handler(req: Request) {
  let request = req;
  if (req.method === 'POST') {
    try {
      const body = await readCappedBody(req);
      request = new Request(req, { body });
    } catch (e) {
      if (e instanceof BodyTooLarge) return tooLarge(e.message);
      throw e;
    }
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => {
      const env = serverEnv();
      holder.ratifyVoteLimits ??= createVoteRateLimits(env.VOTE_RELAY_RATE);
      return {
        ...readContext(),
        relay: { alphaNodes: env.ALPHA_NODES, hrp: env.ALPHA_HRP, limits: holder.ratifyVoteLimits },
        governorNodes: env.GOVERNOR_NODES,
        client: clientOf(req),
      };
    },
  });
}

export { handler as GET, handler as POST };
