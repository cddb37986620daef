import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault suite (processes killed, nodes misbehaving, PostgreSQL
// restarted). Files run one at a time: they measure times, and share fixed devnet ports.
export default defineConfig({
  test: {
    include: ['apps/cli/faults/**/*.test.ts'],
    globalSetup: ['packages/db/src/test-global-setup.ts', 'apps/cli/faults/_test/figures-setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
