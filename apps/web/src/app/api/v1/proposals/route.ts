import { listProposalSummaries } from '@ratify/api/read-models';
import { getDb } from '@/server/db';
import { jsonResponse } from '@/server/public-api';

export const dynamic = 'force-dynamic';

export async function GET() {
  return jsonResponse({ proposals: await listProposalSummaries(getDb()) });
}
