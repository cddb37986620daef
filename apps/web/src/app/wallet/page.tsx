import type { Metadata } from 'next';
import { WalletPanel } from '@/components/wallet/wallet-panel';
import { WalletsInPage } from '@/components/wallet/wallets-in-page';

export const metadata: Metadata = { title: 'Wallet · Ratify' };

export default function WalletPage() {
  return (
    <section className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Wallet</h1>
        <p className="mt-1 text-sm text-slate-600">
          The account you vote with: a wallet of the Aleo wallet standard installed in this browser,
          or the built-in keystore, where governors and public validators import their validator key
          (the devnet prints its dev accounts' keys at start).
        </p>
      </div>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="font-semibold">Browser wallets</h2>
        <WalletsInPage />
      </div>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="font-semibold">Built-in keystore</h2>
        <WalletPanel />
      </div>
    </section>
  );
}
