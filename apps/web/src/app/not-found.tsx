import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-slate-700" data-testid="not-found-reason">
        There is nothing at this address: no such page, proposal or validator.
      </p>
      <p className="text-sm">
        <Link href="/" className="text-sky-700 hover:underline">
          Back to the overview
        </Link>{' '}
        ·{' '}
        <Link href="/proposals" className="text-sky-700 hover:underline">
          All proposals
        </Link>
      </p>
    </section>
  );
}
