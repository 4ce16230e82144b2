import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config';

// The release test alone (`npm test -- release`, or `npx vitest run --config vitest.release.config.ts`):
// it builds the production release and starts it as the image does (test/release.test.ts).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/release.test.ts'], exclude: configDefaults.exclude },
});
