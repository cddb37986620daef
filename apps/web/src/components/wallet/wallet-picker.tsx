'use client';
import type { UnusableWallet, VoteWallet } from './adapters/vote-wallet';

function WalletIcon({ icon, name }: { icon: string | null; name: string }) {
  if (!icon)
    return (
      <span
        aria-hidden
        className="flex h-5 w-5 items-center justify-center rounded bg-slate-200 text-[10px] font-semibold text-slate-600"
      >
        {name.slice(0, 1).toUpperCase()}
      </span>
    );
  // A data: URI checked by safeIcon; next/image would add nothing for an inline image.
  // biome-ignore lint/performance/noImgElement: inline data URI
  return <img src={icon} alt="" className="h-5 w-5 rounded" />;
}

/** Every wallet that can vote here, the keystore last; and the page's wallets that cannot. */
export function WalletPicker({
  wallets,
  unusable,
  chosen,
  onChoose,
  disabled,
}: {
  wallets: VoteWallet[];
  unusable: UnusableWallet[];
  chosen: VoteWallet | null;
  onChoose: (w: VoteWallet) => void;
  disabled: boolean;
}) {
  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Wallet</legend>
        {wallets.map((w) => (
          <button
            key={w.id}
            type="button"
            aria-pressed={w === chosen}
            disabled={disabled}
            onClick={() => onChoose(w)}
            className={`flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${
              w === chosen
                ? 'border-sky-600 bg-sky-50 ring-1 ring-sky-600'
                : 'border-slate-300 hover:border-slate-400'
            }`}
            data-testid="wallet-option"
          >
            <WalletIcon icon={w.icon} name={w.name} />
            {w.name}
          </button>
        ))}
      </fieldset>
      {unusable.length > 0 ? (
        <ul className="text-xs text-slate-500" data-testid="wallet-unusable">
          {unusable.map((w) => (
            <li key={w.id} className="flex items-center gap-1.5">
              <WalletIcon icon={w.icon} name={w.name} />
              {w.name} cannot vote here: it {w.reason}.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
