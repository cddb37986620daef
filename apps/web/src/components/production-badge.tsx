import type { Production } from '@ratify/api/read-models';

const STYLE: Record<Production, string> = {
  producing: 'bg-emerald-100 text-emerald-800',
  slow: 'bg-amber-100 text-amber-900',
  stalled: 'bg-rose-100 text-rose-800',
  not_started: 'bg-slate-100 text-slate-700',
  unknown: 'bg-slate-100 text-slate-700',
};

const LABEL: Record<Production, string> = {
  producing: 'producing',
  slow: 'slow',
  stalled: 'stalled',
  not_started: 'not started',
  unknown: 'too few blocks',
};

export function ProductionBadge({ production }: { production: Production }) {
  return (
    <span
      data-testid="production"
      className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[production]}`}
    >
      {LABEL[production]}
    </span>
  );
}
