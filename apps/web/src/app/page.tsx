import { OverviewPanel } from '@/components/overview/overview-panel';

export default function Home() {
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Network upgrade overview</h1>
        <p className="mt-1 text-sm text-slate-600">
          The Alpha and Delta chains, the proposals being decided and the next activation, refreshed
          as blocks are indexed.
        </p>
      </div>
      <OverviewPanel />
    </section>
  );
}
