'use client';
import { useStandardWallets } from './adapters/use-standard-wallets';
import { connection, useConnection } from './connection-store';
import { WalletPicker } from './wallet-picker';

/** The wallets of the Aleo wallet standard this browser has, and the one connected, if any. */
export function WalletsInPage() {
  const { usable, unusable } = useStandardWallets();
  const { wallet, connection: conn } = useConnection();
  const external = wallet && !wallet.builtIn ? wallet : null;
  if (usable.length === 0 && unusable.length === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="wallet-none-found">
        No wallet of the Aleo wallet standard is installed in this browser. Wallets that offer
        standard:connect and aleo:execute appear here and on every proposal's vote panel.
      </p>
    );
  return (
    <div className="space-y-3">
      <WalletPicker
        wallets={usable}
        unusable={unusable}
        chosen={external}
        onChoose={(w) => void connection.choose(w)}
        disabled={false}
      />
      {external && conn.status === 'connected' ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">Connected through {external.name}</span>
          <span className="break-all font-mono text-xs">{conn.address}</span>
          <button
            type="button"
            className="text-xs text-slate-500 underline hover:text-slate-800"
            onClick={() => void connection.disconnect()}
          >
            Disconnect
          </button>
        </p>
      ) : (
        <p className="text-xs text-slate-500">
          Connect a wallet from a proposal's vote panel: it connects to that proposal's network.
        </p>
      )}
    </div>
  );
}
