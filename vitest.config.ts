import path from 'node:path';
import { defineConfig } from 'vitest/config';

// V8's compiled code kept on disk and shared by every Node process of the run (the test workers
// and the tools and builds they start, which inherit this variable): about a fifth less CPU per
// spawned tool, and tests spawn about a hundred.
process.env.NODE_COMPILE_CACHE ??= path.resolve(import.meta.dirname, 'node_modules/.cache/node-compile-cache');

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
    // Vitest's default on 2 cores is one file at a time. Two: a file waiting on Chromium or a build
    // leaves a core to another; three overloaded the two cores (measured on this machine: one worker
    // 213 s, two 198 s, three 252 s).
    maxWorkers: 2,
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
