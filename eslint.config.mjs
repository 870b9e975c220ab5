// ESLint 9 flat configuration for the whole package: backend, migrations, tests, scripts and the
// Angular sources. typescript-eslint's "recommended" set (not the type-checked one, so a lint run
// stays fast); formatting is Prettier's job, so eslint-config-prettier comes last.
import { readdirSync } from 'node:fs';
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Module boundaries (DESIGN section 2: "a module owns its entities and is the only writer of its
// tables; other modules call its service").
//
// A file in backend/src/modules/X may import from another module Y only Y's public surface:
//   - its Nest modules (`*.module`), to put in `imports`;
//   - its services (`*.service`) and ports (`*.port`: an abstract class Y implements or needs);
//   - its DTOs (`dto/**`) and coded errors (`*.exception`);
//   - the few plain-domain files listed in PUBLIC_FILES (vocabularies, pure rules, registries),
//     which hold no queries.
// Never Y's repositories or other internal files. Y's entities only as types (what Y's service
// returns), apart from the enums in ENTITY_ENUMS, which are shared vocabulary: a value import of
// an entity class is how a query on another module's table starts (getRepository(User)).
// Exempt: entity files may name another module's entity class as a relation target (TypeORM
// needs the class for the schema; the owner still writes the rows); unit specs (they assemble
// real collaborators, repositories included, or explicit fakes); and everything outside
// backend/src/modules (backend/src/demo seeds through the services, backend/src/database/
// entities.ts lists every entity, migrations are generated).
// Cross-module imports use the `@app/modules/...` alias: a relative import may not climb out
// of its own module. backend/src/module-boundaries.spec.ts proves the rule fails on violations.
// ---------------------------------------------------------------------------------------------
const MODULES = readdirSync(new URL('./backend/src/modules', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Plain-domain files other modules may import besides services, ports, modules, DTOs and errors. */
const PUBLIC_FILES = [
  'activity/activity-type',
  'auth/password/password-hasher',
  'availability/time-ranges',
  'childminders/age-groups',
  'childminders/childminder-vocabulary',
  'childminders/search/recommendation-pool',
  'children/child-age',
  'compliance/compliance-status',
  'documents/document-type.labels',
  'geo/geo-math',
  'jobs/job-registry',
  'last-minute/auto-accept-rules',
  'last-minute/offered-time',
  'messaging/response-times',
  'notifications/email/email-templates',
  'notifications/notification-types',
  'privacy/personal-data.registry',
  'privacy/privacy-notice',
  'privacy/redact',
  'realtime/realtime-events',
  'realtime/socket/realtime.gateway',
  'settings/settings.registry',
  'storage/file-storage',
  'storage/uploads/file-name',
  'webhooks/inbound-webhook-handlers',
  'storage/uploads/upload-kind',
  'storage/uploads/upload-receiver',
  'storage/uploads/upload.interceptor',
  'subscriptions/entitlements/requires-entitlement',
  'subscriptions/plans',
  'support/support-satisfaction',
];

/** Enums declared beside entities that other modules may use as values (statuses, types). */
const ENTITY_ENUMS = [
  'AvailabilitySource',
  'AvailabilityType',
  'BookingStatus',
  'ChatStatus',
  'DocumentStatus',
  'DocumentType',
  'UserStatus',
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The no-restricted-imports patterns for a file `depth` folders below module `own`'s root. */
function boundaryPatterns(own, depth) {
  const other = `^@app/modules/(?!${escape(own)}/)`;
  return [
    {
      regex: `${other}[^/]+/(?:.*/)?entities/`,
      allowTypeImports: true,
      allowImportNames: ENTITY_ENUMS,
      message:
        "Another module's entity is for types only (`import type`): read and write its table through its service.",
    },
    {
      regex:
        `${other}(?!(?:${PUBLIC_FILES.map(escape).join('|')})$)` +
        '(?![^/]+/(?:.*/)?[^/]+\\.(?:module|service|port|exception)$)(?![^/]+/dto/)(?![^/]+/(?:.*/)?entities/)[^/]+/',
      message:
        "Import only another module's public surface (*.module, *.service, *.port, *.exception, dto/, or a file in eslint.config.mjs PUBLIC_FILES): never its repository or internal files.",
    },
    {
      regex: `^(?:\\.\\./){${depth + 1},}`,
      message: 'A relative import may not leave its module: use the @app/... alias.',
    },
  ];
}

/** Deepest folder level below a module's root that the blocks below cover (today: 2). */
const MAX_DEPTH = 4;
const moduleBoundaries = MODULES.flatMap((own) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`backend/src/modules/${own}/${'*/'.repeat(depth)}*.ts`],
    ignores: ['**/*.spec.ts', ...(depth === 1 ? [`backend/src/modules/${own}/entities/*.entity.ts`] : [])],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: boundaryPatterns(own, depth) }],
    },
  })),
);

/** Entity files: the same rules, except that another module's entity may be a relation target. */
const entityBoundaries = MODULES.map((own) => ({
  files: [`backend/src/modules/${own}/entities/*.entity.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      // The first pattern is the one about entities.
      { patterns: boundaryPatterns(own, 1).slice(1) },
    ],
  },
}));

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
  ...moduleBoundaries,
  ...entityBoundaries,
  prettier,
);
