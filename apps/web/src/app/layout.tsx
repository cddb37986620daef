import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';
import { AlertBanner } from '@/components/alert-banner';
import { LiveUpdates } from '@/components/live-updates';
import { WalletButton } from '@/components/wallet/wallet-button';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Ratify: network upgrade governance',
  description: 'Proposals, votes and the chain split of the Alpha and Delta network upgrade.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
              <Link href="/" className="text-lg font-semibold tracking-tight">
                Ratify
              </Link>
              <Link href="/" className="text-sm text-slate-600 hover:text-slate-900">
                Proposals
              </Link>
              <Link href="/chains" className="text-sm text-slate-600 hover:text-slate-900">
                Chains
              </Link>
              <Link href="/split" className="text-sm text-slate-600 hover:text-slate-900">
                Split
              </Link>
              <LiveUpdates />
              <WalletButton />
            </nav>
          </header>
          <AlertBanner />
          <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
