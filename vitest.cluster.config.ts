import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster`: three nodes behind HAProxy (docs/cluster.md). CI runs it after
 * `npm test` (.ci/run); it has its own config because it starts processes and servers of its
 * own and must not run beside the default suite's files on a 2-core machine. Its file name
 * (`*.cluster-test.ts`) keeps the default run from picking it up.
 */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.cluster-test.ts'],
    testTimeout: 600_000,
    hookTimeout: 420_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // Passwords at a test cost, as in vitest.config.ts.
    env: { BATON_TEST_PASSWORD_COST: '1' },
  },
});
