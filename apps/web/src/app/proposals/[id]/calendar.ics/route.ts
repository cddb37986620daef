import { proposalIdSchema } from '@ratify/aleo';
import { buildProposalView } from '@ratify/api/read-models';
import { getDb } from '@/server/db';
import { proposalCalendar } from '@/server/proposal-calendar';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = proposalIdSchema.safeParse((await params).id);
  const view = parsed.success ? await buildProposalView(getDb(), parsed.data) : null;
  if (!view) return new Response('no such proposal\n', { status: 404 });
  const page = new URL(`/proposals/${view.proposalId}`, req.url).toString();
  return new Response(proposalCalendar(view, page), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="proposal-${view.proposalId.slice(0, 16)}.ics"`,
    },
  });
}
