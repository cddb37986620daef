'use client';
import Link from 'next/link';
import { shorten } from '../format';
import { useConnection } from './connection-store';
import { useWallet } from './use-wallet';

/** The nav's view of the wallet: which account, and whether it can sign right now. */
export function WalletButton() {
  const keystore = useWallet();
  const { wallet, connection } = useConnection();
  // A connected wallet of the page is the account in use; otherwise the keystore's.
  const external =
    wallet && !wallet.builtIn && connection.status === 'connected' ? connection : null;
  const state = keystore.state;
  const address = external?.address ?? keystore.address;
  const status = external ? `connected through ${wallet?.name}` : state.status;
  // Short on narrow screens: the nav has no room to spare there.
  const label =
    state.status === 'none' && !external ? (
      <>
        <span className="hidden sm:inline">Set up wallet</span>
        <span className="sm:hidden">Wallet</span>
      </>
    ) : address ? (
      <>
        <span className="hidden sm:inline">{shorten(address, 8, 4)}</span>
        <span className="sm:hidden">{address.slice(0, 6)}…</span>
      </>
    ) : (
      'Wallet'
    );
  const dot =
    external || state.status === 'unlocked'
      ? 'bg-emerald-500'
      : state.status === 'locked'
        ? 'bg-amber-400'
        : 'bg-slate-300';
  return (
    <Link
      href="/wallet"
      className="flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 font-mono text-xs text-slate-700 hover:bg-slate-50"
      title={address ? `${address} (${status})` : 'Import or create an account to vote'}
      data-testid="wallet-button"
    >
      <span className={`h-2 w-2 rounded-full ${dot}`} />
      {label}
    </Link>
  );
}
