'use client';
import type { VoteWallet } from './adapters/vote-wallet';
import type { Connection } from './connection-store';
import { chainNetworkLabel } from './wallet-fit';

const quiet =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50';

/** A standard wallet's side of the panel: what it serves or is on, connect and disconnect. */
export function WalletConnection({
  wallet,
  conn,
  chain,
  refusal,
  onConnect,
  onDisconnect,
}: {
  wallet: VoteWallet;
  conn: Connection;
  /** The chain of the connected address, when known. */
  chain: string | null;
  /** Why this wallet cannot vote on this proposal; shown before anything is signed. */
  refusal: string | null;
  onConnect: () => void;
  onDisconnect: () => void;
}) {
  const connected = conn.status === 'connected';
  const where = connected
    ? chainNetworkLabel(`${chain ?? 'unknown chain'}:${conn.network}`)
    : wallet.chains.length > 0
      ? wallet.chains.map(chainNetworkLabel).join(', ')
      : 'does not say';
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-500">{connected ? 'On' : 'Serves'}</span>
        <span className="font-medium" data-testid="wallet-network">
          {where}
        </span>
        {connected ? (
          <button
            type="button"
            className={quiet}
            onClick={onDisconnect}
            data-testid="wallet-disconnect"
          >
            Disconnect
          </button>
        ) : (
          <button
            type="button"
            className={quiet}
            onClick={onConnect}
            disabled={conn.status === 'connecting' || (refusal !== null && !connected)}
            data-testid="wallet-connect"
          >
            {conn.status === 'connecting' ? 'Connecting…' : `Connect ${wallet.name}`}
          </button>
        )}
      </p>
      {refusal ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="wallet-refusal"
        >
          {refusal}
        </p>
      ) : null}
      {conn.status === 'failed' ? (
        <p role="alert" className="text-sm text-rose-700" data-testid="wallet-error">
          {conn.message}
        </p>
      ) : null}
      {conn.status === 'disconnected' && conn.notice ? (
        <p className="text-sm text-slate-600" data-testid="wallet-notice">
          {conn.notice}
        </p>
      ) : null}
    </div>
  );
}
