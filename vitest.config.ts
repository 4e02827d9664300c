import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources; `npm test` builds dist/ first because the CLI
// tests spawn bin/modelwright.js and worker threads load compiled modules.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
