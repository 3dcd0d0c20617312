// robots.txt: everything allowed; the sitemap named when there is one (builds with SITE_URL, see
// astro.config.mjs), since a Sitemap line needs an absolute URL.
import { SITEMAP_PATH, type Links } from '../site/paths.ts';

export function robotsTxt(links: Links): string {
  return ['User-agent: *', 'Allow: /', ...(links.absolute ? ['', `Sitemap: ${links.url(SITEMAP_PATH)}`] : []), ''].join('\n');
}
