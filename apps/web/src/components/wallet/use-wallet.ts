'use client';
import { addressOf } from '@ratify/wallet';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { useWalletState, type WalletState } from './wallet-store';

/** The wallet with its address under the chain's HRP (null until the server says which HRP). */
export function useWallet(): { state: WalletState; address: string | null; hrp: string | null } {
  const trpc = useTRPC();
  const state = useWalletState();
  const config = useQuery(
    trpc.votes.config.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const hrp = config.data?.hrp ?? null;
  const address =
    hrp && (state.status === 'locked' || state.status === 'unlocked')
      ? addressOf(state.publicKeyHex, hrp)
      : null;
  return { state, address, hrp };
}
