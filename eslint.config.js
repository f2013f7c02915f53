// Lint: typed rules where they catch real bugs (floating promises, exhaustive switches).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The layers (docs/architecture.md, "Layout"): the HTTP edge calls the application, never
    // the store or the bus; the core is pure and imports none of the outer layers.
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/bus/**', '**/main/**'],
              message:
                'src/http calls src/app services (through RouteContext), not the store or bus.',
            },
          ],
        },
      ],
    },
  },
  {
    // One writer (docs/architecture.md, "The writer"): only conversation-writer.ts creates or
    // commits conversations in the store and publishes on the bus, so no write skips the
    // derived timers. test/app/one-writer.test.ts checks the same on the sources' text.
    files: ['src/**/*.ts'],
    ignores: ['src/app/conversations/conversation-writer.ts', 'src/store/**', 'src/bus/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name=/^(commit|create)$/][callee.object.property.name='conversations']",
          "CallExpression[callee.property.name=/^(commit|create)$/][callee.object.name='conversations']",
        ].map((selector) => ({
          selector,
          message:
            'Only the conversation writer creates or commits conversations (ConversationWriter).',
        })),
        ...[
          "CallExpression[callee.property.name='publish'][callee.object.property.name='bus']",
          "CallExpression[callee.property.name='publish'][callee.object.name='bus']",
        ].map((selector) => ({
          selector,
          message: 'Only the conversation writer publishes on the bus (ConversationWriter).',
        })),
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '**/main/**'],
              message: 'src/app knows nothing of HTTP or of how it is composed.',
            },
          ],
        },
      ],
    },
  },
  {
    // Config is parsed before anything is built: it may use the core's pure definitions only.
    files: ['src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/bus/**', '**/http/**', '**/app/**', '**/main/**'],
              message: 'src/config depends on src/core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/bus/**', '**/http/**', '**/app/**', '**/main/**'],
              message: 'src/core is pure: no store, bus, HTTP, application or composition code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web takes the server's types (route schemas, the core's events) from src/, but never
    // a value: a type-only import adds nothing to a bundle, a value would ship server code.
    // Two exceptions are bundled on purpose, both pure and dependency-free: the widget's words
    // (src/core/i18n, docs/architecture.md) and the fold that ties providers' delivery and read
    // statuses to replies (src/core/conversation/reply-receipts.ts), which the inbox runs on the
    // events it holds. `import { type X }` is refused too: it keeps a side-effect import.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['web/vite.config.ts', 'web/vite.widget.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!core/i18n/|core/conversation/reply-receipts\\.ts$)',
              allowTypeImports: true,
              message: 'web/ imports only types from src/ (`import type`), never a value.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    // Tests read loosely typed JSON responses; `any` there keeps assertions readable.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
