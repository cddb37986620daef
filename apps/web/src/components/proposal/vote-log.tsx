import type { ProposalView } from '@ratify/api';
import { AddressLink } from '../address-link';
import { shorten } from '../format';
import { TableBox, Th } from '../table-box';

function status(v: ProposalView['votes'][number]) {
  if (!v.accepted)
    return (
      <span className="text-rose-700">
        rejected
        <span className="block text-xs text-slate-500">{v.rejection}</span>
      </span>
    );
  if (v.counted)
    return v.replaces ? (
      <span>
        counted
        <span className="block text-xs text-slate-500">changed from {v.replaces}</span>
      </span>
    ) : (
      'counted'
    );
  return <span className="text-slate-500">replaced by a later vote</span>;
}

/** Every vote transition, newest first: changes of mind and rejected attempts included. */
export function VoteLog({ p }: { p: ProposalView }) {
  if (p.votes.length === 0)
    return (
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-100 px-4 py-3 font-semibold">Vote transactions</h2>
        <p className="px-4 py-4 text-sm text-slate-500">No votes yet.</p>
      </section>
    );
  return (
    <TableBox label="Vote transactions" heading={`Vote transactions (${p.votes.length})`}>
      <thead>
        <tr>
          <Th>Voter</Th>
          <Th>Body</Th>
          <Th>Choice</Th>
          <Th>Status</Th>
          <Th right>Height</Th>
          <Th>Transaction</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="votes">
        {[...p.votes].reverse().map((v) => (
          <tr key={v.transactionId}>
            <td className="px-4 py-2">
              <AddressLink address={v.voter} />
            </td>
            <td className="px-4 py-2">{v.isGovernor ? 'governor' : 'public'}</td>
            <td className="px-4 py-2 capitalize">{v.choice}</td>
            <td className="px-4 py-2">{status(v)}</td>
            <td className="px-4 py-2 text-right tabular-nums">
              {v.height.toLocaleString('en-US')}
            </td>
            <td className="px-4 py-2 font-mono text-xs text-slate-500" title={v.transactionId}>
              {shorten(v.transactionId)}
            </td>
          </tr>
        ))}
      </tbody>
    </TableBox>
  );
}
