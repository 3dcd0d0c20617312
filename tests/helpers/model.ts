// The site model outside Astro (loadContent + buildSite), built once per test file.
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import type { SiteModel } from '../../src/content/model/index.ts';

let cached: SiteModel | undefined;

export function model(): SiteModel {
  if (cached) return cached;
  const { input, issues } = loadContent();
  if (issues.length) throw new Error(`content issues: ${JSON.stringify(issues.slice(0, 3))}`);
  return (cached = buildSite(input));
}

/** A fresh model, for determinism checks. */
export function freshModel(): SiteModel {
  return buildSite(loadContent().input);
}
