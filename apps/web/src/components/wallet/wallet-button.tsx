'use client';
import Link from 'next/link';
import { shorten } from '../format';
import { useWallet } from './use-wallet';

/** The nav's view of the wallet: which account, and whether it can sign right now. */
export function WalletButton() {
  const { state, address } = useWallet();
  // Short on narrow screens: the nav has no room to spare there.
  const label =
    state.status === 'none' ? (
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
    state.status === 'unlocked'
      ? 'bg-emerald-500'
      : state.status === 'locked'
        ? 'bg-amber-400'
        : 'bg-slate-300';
  return (
    <Link
      href="/wallet"
      className="flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 font-mono text-xs text-slate-700 hover:bg-slate-50"
      title={address ? `${address} (${state.status})` : 'Import or create an account to vote'}
      data-testid="wallet-button"
    >
      <span className={`h-2 w-2 rounded-full ${dot}`} />
      {label}
    </Link>
  );
}
