import {
  api,
  conditionalJson,
  errorResponse,
  fromTrpcError,
  proposalIdParam,
} from '@/server/public-api';

export const dynamic = 'force-dynamic';

const respond = conditionalJson();

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = proposalIdParam.safeParse((await params).id);
  if (!parsed.success)
    return errorResponse(400, parsed.error.issues[0]?.message ?? 'bad proposal id');
  try {
    return respond(req, await api().proposals.full({ proposalId: parsed.data }));
  } catch (e) {
    return fromTrpcError(e);
  }
}
