import { api, conditionalJson } from '@/server/public-api';

export const dynamic = 'force-dynamic';

const respond = conditionalJson();

export async function GET(req: Request) {
  return respond(req, await api().chains.list());
}
