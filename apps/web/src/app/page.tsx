import { ProposalList } from '@/components/proposal-list';

export default function Home() {
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Network upgrade proposals</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every proposal submitted on the Alpha chain, with its tally recomputed from the indexed
          votes.
        </p>
      </div>
      <ProposalList />
    </section>
  );
}
