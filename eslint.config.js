import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'lib/', 'playwright-report/', 'test-results/', 'reports/', 'blob-report/', 'fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Self-tests never see the caller's ARCHIVE_*/PLAYWRIGHT_* settings: they take `test` from tests/support/selftest.ts.
    files: ['tests/**/*.ts'],
    ignores: ['tests/support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@playwright/test', importNames: ['test'], message: "Self-tests take `test` from tests/support/selftest.ts, which forgets the caller's ARCHIVE_* and PLAYWRIGHT_* settings." }],
          patterns: [{ group: ['**/harness/suite/test-fixtures.ts'], message: 'The archive fixtures are for the suite (harness/suite/) only; self-tests use tests/support/selftest.ts.' }],
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['scripts/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    // Read by Node as CommonJS in a Hexo site's own folder, with that site's Hexo (harness/site/hexo-site.ts).
    files: ['harness/site/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The Hexo plugin is CommonJS, as Hexo loads it; `hexo` is the global Hexo gives its plugins.
    files: ['hexo-archive-clean/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __filename: 'readonly', hexo: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
