import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';
import { AlertBanner } from '@/components/alert-banner';
import { LiveUpdates } from '@/components/live-updates';
import { SiteNav } from '@/components/site/site-nav';
import { THEME_SCRIPT } from '@/components/site/theme-script';
import { ThemeToggle } from '@/components/site/theme-toggle';
import { WalletButton } from '@/components/wallet/wallet-button';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Ratify: network upgrade governance',
  description: 'Proposals, votes and the chain split of the Alpha and Delta network upgrade.',
  alternates: { types: { 'application/atom+xml': '/feed.xml' } },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Rendered per request: the scripts carry the request's CSP nonce (see src/proxy.ts).
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the class before React hydrates; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no data in it */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <header className="border-b border-slate-200 bg-white">
            <nav
              aria-label="Main"
              className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6"
            >
              <Link href="/" className="text-lg font-semibold tracking-tight">
                Ratify
              </Link>
              <SiteNav />
              <LiveUpdates />
              <WalletButton />
              <ThemeToggle />
            </nav>
          </header>
          <AlertBanner />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
