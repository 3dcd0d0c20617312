import { defineConfig } from 'vitest/config';

// Two projects:
// - unit:    fast Node tests of libraries and scripts (run in parallel).
// - browser: Playwright-core + system Chromium against the BUILT site (dist/, dist-kz/), served by
//            scripts/serve.mjs. One Chromium per file, so files run one at a time (2-core CI).
//            These are plain Node tests driving a browser, not Vitest "browser mode".
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
