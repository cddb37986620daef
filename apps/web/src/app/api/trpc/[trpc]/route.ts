import { appRouter } from '@ratify/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => ({ db: getDb() }),
  });
}

export { handler as GET, handler as POST };
