import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/chromium.mjs';

const browser = chromiumPath();
if (!browser.ok) throw new Error(browser.message);

// The stack under test runs on ports of its own, so a developer's `npm start` can stay up.
export const E2E = { web: 3400, indexer: 3500, devnet: 3430, pg: 54349 } as const;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E.web}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: browser.path,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node apps/cli/bin/ratify.mjs up --scenario demo --block-time 1000 --port ${E2E.web} --indexer-port ${E2E.indexer} --devnet-port-base ${E2E.devnet} --pg-port ${E2E.pg} --data-dir .data/e2e`,
    url: `http://127.0.0.1:${E2E.web}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      // The specs stand in for a reverse proxy: each names its client in X-Forwarded-For.
      TRUST_PROXY_HOPS: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      // Four "governor nodes" for /split: the demo's Alpha node under three spellings, and
      // the post-split node that does not exist yet. Three of four report one genesis.
      GOVERNOR_NODES: [
        `http://127.0.0.1:${E2E.devnet}/canary`,
        `http://localhost:${E2E.devnet}/canary`,
        `http://127.0.0.1:${E2E.devnet}/canary/`,
        `http://127.0.0.1:${E2E.devnet + 2}/testnet`,
      ].join(','),
    },
  },
});
