#!/usr/bin/env node
// The URL manifest (tests/url-manifest.json): every published page, and every permalink into the
// texts with a fingerprint of the words it points to (src/content/permalinks.ts). A published link
// never changes what it points to: `npm run check:content` and the build fail when one does.
//
//   npm run urls:manifest                          what differs from the manifest (exit 1 if a permalink changed or is gone)
//   npm run urls:manifest -- --accept <id> …       record the words <id> points to now (a correction made on purpose)
//   npm run urls:manifest -- --accept-new          record new permalinks, and new pages of the build in --dist
//
//   --dist <dir>        the build whose pages are listed (default dist/)
//   --manifest <file>   the manifest (default $URL_MANIFEST or tests/url-manifest.json)
//
// A permalink that is gone is never dropped from the manifest: say where it went in
// content/moved.yaml. Also exported for tests/scripts/url-manifest.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir, loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import type { SiteModel } from '../../src/content/model/types.ts';
import { comparePermalinks, excerpt, fingerprint, manifestFile, permalinksOf, readManifest, serializeManifest, type Manifest, type ManifestEntry, type Permalink } from '../../src/content/permalinks.ts';
import { demandPath, itemPath, normalizeBase, personPath } from '../../src/site/paths.ts';
import { eventOnTimeline } from '../../src/site/timeline/plan.ts';
import { isMain } from './lib/is-main.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: npm run urls:manifest -- [--accept <id>]… [--accept-new] [--dist dist] [--manifest tests/url-manifest.json]';

/** A permalink now, with the address it is published at. */
export interface Published extends Permalink {
  url: string;
}

/** The content's model and its permalinks with their addresses; throws when the content has problems. */
export function publishedPermalinks(dir = contentDir(ROOT), root = ROOT): { site: SiteModel; permalinks: Published[] } {
  const read = loadContent(dir, root);
  if (read.issues.length) throw new Error(`the content has problems; see npm run check:content`);
  const site = buildSite(read.input);
  const permalinks = permalinksOf(site, read.input).map((p): Published => {
    const [kind, rest] = [p.kind, p.id.slice(p.id.indexOf(':') + 1)];
    if (kind === 'demand') return { ...p, url: demandPath(site.demandById.get(rest)!.slug, rest) };
    if (kind === 'item') {
      const [slug, anchor] = rest.split('#') as [string, string];
      return { ...p, url: itemPath(slug, anchor) };
    }
    if (kind === 'person') return { ...p, url: personPath(rest) };
    return { ...p, url: eventOnTimeline(site, rest) ?? '' };
  });
  return { site, permalinks };
}

/** The published paths of a build, from the base: every HTML page and every file under data/. */
export function publishedPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      const rel = path.relative(dist, abs).split(path.sep).join('/');
      if (e.isDirectory()) walk(abs);
      else if (rel.endsWith('.html')) out.push(`/${rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel}`);
      else if (rel.startsWith('data/')) out.push(`/${rel}`);
    }
  };
  walk(dist);
  return out.sort();
}

