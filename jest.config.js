// Jest runs as native ESM (node --experimental-vm-modules): Nest 12 is ESM-only.
// TypeScript goes through @swc/jest as ESM; the two ESM-only packages that Fastify and
// Swagger require() from CommonJS (cookie@2, content-disposition@3) are compiled to CJS.
const swcEsm = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];
const swcCjs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swcEsm,
    'node_modules/(cookie|content-disposition)/.+\\.js$': swcCjs,
  },
  transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition)/)'],
  moduleNameMapper: {
    '^@app/c3d$': '<rootDir>/libs/c3d/src/index.ts',
    '^@app/c3d/node$': '<rootDir>/libs/c3d/src/node.ts',
    '^@app/emg$': '<rootDir>/libs/emg/src/index.ts',
    '^@app/scoring$': '<rootDir>/libs/scoring/src/index.ts',
    '^@app/analysis$': '<rootDir>/libs/analysis/src/index.ts',
    '^@app/bids$': '<rootDir>/libs/bids/src/index.ts',
    '^@app/report$': '<rootDir>/libs/report/src/index.ts',
    '^@app/report/node$': '<rootDir>/libs/report/src/node.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: '.',
};

export default {
  // Hooks and tests that start an app (PGlite restore, Nest boot) take 1-2 s here, but over 5 s
  // (Jest's default) when the shared 2-core machine is busy: a deadline for hangs, not a timing.
  // A global option: Jest ignores it inside a project.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    // Swagger UI in Debian's chromium against the built service (npm run build first).
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
