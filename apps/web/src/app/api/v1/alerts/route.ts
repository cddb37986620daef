import { buildAlerts } from '@ratify/api/read-models';
import { getDb } from '@/server/db';
import { jsonResponse } from '@/server/public-api';

export const dynamic = 'force-dynamic';

/** For monitoring systems: the same alerts the dashboard shows on every page. */
export async function GET() {
  return jsonResponse({ alerts: await buildAlerts(getDb()) });
}
