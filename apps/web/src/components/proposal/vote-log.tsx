import type { ProposalView } from '@ratify/api';
import { shorten } from '../format';
import { VoterLink } from './voter-link';

function status(v: ProposalView['votes'][number]) {
  if (!v.accepted)
    return (
      <span className="text-rose-700 dark:text-rose-300">
        rejected
        <span className="block text-xs text-slate-500 dark:text-slate-400">{v.rejection}</span>
      </span>
    );
  if (v.counted)
    return v.replaces ? (
      <span>
        counted
        <span className="block text-xs text-slate-500 dark:text-slate-400">
          changed from {v.replaces}
        </span>
      </span>
    ) : (
      'counted'
    );
  return <span className="text-slate-500 dark:text-slate-400">replaced by a later vote</span>;
}

/** Every vote transition, newest first: changes of mind and rejected attempts included. */
export function VoteLog({ p }: { p: ProposalView }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h2 className="border-b border-slate-100 px-4 py-3 font-semibold dark:border-slate-800">
        Vote transactions ({p.votes.length})
      </h2>
      {p.votes.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">No votes yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">Voter</th>
                <th className="px-4 py-2 font-medium">Body</th>
                <th className="px-4 py-2 font-medium">Choice</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 text-right font-medium">Height</th>
                <th className="px-4 py-2 font-medium">Transaction</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="votes">
              {[...p.votes].reverse().map((v) => (
                <tr key={v.transactionId}>
                  <td className="px-4 py-2">
                    <VoterLink address={v.voter} />
                  </td>
                  <td className="px-4 py-2">{v.isGovernor ? 'governor' : 'public'}</td>
                  <td className="px-4 py-2 capitalize">{v.choice}</td>
                  <td className="px-4 py-2">{status(v)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {v.height.toLocaleString('en-US')}
                  </td>
                  <td
                    className="px-4 py-2 font-mono text-xs text-slate-500 dark:text-slate-400"
                    title={v.transactionId}
                  >
                    {shorten(v.transactionId)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
