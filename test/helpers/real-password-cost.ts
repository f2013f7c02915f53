/**
 * The suite hashes passwords at a test cost (BATON_TEST_PASSWORD_COST=1, vitest.config.ts);
 * a file that holds the real cost turns it off for its own tests and restores it after.
 */
import { afterAll, beforeAll } from 'vitest';

export function useRealPasswordCost(): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.BATON_TEST_PASSWORD_COST;
    delete process.env.BATON_TEST_PASSWORD_COST;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.BATON_TEST_PASSWORD_COST;
    else process.env.BATON_TEST_PASSWORD_COST = before;
  });
}
