'use client';
import type { AppRouter } from '@ratify/api';
import type { TRPCClient } from '@trpc/client';
import { useTRPCClient } from '@/trpc/client';
import { createKeystoreWallet } from './adapters/keystore-wallet';
import type { VoteWallet } from './adapters/vote-wallet';

// One keystore wallet object per tRPC client: the connection store tells wallets apart by identity.
const keystores = new WeakMap<TRPCClient<AppRouter>, VoteWallet>();

export function useKeystoreWallet(): VoteWallet {
  const client = useTRPCClient();
  let wallet = keystores.get(client);
  if (!wallet) {
    wallet = createKeystoreWallet(client);
    keystores.set(client, wallet);
  }
  return wallet;
}
