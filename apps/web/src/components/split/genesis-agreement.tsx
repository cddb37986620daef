'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { shorten } from '../format';

function bps(value: number): string {
  return `${Math.floor(value / 100)}.${Math.floor((value % 100) / 10)}%`;
}

/** Genesis hashes Ratify knows, to name what the nodes report. */
export interface KnownGeneses {
  expectedAlpha: string;
  oldAlpha: string | null;
  newAlpha: string | null;
}

function hashLabel(hash: string, known: KnownGeneses | null): string {
  if (!known) return '';
  const names: string[] = [];
  if (hash === known.expectedAlpha) names.push('the expected new Alpha genesis');
  if (hash === known.oldAlpha) names.push('the old Alpha genesis');
  if (hash === known.newAlpha && hash !== known.expectedAlpha)
    names.push('the indexed new Alpha genesis');
  return names.length > 0 ? names.join(', ') : 'not a genesis Ratify knows';
}

/**
 * What the governors' nodes (GOVERNOR_NODES) report as their genesis hash, against the
 * 67% a joining node needs before it trusts a genesis.
 */
export function GenesisAgreementPanel({ known }: { known: KnownGeneses | null }) {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.split.genesis.queryOptions(undefined, { refetchInterval: 10_000 }),
  );
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="genesis-agreement"
    >
      <h2 className="font-semibold">Genesis agreement</h2>
      {isPending ? (
        <p className="mt-2 text-sm text-slate-500">Asking the governors' nodes…</p>
      ) : error ? (
        <p className="mt-2 text-sm text-rose-700">
          Could not ask the governors' nodes: {error.message}
        </p>
      ) : data === null ? (
        <p className="mt-2 text-sm text-slate-600">
          No governors' nodes are listed: set <code>GOVERNOR_NODES</code> to their URLs to see which
          genesis they report.
        </p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600" data-testid="genesis-verdict">
            {data.nodes.length} governor {data.nodes.length === 1 ? 'node' : 'nodes'} listed; a
            joining node trusts a genesis that {data.required} of them (67%) report.{' '}
            {data.agreement.agreed ? (
              <strong className="text-emerald-700">
                Agreed on {shorten(data.agreement.hash, 12, 6)}.
              </strong>
            ) : (
              <strong className="text-rose-700">No genesis reaches 67%.</strong>
            )}
          </p>
          <ul className="mt-3 space-y-3">
            {data.hashes.map((h) => (
              <li key={h.hash} data-testid="genesis-hash">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
                  <span className="font-mono" title={h.hash}>
                    {shorten(h.hash, 12, 6)}
                  </span>
                  <span className="tabular-nums" data-testid="genesis-share">
                    {h.count} of {data.nodes.length} · {bps(h.shareBps)}
                  </span>
                </div>
                <p className="text-xs text-slate-500">{hashLabel(h.hash, known)}</p>
                <div
                  className="relative mt-1 h-2 rounded-full bg-slate-100"
                  role="img"
                  aria-label={`${bps(h.shareBps)} of the nodes, 67% needed`}
                >
                  <div
                    className={`h-2 rounded-full ${h.trusted ? 'bg-emerald-500' : 'bg-amber-500'}`}
                    style={{ width: `${h.shareBps / 100}%` }}
                  />
                  <div className="absolute -top-1 h-4 w-0.5 bg-slate-700" style={{ left: '67%' }} />
                </div>
              </li>
            ))}
          </ul>
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-slate-600">
              Each node's answer (asked at most every 10 s, 2 s time-out)
            </summary>
            <ul className="mt-2 space-y-1 text-xs">
              {data.nodes.map((n) => (
                <li key={n.url} className="break-all">
                  <span className="font-mono">{n.url}</span>:{' '}
                  {n.hash ? (
                    <span className="font-mono" title={n.hash}>
                      {shorten(n.hash, 12, 6)}
                    </span>
                  ) : (
                    <span className="text-rose-700">{n.error}</span>
                  )}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
