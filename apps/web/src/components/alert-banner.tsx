'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/client';

/** On every page: what an operator must act on, critical first. */
export function AlertBanner() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.alerts.list.queryOptions(undefined, { refetchInterval: 5_000 }));
  if (!data || data.length === 0) return null;
  return (
    <div className="border-b border-rose-200 bg-rose-50" data-testid="alert-banner">
      <ul className="mx-auto max-w-6xl space-y-1 px-6 py-2 text-sm">
        {data.map((a) => (
          <li key={`${a.code}:${a.message}`} role="alert" className="flex items-baseline gap-2">
            <span
              className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${
                a.severity === 'critical' ? 'bg-rose-600 text-white' : 'bg-amber-200 text-amber-900'
              }`}
            >
              {a.severity}
            </span>
            <Link href={a.href} className="text-rose-900 hover:underline">
              {a.message}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
