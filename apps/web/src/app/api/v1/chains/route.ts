import { createCaller } from '@ratify/api';
import { getDb } from '@/server/db';
import { jsonResponse } from '@/server/public-api';

export const dynamic = 'force-dynamic';

export async function GET() {
  return jsonResponse(await createCaller({ db: getDb() }).chains.list());
}
