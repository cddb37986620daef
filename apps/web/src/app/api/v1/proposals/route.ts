import { api, conditionalJson } from '@/server/public-api';

export const dynamic = 'force-dynamic';

const respond = conditionalJson((proposals: object) => ({ proposals }));

export async function GET(req: Request) {
  return respond(req, await api().proposals.list());
}
