import { defineConfig } from 'vitest/config';
export default defineConfig({
  root: '/work/main',
  resolve: { alias: [{ find: /^.*\/data\/write\/index\.js$/, replacement: '/tmp/uw/write-stub.ts' }] },
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, pool: 'forks', env: { TZ: 'UTC' } },
});
