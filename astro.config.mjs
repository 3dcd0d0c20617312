// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { hostHeaders, PAGE_CSP_DIRECTIVES } from './src/publish/headers.ts';
import { offlineCopy } from './src/publish/offline/index.ts';
import { relativeLinks } from './src/publish/relative-links.ts';

/**
 * Sub-path of the canonical site (`BASE_PATH=/kz/`): it goes into the absolute addresses built from
 * SITE_URL (canonical, sitemap, feeds). Built pages link page-relative (src/publish/relative-links.ts),
 * so the same dist/ works at any path.
 */
const base = process.env.BASE_PATH || '/';
/** Absolute origin for canonical links and feeds (`SITE_URL=https://example.org`); unset → none. */
const site = process.env.SITE_URL || undefined;

/**
 * A build from another content folder (fixtures, synthetic corpora) keeps its own content cache, so
 * it can never mix its entries with the real site's.
 */
const contentDir = process.env.CONTENT_DIR;
const cacheDir = contentDir
  ? `./node_modules/.astro-content/${contentDir.replace(/[^A-Za-z0-9]+/g, '_').slice(-80)}`
  : undefined;

export default defineConfig({
  site,
  ...(cacheDir ? { cacheDir } : {}),
  base,
  outDir: process.env.OUT_DIR || 'dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One round trip per page: the stylesheet is small enough to travel inside the HTML.
    inlineStylesheets: 'always',
    // Pages rendered a few at a time: one page's file writes overlap another's rendering, and the
    // preview cards (drawn on worker threads) keep both cores busy. 2,000 procedures: 65.8 → 61.0 s
    // from this alone (npm run bench:build).
    concurrency: 4,
  },
  compressHTML: true,
  // No syntax highlighting: the texts have no code blocks, and Shiki (the default) writes inline
  // styles that the CSP's style hashes cannot cover (Astro warns about it at every build).
  markdown: { syntaxHighlight: false },
  // A class per scoped element costs fewer bytes than a data attribute: pages stay one round trip.
  scopedStyleStrategy: 'class',
  devToolbar: { enabled: false },
  security: {
    // A CSP <meta> on every page: these directives, plus script-src and style-src with the hash of
    // every inline script and style of the page (no 'unsafe-inline'). The same policy goes into
    // the `_headers` file with frame-ancestors, which a <meta> cannot carry (src/publish/headers.ts).
    csp: { directives: [...PAGE_CSP_DIRECTIVES] },
  },
  integrations: [
    // Root-relative links → page-relative, after the build: one dist/ for every path.
    relativeLinks(),
    // `_headers` for static hosts, written once the pages (and so their CSP hashes) exist.
    hostHeaders(),
    // sitemap-index.xml → sitemap-0.xml: every page but 404, no lastmod (the build has no dates
    // of its own to give). Sitemaps need absolute URLs, so a build without SITE_URL has none (the
    // integration would only warn and skip).
    ...(site ? [sitemap({ namespaces: { news: false, xhtml: false, image: false, video: false } })] : []),
    // Last, once every other file is final: sw.js (offline copies) and data/site.zip (the archive).
    offlineCopy(),
  ],
});
