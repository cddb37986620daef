'use client';
import { useState } from 'react';
import { parseSecretKey, passwordProblem } from './secret-key';
import { wallet } from './wallet-store';

type Mode = 'import' | 'create';

const input =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500';

/** Import a dev account's secret key or create a new account; either way it is stored encrypted. */
export function WalletSetup({ problem }: { problem?: string }) {
  const [mode, setMode] = useState<Mode>('import');
  const [key, setKey] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    let imported: Uint8Array | null = null;
    if (mode === 'import') {
      const parsed = parseSecretKey(key);
      if (!parsed.ok) return setError(parsed.error);
      imported = parsed.secretKey;
    }
    const bad = passwordProblem(password, confirm);
    if (bad) return setError(bad);
    setBusy(true);
    try {
      const secretKey = imported ?? (await import('./keystore-crypto')).randomAccount().secretKey;
      await wallet.save(secretKey, password, mode === 'import' ? 'imported' : 'generated');
    } catch (err) {
      setError(`Could not store the wallet: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const tab = (m: Mode, label: string) => (
    <button
      type="button"
      onClick={() => {
        setMode(m);
        setError(null);
      }}
      className={`rounded-md px-3 py-1.5 text-sm ${mode === m ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
      aria-pressed={mode === m}
    >
      {label}
    </button>
  );

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="wallet-setup" noValidate>
      {problem ? <p className="text-sm text-amber-700">{problem}</p> : null}
      <div className="flex gap-2">
        {tab('import', 'Import a secret key')}
        {tab('create', 'Create a new account')}
      </div>
      {mode === 'import' ? (
        <label className="block space-y-1">
          <span className="text-sm font-medium">Secret key (hex)</span>
          <input
            className={`${input} font-mono`}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="64 hex characters, as the devnet prints them at start"
            autoComplete="off"
            spellCheck={false}
            data-testid="wallet-secret-key"
          />
        </label>
      ) : (
        <p className="text-sm text-slate-600">
          A new random key is made in this browser. It can vote only once it is a governor or a
          committee member; dev accounts printed by the devnet already are.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Password</span>
          <input
            className={input}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            data-testid="wallet-password"
          />
        </label>
        <label className="block space-y-1">
          <span className="text-sm font-medium">Password again</span>
          <input
            className={input}
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="new-password"
            data-testid="wallet-password-confirm"
          />
        </label>
      </div>
      <p className="text-xs text-slate-500">
        The key is kept in this browser only, encrypted with the password (scrypt + AES-GCM). It is
        never sent to the server; votes are signed here.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-rose-700" data-testid="wallet-error">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800 disabled:opacity-50"
        data-testid="wallet-save"
      >
        {busy ? 'Encrypting…' : mode === 'import' ? 'Import and encrypt' : 'Create and encrypt'}
      </button>
    </form>
  );
}
