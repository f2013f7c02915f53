import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The fault simulation is the longest file by far (minutes under CI=true): it starts first,
 * so the other files run beside it in the second worker instead of after it.
 */
class SimulationFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSimulation = (f: TestSpecification) => f.moduleId.includes('.simulation.test.');
    return [...sorted.filter(isSimulation), ...sorted.filter((f) => !isSimulation(f))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, so
    // every file waited for the simulation and for each other. Two files at a time use both
    // cores; every file has its own store (file or schema), ports and Redis prefix, so they
    // do not meet.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker keeps the modules it loaded from one file to the next: every file imports the
    // whole app, and importing it afresh per file was 600–680 s of the workers' time in CI
    // (50 s without). Files share no state but the module cache: each opens its own store,
    // ports and Redis prefix, and a file that changes process.env puts it back.
    isolate: false,
    globalSetup: ['test/global-setup.ts'],
    // A test's own `fetch` to a test server has the secrets it answers noted for the log
    // sentry, as the API client's are (test/helpers/noting-fetch.ts).
    setupFiles: ['test/setup/note-fetched-secrets.ts'],
    // Passwords at a test cost (src/app/auth/password.ts): the suite logs in thousands of
    // times; test/app/password.test.ts and password-rehash.test.ts hold the real cost.
    env: { BATON_TEST_PASSWORD_COST: '1' },
    sequence: { sequencer: SimulationFirst },
  },
});
