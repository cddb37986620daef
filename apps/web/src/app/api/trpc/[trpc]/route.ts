import { appRouter } from '@ratify/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { serverEnv } from '@/server/env';
import { readContext } from '@/server/notifications';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => {
      const env = serverEnv();
      return {
        ...readContext(),
        relay: { alphaNodes: env.ALPHA_NODES, hrp: env.ALPHA_HRP },
        governorNodes: env.GOVERNOR_NODES,
      };
    },
  });
}

export { handler as GET, handler as POST };
