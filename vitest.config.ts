import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests get a real PostgreSQL: the global setup starts one (or
// uses KAIJI_TEST_PG_URL from `npm test`) and every test file gets its own database cloned from a
// migrated template, so files run in parallel without seeing each other's rows.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests call the server layer directly.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // A suite of its own in `npm test` (vitest.release.config.ts): it runs a production build, which
    // would starve the other files of this 2-core machine's CPU.
    exclude: [...configDefaults.exclude, 'test/release.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-db.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
