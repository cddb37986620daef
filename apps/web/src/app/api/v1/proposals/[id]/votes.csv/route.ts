import { csvCell } from '@/server/csv-cell';
import { api, errorResponse, fromTrpcError, proposalIdParam } from '@/server/public-api';

export const dynamic = 'force-dynamic';

const COLUMNS = ['height', 'voter', 'body', 'choice', 'status', 'transaction_id'] as const;

/** Every vote transition of the proposal, oldest first, for audits in a spreadsheet. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = proposalIdParam.safeParse((await params).id);
  if (!parsed.success)
    return errorResponse(400, parsed.error.issues[0]?.message ?? 'bad proposal id');
  let view: Awaited<ReturnType<ReturnType<typeof api>['proposals']['full']>>;
  try {
    view = await api().proposals.full({ proposalId: parsed.data });
  } catch (e) {
    return fromTrpcError(e);
  }
  const rows = view.votes.map((v) =>
    [
      v.height,
      v.voter,
      v.isGovernor ? 'governor' : 'public',
      v.choice,
      v.accepted ? (v.counted ? 'counted' : 'replaced') : 'rejected',
      v.transactionId,
    ]
      .map(csvCell)
      .join(','),
  );
  return new Response(`${[COLUMNS.join(','), ...rows].join('\n')}\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="proposal-${parsed.data.slice(0, 16)}-votes.csv"`,
      'access-control-allow-origin': '*',
    },
  });
}
