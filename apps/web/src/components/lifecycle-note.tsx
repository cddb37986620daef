import type { ProposalPage } from '@ratify/api';
import { shorten } from './format';

type Life = ProposalPage['lifecycle'];

function haltText(r: Extract<Life, { state: 'halted' }>['reasons'][number]): string {
  switch (r.code) {
    case 'alpha_hash_mismatch':
      return `The new Alpha's genesis hash ${shorten(r.actual, 12, 6)} is not the expected ${shorten(r.expected, 12, 6)}.`;
    case 'delta_hash_mismatch':
      return `The new Delta's genesis hash ${shorten(r.actual, 12, 6)} is not the expected ${shorten(r.expected, 12, 6)}.`;
    case 'alpha_not_producing':
      return `The new Alpha has produced no block ${r.waitedSeconds} s after activation.`;
    case 'alpha_stalled':
      return `The new Alpha stalled at height ${r.height}.`;
    case 'delta_stalled':
      return `The new Delta stalled at height ${r.height}.`;
    case 'delta_rogue':
      return `The new Delta names Alpha genesis ${shorten(r.alphaGenesisHash, 12, 6)} on network ${r.alphaNetworkId}, not the new Alpha: a rogue chain.`;
  }
}

/** One line on where the upgrade stands; an emergency when it must halt. */
export function LifecycleNote({ life }: { life: Life }) {
  switch (life.state) {
    case 'halted':
      return (
        <div
          role="alert"
          className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900"
          data-testid="halted"
        >
          <p className="font-semibold">Emergency: the upgrade must halt.</p>
          <ul className="mt-1 list-disc pl-5">
            {life.reasons.map((r) => (
              <li key={r.code}>{haltText(r)}</li>
            ))}
          </ul>
        </div>
      );
    case 'invalid':
      return (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">This proposal is invalid and is not counted.</p>
          <ul className="mt-1 list-disc pl-5">
            {life.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </div>
      );
    case 'split':
      return (
        <p className="text-sm text-violet-800">
          The new Alpha runs from genesis {shorten(life.newAlphaGenesisHash, 12, 6)} and is at
          height {life.newAlphaHeight.toLocaleString('en-US')};{' '}
          {life.blocksUntilDelta > 0
            ? `Delta moves after ${life.blocksUntilDelta} more Alpha blocks.`
            : 'Delta is due to move now.'}
        </p>
      );
    case 'delta_upgraded':
      return (
        <p className="text-sm text-emerald-800">
          Both chains upgraded: Alpha at height {life.newAlphaHeight.toLocaleString('en-US')}, Delta
          at height {life.newDeltaHeight.toLocaleString('en-US')} on the new network.
        </p>
      );
    case 'activating':
      return (
        <p className="text-sm text-violet-800">
          Activation height reached; waiting for the new Alpha's first block.
        </p>
      );
    default:
      return null;
  }
}
