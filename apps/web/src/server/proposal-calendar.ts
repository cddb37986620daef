import type { ProposalView } from '@ratify/api';
import ical, { ICalEventStatus } from 'ical-generator';

type Estimate = ProposalView['countdown']['votingEnds'];
export type CalendarInput = Pick<ProposalView, 'proposalId' | 'chain' | 'countdown'> & {
  terms: Pick<ProposalView['terms'], 'votingEndsHeight' | 'activationHeight'>;
};

function utc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Start time and the words on how it is known; null when no time is known yet. */
function timing(c: Estimate): { at: number; how: string; tentative: boolean } | null {
  if (c.kind === 'reached')
    return c.reachedAt === null
      ? null
      : { at: c.reachedAt, how: 'Reached at this block time.', tentative: false };
  if (c.kind !== 'estimate') return null;
  return {
    at: c.at,
    how: `Estimated from the median of ${c.sampleSize} recent block intervals (${c.medianMs} ms); between ${utc(c.earliest)} and ${utc(c.latest)} (p10-p90 of the intervals), ${c.blocksLeft} blocks after height ${c.lastBlock.height}.`,
    tentative: true,
  };
}

/**
 * The proposal's voting end and activation as calendar events. Their times are the
 * countdown's estimates, so a calendar that refreshes the file follows the chain's pace.
 */
export function proposalCalendar(p: CalendarInput, pageUrl: string): string {
  const name = `Upgrade proposal ${p.proposalId.slice(0, 12)}…`;
  const calendar = ical({ name, prodId: { company: 'Ratify', product: 'proposal-calendar' } });
  const events = [
    {
      key: 'voting-ends',
      title: 'Voting ends',
      height: p.terms.votingEndsHeight,
      c: p.countdown.votingEnds,
    },
    {
      key: 'activation',
      title: 'Activation',
      height: p.terms.activationHeight,
      c: p.countdown.activation,
    },
  ];
  for (const e of events) {
    const t = timing(e.c);
    if (t === null) continue;
    const start = new Date(t.at * 1000);
    calendar.createEvent({
      id: `${p.proposalId}-${e.key}@ratify`,
      start,
      end: new Date(start.getTime() + 15 * 60_000),
      summary: `${e.title}: ${p.chain} height ${e.height}`,
      description: `${e.title} of proposal ${p.proposalId}field at ${p.chain} height ${e.height}. ${t.how}`,
      status: t.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      url: pageUrl,
    });
  }
  return calendar.toString();
}
