// Three projects: unit (no servers), integration (each subgraph against real FerretDB + Redis),
// e2e (every service as a real process behind the gateway). One global setup starts the
// database and Redis for all of them.
const transform = {
  // jose ships only ES modules; ts-jest turns them (and our TypeScript) into CommonJS for jest.
  '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { isolatedModules: true, allowJs: true, module: 'commonjs', moduleResolution: 'node' } }],
};
const project = (name) => ({
  displayName: name,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform,
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testEnvironment: 'node',
});

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 30_000,
  // Two test files at a time: they share one database server, and while one waits on it (or on
  // a timer) the other has a core. More would only queue on this project's 2-core machines.
  maxWorkers: 2,
  projects: [project('unit'), project('integration'), project('e2e')],
};
