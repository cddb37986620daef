import { buildFeedEntries } from '@ratify/api/read-models';
import { getDb } from '@/server/db';
import { atomFeed } from './atom-feed';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { proposals, alerts } = await buildFeedEntries(getDb());
  const body = atomFeed({
    origin: new URL(request.url).origin,
    now: new Date(),
    proposals,
    alerts,
  });
  return new Response(body, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
}
