import { getCollection } from 'astro:content';
import { contentFailure, formatVerdict, judge } from './check.ts';
import { fromCollections } from './collections.ts';
import { contentDir } from './load.ts';
import type { SiteModel } from './model/types.ts';

let site: Promise<SiteModel> | undefined;

/**
 * Builds the model from the content collections (content.config.ts: files read and validated
 * once) and judges it exactly as `npm run check:content` does: cross-checks and published
 * permalinks. A problem stops the build with the same list; otherwise it prints the same
 * "content OK" line.
 */
async function load(): Promise<SiteModel> {
  const root = process.cwd();
  const dir = contentDir(root);
  const [procedures, curation] = await Promise.all([getCollection('procedures'), getCollection('curation')]);
  const verdict = judge(fromCollections({ procedures, curation }, dir, root), dir, root);
  const report = formatVerdict(verdict);
  if (!report.ok) throw contentFailure(verdict);
  console.log(report.text);
  return verdict.site!;
}

/** The site model, built once per build and shared by every page. */
export function getSite(): Promise<SiteModel> {
  return (site ??= load());
}
