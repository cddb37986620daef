import { buildProposalView } from '@ratify/api/read-models';
import { getDb } from '@/server/db';
import { errorResponse, jsonResponse, proposalIdParam } from '@/server/public-api';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = proposalIdParam.safeParse((await params).id);
  if (!parsed.success)
    return errorResponse(400, parsed.error.issues[0]?.message ?? 'bad proposal id');
  const view = await buildProposalView(getDb(), parsed.data);
  return view ? jsonResponse(view) : errorResponse(404, `no proposal ${parsed.data}`);
}
