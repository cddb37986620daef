'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export default function ProposalNotFound() {
  const id = (usePathname().split('/').pop() ?? '').replace(/field$/, '');
  const decimal = /^[0-9]{1,80}$/.test(id);
  return (
    <section className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-semibold tracking-tight">No such proposal</h1>
      <p className="text-slate-700 [overflow-wrap:anywhere]" data-testid="not-found-reason">
        {decimal
          ? `No proposal ${id}field is indexed on any chain.`
          : 'A proposal id is a decimal field value, optionally ending in "field".'}
      </p>
      <p className="text-sm">
        <Link href="/proposals" className="text-sky-700 hover:underline">
          All proposals
        </Link>
      </p>
    </section>
  );
}