/** The file serving a site path (`people/x/` → people/x/index.html), when the build has one. */
function fileOf(dist: string, sitePath: string): string | undefined {
  const rel = sitePath.replace(/^\//, '');
  const file = path.join(dist, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
  return fs.existsSync(file) ? file : undefined;
}

/** The ids of a page's elements. Astro writes every attribute in double quotes. */
const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

/**
 * Checks a build against the manifest: every recorded page is still published, every recorded
 * permalink's page holds its fragment (the words, or a note saying where they went), and every
 * page of the build is recorded. Returns one line per problem.
 */
export function checkBuild(dist: string, manifest: Manifest, base = '/'): { problems: string[]; unrecorded: string[] } {
  const prefix = normalizeBase(base);
  const problems: string[] = [];
  for (const page of manifest.pages) {
    if (!fileOf(dist, page)) problems.push(`${prefix}${page.slice(1)}: published, and missing from the build (list it in content/moved.yaml, or restore it)`);
  }
  const pages = new Map<string, Set<string> | undefined>();
  for (const e of manifest.permalinks) {
    const [page, fragment] = e.url.split('#') as [string, string | undefined];
    if (!pages.has(page)) {
      const file = fileOf(dist, page);
      pages.set(page, file ? idsOf(fs.readFileSync(file, 'utf8')) : undefined);
    }
    const ids = pages.get(page);
    if (!ids) problems.push(`${e.id}: its page ${prefix}${page} is missing from the build`);
    else if (fragment && !ids.has(fragment)) problems.push(`${e.id}: ${prefix}${e.url} has no element with id="${fragment}" (list it in content/moved.yaml, or restore it)`);
  }
  const recorded = new Set(manifest.pages);
  const unrecorded = publishedPages(dist).filter((p) => !recorded.has(p));
  return { problems, unrecorded };
}

const entryOf = (p: Published): ManifestEntry => ({ id: p.id, url: p.url, words: fingerprint(p.words), excerpt: excerpt(p.words) });

/** The entry an `--accept` argument names: its id, or the id without its `kind:` prefix. */
function resolveId(arg: string, manifest: Manifest): ManifestEntry | undefined {
  const exact = manifest.permalinks.find((e) => e.id === arg);
  if (exact) return exact;
  const bySuffix = manifest.permalinks.filter((e) => e.id.slice(e.id.indexOf(':') + 1) === arg);
  return bySuffix.length === 1 ? bySuffix[0] : undefined;
}

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        accept: { type: 'string', multiple: true, default: [] },
        'accept-new': { type: 'boolean', default: false },
        dist: { type: 'string', default: 'dist' },
        manifest: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`urls:manifest: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = args.values.manifest ? path.resolve(args.values.manifest) : manifestFile(process.cwd());
  const shown = path.relative(process.cwd(), file) || file;
  const { manifest: found, issue } = readManifest(file);
  if (issue) {
    console.error(`urls:manifest: ${shown}: ${issue.message}`);
    return 1;
  }
  const manifest: Manifest = found ?? { pages: [], permalinks: [] };
  let now: Published[];
  let site: SiteModel;
  try {
    ({ permalinks: now, site } = publishedPermalinks(contentDir(process.cwd()), process.cwd()));
  } catch (error) {
    console.error(`urls:manifest: ${(error as Error).message}`);
    return 1;
  }
  const current = new Map(now.map((p) => [p.id, p]));
  let changedFile = false;

  for (const arg of args.values.accept ?? []) {
    const entry = resolveId(arg, manifest);
    const p = entry && current.get(entry.id);
    if (!entry || !p) {
      console.error(`urls:manifest: --accept ${arg}: ${entry ? 'no longer published (say where it went in content/moved.yaml instead)' : `not a permalink of ${shown}`}`);
      return 2;
    }
    if (entry.words === fingerprint(p.words)) {
      console.log(`${entry.id}: unchanged`);
      continue;
    }
    console.log(`${entry.id}: now recorded for "${excerpt(p.words)}" (was "${entry.excerpt}")`);
    Object.assign(entry, { words: fingerprint(p.words), excerpt: excerpt(p.words) });
    changedFile = true;
  }

  const compared = comparePermalinks(now, manifest, site.moved, { file: shown });
  const dist = path.resolve(args.values.dist);
  const build = fs.existsSync(path.join(dist, 'index.html')) ? checkBuild(dist, manifest) : undefined;
  if (args.values['accept-new']) {
    for (const p of compared.added) manifest.permalinks.push(entryOf(current.get(p.id)!));
    manifest.pages.push(...(build?.unrecorded ?? []));
    const n = compared.added.length + (build?.unrecorded.length ?? 0);
    if (n) changedFile = true;
    console.log(`recorded ${compared.added.length} new permalink(s) and ${build?.unrecorded.length ?? 0} new page(s)${build ? '' : ` (no build in ${args.values.dist}/: pages not listed)`}`);
  } else if (compared.added.length || build?.unrecorded.length) {
    console.log(`not recorded yet: ${compared.added.length} permalink(s), ${build?.unrecorded.length ?? 0} page(s); record them when published: npm run urls:manifest -- --accept-new`);
  }
  if (changedFile) {
    fs.writeFileSync(file, serializeManifest(manifest));
    console.log(`wrote ${shown}: ${manifest.pages.length} pages, ${manifest.permalinks.length} permalinks`);
  }
  const remaining = comparePermalinks(now, manifest, site.moved, { file: shown }).issues;
  for (const i of remaining) console.error(`  - ${i.field}: ${i.message}`);
  for (const p of build?.problems ?? []) console.error(`  - ${p}`);
  if (!build) console.log(`(no build in ${args.values.dist}/: pages and fragments not checked)`);
  const failed = remaining.length > 0 || (build?.problems.length ?? 0) > 0;
  if (!failed) console.log(`URL manifest OK: ${manifest.permalinks.length} permalinks${build ? ` and ${manifest.pages.length} pages, checked against ${args.values.dist}/` : ''}`);
  return failed ? 1 : 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
