/** The README documents every error code and every environment variable the code knows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors/error-codes.ts';
import { ENV_OVERRIDES } from '../../src/config/env-overrides.ts';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it.each(Object.keys(ERROR_CODES))('lists the error code %s', (code) => {
    expect(readme).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|`));
  });

  it.each(ENV_OVERRIDES.map((o) => o.env))('documents the variable %s', (env) => {
    expect(readme).toContain(`\`${env}\``);
  });

  it('starts with the two commands a newcomer runs', () => {
    const firstBlock = readme.split('```sh')[1]?.split('```')[0] ?? '';
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm test');
  });
});
