const STYLES: Record<string, string> = {
  voting: 'bg-sky-100 text-sky-800 ring-sky-200',
  approved: 'bg-emerald-100 text-emerald-800 ring-emerald-200',
  activating: 'bg-violet-100 text-violet-800 ring-violet-200',
  split: 'bg-violet-100 text-violet-800 ring-violet-200',
  delta_upgraded: 'bg-emerald-100 text-emerald-800 ring-emerald-200',
  rejected: 'bg-slate-200 text-slate-700 ring-slate-300',
  invalid: 'bg-amber-100 text-amber-800 ring-amber-200',
  halted: 'bg-rose-600 text-white ring-rose-700',
};

const LABELS: Record<string, string> = {
  voting: 'Voting',
  approved: 'Approved, awaiting activation',
  activating: 'Activating',
  split: 'Split: new Alpha running',
  delta_upgraded: 'Upgraded: Alpha and Delta',
  rejected: 'Rejected',
  invalid: 'Invalid',
  halted: 'Halted',
};

export function PhaseBadge({ phase }: { phase: string }) {
  return (
    <span
      data-testid="phase"
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[phase] ?? STYLES.rejected}`}
    >
      {LABELS[phase] ?? phase}
    </span>
  );
}
