import { buildProposalView } from '@ratify/api/read-models';
import { csvCell } from '@/server/csv-cell';
import { getDb } from '@/server/db';
import { errorResponse, proposalIdParam } from '@/server/public-api';

export const dynamic = 'force-dynamic';

const COLUMNS = ['height', 'voter', 'body', 'choice', 'status', 'transaction_id'] as const;

/** Every vote transition of the proposal, oldest first, for audits in a spreadsheet. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = proposalIdParam.safeParse((await params).id);
  if (!parsed.success)
    return errorResponse(400, parsed.error.issues[0]?.message ?? 'bad proposal id');
  const view = await buildProposalView(getDb(), parsed.data);
  if (!view) return errorResponse(404, `no proposal ${parsed.data}`);
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
