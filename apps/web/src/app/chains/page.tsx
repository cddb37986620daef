import { ChainTable } from '@/components/chain-table';

export default function ChainsPage() {
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Chains</h1>
      <ChainTable />
    </section>
  );
}
