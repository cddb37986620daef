import { parseProposalSearch } from '@ratify/api/read-models';
import type { Metadata } from 'next';
import { ProposalFilters } from '@/components/proposals/proposal-filters';
import { ProposalTable } from '@/components/proposals/proposal-table';

export const metadata: Metadata = { title: 'Proposals · Ratify' };

export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = parseProposalSearch(await searchParams);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Proposals</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every proposal submitted on the Alpha chain, with its tally recomputed from the indexed
          votes.
        </p>
      </div>
      <ProposalFilters search={parsed.ok ? parsed.search : {}} />
      {parsed.ok ? (
        <ProposalTable search={parsed.search} />
      ) : (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="search-error"
        >
          This link's filter is not valid: {parsed.message}.
        </p>
      )}
    </section>
  );
}
