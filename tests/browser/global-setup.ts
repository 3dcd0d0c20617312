/// <reference types="node" />
// Set up once per `vitest run` for the browser project (vitest.config.ts): ONE built dist/, served
// at two paths by the preview server (scripts/tools/serve.ts), and ONE Chromium that every browser
// test file connects to (tests/browser/harness.ts: `useBuiltSite`, `launchBrowser`, `serveDist`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/tools/serve.ts';
import { CHROMIUM_FLAGS } from '../../scripts/tools/chromium-flags.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The build under test (relative to the repository): dist/, or GATES_DIST. */
export const SITE_DIR = process.env.GATES_DIST || 'dist';
/** The second path the same build is served at: a mirror, as anyone copying the folder would make. */
export const MIRROR_BASE = '/mirror/x/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium (`chromium.connect`), and dist/ served at `/` and at `MIRROR_BASE`. */
    sharedSite: { wsEndpoint: string; dir: string; rootUrl: string; mirrorUrl: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = path.resolve(ROOT, SITE_DIR);
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${SITE_DIR}/index.html is missing: build the site first (npm run build; npm test does)`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "node scripts/ensure-chromium.mjs" or set CHROMIUM_PATH`);
  }
  const root = await startServer({ dir, base: '/' });
  const mirror = await startServer({ dir, base: MIRROR_BASE });
  const browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
  project.provide('sharedSite', { wsEndpoint: browser.wsEndpoint(), dir, rootUrl: root.url, mirrorUrl: mirror.url });
  return async () => {
    await browser.close();
    await root.close();
    await mirror.close();
  };
}
