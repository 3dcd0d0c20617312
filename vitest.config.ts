import { defineConfig } from 'vitest/config';

// Two projects:
// - unit:    Node tests of the libraries and tools (tests/ mirrors src/; tests/scripts the tools),
//            run in parallel.
// - browser: playwright-core + Debian's Chromium against the BUILT dist/ (never the dev server).
//            tests/browser/global-setup.ts serves the one dist/ at / and at /mirror/x/ and starts
//            one Chromium that every file connects to (tests/browser/harness.ts). The crawl
//            (crawl.test.ts) visits each page once per path for every page-level check; the other
//            files test what readers do on specific pages. These are plain Node tests driving a
//            browser, not Vitest "browser mode".
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one file at a time. Three: the browser files spend much of their
    // time waiting on Chromium, so other files (builds, the importer, other pages) run beside them.
    maxWorkers: 3,
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
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
