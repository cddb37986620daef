'use client';

const button =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent';

/**
 * Previous / next for a list the server pages: which rows are shown, announced to screen
 * readers as they change. The buttons stay in place (disabled at the ends) so the focus does
 * not jump while paging.
 */
export function ListPager({
  label,
  first,
  shown,
  total,
  onPrevious,
  onNext,
  busy = false,
  testId,
}: {
  /** What the list is, for the navigation landmark: "Governors pages". */
  label: string;
  /** 1-based number of the first row shown. */
  first: number;
  shown: number;
  total: number;
  onPrevious?: () => void;
  onNext?: () => void;
  busy?: boolean;
  testId?: string;
}) {
  if (total <= shown && !onPrevious && !onNext) return null;
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center gap-3 border-t border-slate-100 px-4 py-2"
      data-testid={testId}
    >
      <button type="button" className={button} disabled={!onPrevious} onClick={onPrevious}>
        Previous
      </button>
      <span className="text-sm text-slate-600 tabular-nums" aria-live="polite" aria-busy={busy}>
        {shown === 0
          ? `None of ${total.toLocaleString('en-US')}`
          : `${first.toLocaleString('en-US')}–${(first + shown - 1).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
      </span>
      <button type="button" className={button} disabled={!onNext} onClick={onNext}>
        Next
      </button>
    </nav>
  );
}
