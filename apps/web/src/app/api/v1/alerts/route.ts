import { api, conditionalJson } from '@/server/public-api';

export const dynamic = 'force-dynamic';

const respond = conditionalJson((alerts: object) => ({ alerts }));

/** For monitoring systems: the same alerts the dashboard shows on every page. */
export async function GET(req: Request) {
  return respond(req, await api().alerts.list());
}
