'use client';
import { useState } from 'react';
import { wallet } from './wallet-store';

export function WalletUnlock() {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (password.length === 0) return setError('Enter the wallet password.');
    setBusy(true);
    setError(null);
    try {
      await wallet.unlock(password);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-start gap-2"
      data-testid="wallet-unlock"
    >
      <div className="min-w-56 flex-1">
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          placeholder="Wallet password"
          aria-label="Wallet password"
          autoComplete="current-password"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500"
          data-testid="wallet-unlock-password"
        />
        {error ? (
          <p role="alert" className="mt-1 text-sm text-rose-700" data-testid="wallet-error">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800 disabled:opacity-50"
      >
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
