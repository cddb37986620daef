import type { ReactNode } from 'react';

/**
 * A table in a card that scrolls sideways inside its own box on a narrow screen, so the
 * page itself never does. The scrolling part is focusable and labelled, so keyboard users
 * can scroll it too.
 */
export function TableBox({
  label,
  heading,
  children,
  testId,
  stack = false,
  footer,
}: {
  label: string;
  heading?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** On a phone, show each row as a card; every cell then needs a `data-label`. */
  stack?: boolean;
  /** Below the table, inside the card: a pager. */
  footer?: ReactNode;
}) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      aria-label={heading ? undefined : label}
      data-testid={testId}
    >
      {heading ? (
        <h2 className="border-b border-slate-100 px-4 py-3 font-semibold">{heading}</h2>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section aria-label={label} tabIndex={0} className="overflow-x-auto">
        <table className={`w-full text-sm ${stack ? 'stack-table' : ''}`}>{children}</table>
      </section>
      {footer}
    </section>
  );
}

/** Column header cell with the site's table style. */
export function Th({ children, right = false }: { children: ReactNode; right?: boolean }) {
  return (
    <th
      scope="col"
      className={`whitespace-nowrap px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-600 ${right ? 'text-right' : 'text-left'}`}
    >
      {children}
    </th>
  );
}
