import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: [
    '@ratify/aleo',
    '@ratify/api',
    '@ratify/db',
    '@ratify/governance',
    '@ratify/wallet',
  ],
  serverExternalPackages: ['postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
