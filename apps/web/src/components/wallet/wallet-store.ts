'use client';
import { useSyncExternalStore } from 'react';
import type { Stored } from './stored-wallet';

const STORAGE_KEY = 'ratify.wallet.v1';

// The stored wallet's schema (zod) loads only once there is a stored wallet to read.
const storedWallet = () => import('./stored-wallet');

export type WalletState =
  | { status: 'loading' }
  | { status: 'none'; problem?: string }
  | { status: 'locked'; publicKeyHex: string; origin: Stored['origin'] }
  | { status: 'unlocked'; publicKeyHex: string; origin: Stored['origin']; secretKey: Uint8Array };

// The unlocked key lives only in this tab's memory: a reload or Lock asks for the password again.
let state: WalletState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: WalletState) {
  state = next;
  for (const l of listeners) l();
}

function readStored(
  text: string,
  schema: Awaited<ReturnType<typeof storedWallet>>['storedSchema'],
): WalletState {
  try {
    const s = schema.parse(JSON.parse(text));
    return { status: 'locked', publicKeyHex: s.publicKeyHex, origin: s.origin };
  } catch {
    return {
      status: 'none',
      problem: 'The stored wallet could not be read; import or create it again.',
    };
  }
}

function apply(stored: WalletState) {
  // Another tab forgetting or replacing the wallet wins; an unlocked key here stays otherwise.
  if (
    state.status === 'unlocked' &&
    stored.status === 'locked' &&
    stored.publicKeyHex === state.publicKeyHex
  )
    return;
  set(stored);
}

function load() {
  const text = window.localStorage.getItem(STORAGE_KEY);
  if (!text) return apply({ status: 'none' });
  // Not loaded: the state stays 'loading' and the next subscriber tries again.
  storedWallet().then(
    ({ storedSchema }) => {
      // A change of the storage meanwhile has a load of its own.
      if (window.localStorage.getItem(STORAGE_KEY) === text) apply(readStored(text, storedSchema));
    },
    () => {},
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (state.status === 'loading') load();
  window.addEventListener('storage', load);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', load);
  };
}

const serverState: WalletState = { status: 'loading' };

/** The keystore's state outside React (the keystore adapter reads it when asked to connect or sign). */
export function currentWalletState(): WalletState {
  if (state.status === 'loading') load();
  return state;
}

/** Calls back on every change of the keystore; answers the unsubscribe. */
export function onWalletChange(listener: () => void): () => void {
  return subscribe(listener);
}

export function useWalletState(): WalletState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => serverState,
  );
}

export const wallet = {
  /** Encrypts the key with the password, keeps it, and leaves the wallet unlocked. */
  async save(secretKey: Uint8Array, password: string, origin: Stored['origin']): Promise<void> {
    const { accountFromSecretKey, encryptSecretKey } = await import('./keystore-crypto');
    const account = accountFromSecretKey(secretKey);
    const keystore = await encryptSecretKey(secretKey, password);
    const stored: Stored = {
      version: 1,
      publicKeyHex: account.publicKeyHex,
      origin,
      createdAt: new Date().toISOString(),
      keystore,
    };
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    set({ status: 'unlocked', publicKeyHex: account.publicKeyHex, origin, secretKey });
  },

  /** Throws `Error('Wrong password.')` when the keystore does not open. */
  async unlock(password: string): Promise<void> {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (!text) throw new Error('No wallet is stored in this browser.');
    const stored = (await storedWallet()).storedSchema.parse(JSON.parse(text));
    const { accountFromSecretKey, decryptSecretKey } = await import('./keystore-crypto');
    let secretKey: Uint8Array;
    try {
      secretKey = await decryptSecretKey(stored.keystore, password);
    } catch {
      throw new Error('Wrong password.');
    }
    if (accountFromSecretKey(secretKey).publicKeyHex !== stored.publicKeyHex) {
      throw new Error('The stored wallet is damaged: its key does not match its address.');
    }
    set({
      status: 'unlocked',
      publicKeyHex: stored.publicKeyHex,
      origin: stored.origin,
      secretKey,
    });
  },

  lock(): void {
    if (state.status === 'unlocked') {
      state.secretKey.fill(0);
      set({ status: 'locked', publicKeyHex: state.publicKeyHex, origin: state.origin });
    }
  },

  forget(): void {
    window.localStorage.removeItem(STORAGE_KEY);
    if (state.status === 'unlocked') state.secretKey.fill(0);
    set({ status: 'none' });
  },
};
