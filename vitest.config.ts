import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 20_000, hookTimeout: 60_000 };

// One vitest run covers every workspace; each package's tests sit beside its code.
// The global setup (a real PostgreSQL for integration tests) runs once for the whole run.
export default defineConfig({
  test: {
    globalSetup: ['packages/db/src/test-global-setup.ts'],
    projects: [
      { test: { name: 'packages', include: ['packages/*/src/**/*.test.ts'], ...shared } },
      { test: { name: 'apps', include: ['apps/*/src/**/*.test.ts'], ...shared } },
    ],
  },
});
