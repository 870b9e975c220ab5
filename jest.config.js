/**
 * Test projects: unit specs beside the code, API stories against MariaDB, cluster stories (two
 * built server processes on MariaDB and a private Redis), browser tests.
 *
 * NestJS 12 and several of its dependencies ship only ES modules. Node 20 can require() them,
 * but Jest's own module loader cannot (before Node 24.9), so SWC compiles those packages to
 * CommonJS along with our TypeScript. The list is read from node_modules, so it follows upgrades.
 */
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function esmOnlyPackages() {
  const root = join(__dirname, 'node_modules');
  const names = [];
  for (const entry of readdirSync(root)) {
    const scoped = entry.startsWith('@');
    const candidates = scoped ? readdirSync(join(root, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of candidates) {
      const manifest = join(root, name, 'package.json');
      if (!existsSync(manifest)) continue;
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).type === 'module') names.push(name);
      } catch {
        /* not a package */
      }
    }
  }
  // CommonJS packages that import() an ES-only dependency at run time need the same treatment.
  names.push('@fastify/cookie', '@fastify/static');
  return names.map((n) => n.replace(/[.+]/g, '\\$&'));
}

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: false },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages().join('|')})/)`],
  moduleNameMapper: {
    '^@app/(.*)$': '<rootDir>/backend/src/$1',
    '^@test/(.*)$': '<rootDir>/test/$1',
    '^@core/(.*)$': '<rootDir>/frontend/src/app/core/$1',
    '^@shared/(.*)$': '<rootDir>/frontend/src/app/shared/$1',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  // Per-test limit: API stories hash passwords and browser stories drive Chromium. Jest reads it only here.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/backend/src/**/*.spec.ts', '<rootDir>/frontend/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.api-spec.ts'],
      globalSetup: '<rootDir>/test/api/global-setup.ts',
      globalTeardown: '<rootDir>/test/api/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};
