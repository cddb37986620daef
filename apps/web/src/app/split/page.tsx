import { SplitPanel } from '@/components/split-view';

export default function SplitPage() {
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Chain split</h1>
      <SplitPanel />
    </section>
  );
}
