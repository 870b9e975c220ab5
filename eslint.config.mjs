// ESLint 9 flat configuration for the whole package: backend, migrations, tests, scripts and the
// Angular sources. typescript-eslint's "recommended" set (not the type-checked one, so a lint run
// stays fast); formatting is Prettier's job, so eslint-config-prettier comes last.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.angular/**',
      '**/coverage/**',
      'data/**',
      'data-*/**',
      '**/test-results/**',
      'frontend/src/app/core/api/schema.d.ts',
      // Only frontend/src is linted on the Angular side (its TypeScript; templates are checked by
      // the Angular compiler during the build).
      'frontend/*',
      '!frontend/src',
      'frontend/src/**/*.{js,mjs,cjs}',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      // Nest's reflection APIs (Reflector, DiscoveryService) are typed with `Function`: warn only.
      '@typescript-eslint/no-unsafe-function-type': 'warn',
      // NestJS modules are empty classes carrying decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Node code: the server, its migrations, tests and tooling scripts.
    files: ['backend/**', 'migrations/**', 'test/**', 'scripts/**', '*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // Plain CommonJS Node scripts and configuration files.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['frontend/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // TypeORM takes migration classes as `Function[]`; the generated index files declare that type.
    // The generator may or may not write a disable comment for it, so that comment is never reported.
    files: ['migrations/*/index.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  prettier,
);
