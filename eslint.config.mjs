// ESLint for the whole tree: typescript-eslint's recommended rules, the few typed rules that catch real bugs
// here (a promise nobody awaits loses its error and outlives its request), configuration read only in the
// config module, and one import order. Formatting is Prettier's job (`npm run format`), not ESLint's.
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'web/src/graphql/graphql-env.d.ts',
      'test-artifacts/**',
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'bench/**',
      '**/*.d.ts',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read configuration from the parsed config, not process.env' },
      ],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app runs in the browser; its configuration is the page's own origin.
    files: ['web/src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Where the environment is read: the config module, and the test harness that starts PostgreSQL for jest.
    files: ['shared/src/config/current.ts', 'test/kit/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read GraphQL answers whose shape the assertions check; typing every one would add noise, not safety.
    // The demo seed reads the answers of its own GraphQL calls in the same way.
    files: ['test/**', '**/test/**', 'scripts/src/seed/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain CommonJS that runs before anything is built (jest config, build-if-stale).
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
