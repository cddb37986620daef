'use client';
import { useState } from 'react';
import { useWallet } from './use-wallet';
import { WalletSetup } from './wallet-setup';
import { wallet } from './wallet-store';
import { WalletUnlock } from './wallet-unlock';

const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const quiet =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';

/** The whole wallet in one place: set up, unlock, or show the account with lock and forget. */
export function WalletPanel() {
  const { state, address } = useWallet();
  const [reveal, setReveal] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);

  if (state.status === 'loading')
    return <p className="text-sm text-slate-500">Opening the wallet…</p>;
  if (state.status === 'none') return <WalletSetup problem={state.problem} />;

  return (
    <div className="space-y-3" data-testid="wallet-account">
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          {state.origin === 'imported' ? 'Imported account' : 'Account created here'} ·{' '}
          <span data-testid="wallet-status">
            {state.status === 'unlocked' ? 'unlocked' : 'locked'}
          </span>
        </p>
        <p className="break-all font-mono text-sm" data-testid="wallet-address">
          {address ?? '…'}
        </p>
      </div>
      {state.status === 'locked' ? <WalletUnlock /> : null}
      {state.status === 'unlocked' && reveal ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">
            Secret key: anyone with it can vote as this account.
          </p>
          <p className="mt-1 break-all font-mono text-xs">{toHex(state.secretKey)}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {state.status === 'unlocked' ? (
          <>
            <button
              type="button"
              className={quiet}
              onClick={() => wallet.lock()}
              data-testid="wallet-lock"
            >
              Lock
            </button>
            <button type="button" className={quiet} onClick={() => setReveal(!reveal)}>
              {reveal ? 'Hide secret key' : 'Back up secret key'}
            </button>
          </>
        ) : null}
        {confirmForget ? (
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-rose-800">
              Remove the key from this browser? Without a backup it is gone.
            </span>
            <button
              type="button"
              className="rounded-md bg-rose-700 px-3 py-1.5 text-sm text-white hover:bg-rose-800"
              onClick={() => {
                wallet.forget();
                setConfirmForget(false);
              }}
            >
              Forget it
            </button>
            <button type="button" className={quiet} onClick={() => setConfirmForget(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className={quiet} onClick={() => setConfirmForget(true)}>
            Forget this account
          </button>
        )}
      </div>
    </div>
  );
}
