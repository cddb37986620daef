import type { ProposalPage } from '@ratify/api';
import { shorten } from '../format';

type Event = ProposalPage['timeline'][number];

export function utc(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function when(e: Event): string {
  if (e.time === null) return e.status === 'skipped' ? '' : 'time not known yet';
  if (e.time.kind === 'observed') return utc(e.time.at);
  return `≈ ${utc(e.time.at)} (between ${utc(e.time.earliest).slice(11)} and ${utc(e.time.latest).slice(11)})`;
}

const DOT: Record<Event['status'], string> = {
  done: 'bg-emerald-500',
  pending: 'bg-white ring-2 ring-slate-400',
  failed: 'bg-rose-500',
  skipped: 'bg-slate-300',
};

/** The proposal's lifecycle as dated steps; future times are the countdown's estimates. */
export function Timeline({ p }: { p: ProposalPage }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Lifecycle</h2>
      <ol className="mt-3 space-y-3 border-l border-slate-200 pl-5" data-testid="timeline">
        {p.timeline.map((e) => (
          <li
            key={e.key}
            className="relative"
            data-testid={`timeline-${e.key}`}
            data-status={e.status}
          >
            <span
              aria-hidden="true"
              className={`absolute -left-[1.65rem] top-1.5 h-3 w-3 rounded-full ${DOT[e.status]}`}
            />
            <p className="text-sm font-medium">
              {e.label}
              <span className="sr-only"> ({e.status})</span>
              {e.height !== null ? (
                <span className="ml-2 font-normal text-slate-600 tabular-nums">
                  {e.chain} height {e.height.toLocaleString('en-US')}
                </span>
              ) : null}
            </p>
            <p className="text-xs text-slate-600">
              {when(e)}
              {e.note ? <span className="block">{e.note}</span> : null}
              {e.genesisHash ? (
                <span className="block font-mono" title={e.genesisHash}>
                  genesis {shorten(e.genesisHash, 12, 6)}
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
