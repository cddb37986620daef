'use client';
import { CREDITS_PROGRAM } from '@ratify/aleo';
import { useSyncExternalStore } from 'react';
import type { VoteWallet } from './adapters/vote-wallet';

export type Connection =
  | { status: 'disconnected'; notice?: string }
  | { status: 'connecting' }
  | { status: 'connected'; address: string; network: string }
  /** The wallet refused or failed to connect; its own message. */
  | { status: 'failed'; message: string };

export type ConnectionState = { wallet: VoteWallet | null; connection: Connection };

// One connection per tab, shared by the nav, the wallet page and every vote panel.
let state: ConnectionState = { wallet: null, connection: { status: 'disconnected' } };
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;
let attempt = 0;

function set(next: ConnectionState) {
  state = next;
  for (const l of listeners) l();
}

function drop(notice?: string) {
  unsubscribe?.();
  unsubscribe = null;
  set({ wallet: state.wallet, connection: { status: 'disconnected', notice } });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const connection = {
  /** Connects to the network the proposal is voted on, naming the one program a vote calls. */
  async connect(wallet: VoteWallet, network: string): Promise<void> {
    if (state.wallet && state.wallet !== wallet) await connection.disconnect();
    unsubscribe?.();
    unsubscribe = null;
    const mine = ++attempt;
    set({ wallet, connection: { status: 'connecting' } });
    try {
      const { address } = await wallet.connect(network, [CREDITS_PROGRAM]);
      if (mine !== attempt) return;
      unsubscribe = wallet.subscribe((event) => {
        if (state.wallet !== wallet) return;
        if (event.type === 'disconnect') drop(`${wallet.name} disconnected.`);
        // The standard's accountChange carries no account: the dapp asks again.
        else if (event.type === 'accountChange')
          drop(`${wallet.name} switched accounts: connect again to vote with the new one.`);
        else if (state.connection.status === 'connected')
          set({ wallet, connection: { ...state.connection, network: event.network } });
      });
      set({ wallet, connection: { status: 'connected', address, network } });
    } catch (e) {
      if (mine !== attempt) return;
      set({ wallet, connection: { status: 'failed', message: `${wallet.name}: ${messageOf(e)}` } });
    }
  },

  async disconnect(): Promise<void> {
    const wallet = state.wallet;
    const was = state.connection.status;
    attempt++;
    drop();
    // A wallet never connected is not bothered; one that was is told, whatever it answers.
    if (was === 'connected' || was === 'connecting') await wallet?.disconnect().catch(() => {});
  },

  /** Chooses a wallet without connecting it; the previous one is disconnected. */
  async choose(wallet: VoteWallet): Promise<void> {
    if (state.wallet === wallet) return;
    await connection.disconnect();
    set({ wallet, connection: { status: 'disconnected' } });
  },
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The connection outside React. */
export function currentConnection(): ConnectionState {
  return state;
}

const serverState: ConnectionState = { wallet: null, connection: { status: 'disconnected' } };

export function useConnection(): ConnectionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => serverState,
  );
}
