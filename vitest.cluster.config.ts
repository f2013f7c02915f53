import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster`: three nodes behind HAProxy (docs/cluster.md). Not part of `npm test`
 * or CI until it has been seen passing whole on a quiet machine; its own file name keeps the
 * default run from picking it up.
 */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.cluster-test.ts'],
    testTimeout: 600_000,
    hookTimeout: 420_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
