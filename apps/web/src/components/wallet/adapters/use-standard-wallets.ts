'use client';
import { getWallets } from '@wallet-standard/app';
import { useMemo, useSyncExternalStore } from 'react';
import { adaptStandardWallet, type RegisteredWallet } from './standard-wallet';
import type { UnusableWallet, VoteWallet } from './vote-wallet';

const NONE: readonly RegisteredWallet[] = [];

function subscribe(changed: () => void): () => void {
  // The first call tells wallets already in the page that the app is ready for them.
  const wallets = getWallets();
  const offs = [wallets.on('register', changed), wallets.on('unregister', changed)];
  return () => {
    for (const off of offs) off();
  };
}

/** Every wallet registered in the page under the wallet standard, sorted into usable or not. */
export function useStandardWallets(): { usable: VoteWallet[]; unusable: UnusableWallet[] } {
  // `get()` answers the same array until a wallet registers or leaves.
  const registered = useSyncExternalStore(
    subscribe,
    () => getWallets().get(),
    () => NONE,
  );
  return useMemo(() => {
    const usable: VoteWallet[] = [];
    const unusable: UnusableWallet[] = [];
    for (const w of registered) {
      const a = adaptStandardWallet(w);
      if (a.usable) usable.push(a.wallet);
      else unusable.push(a.wallet);
    }
    return { usable, unusable };
  }, [registered]);
}
