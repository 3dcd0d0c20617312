// The one home of the site's addresses (src/site/paths.ts): base paths, links, permalinks.
import { describe, expect, it } from 'vitest';
import { demandCitePath, demandPath, itemPath, listingYearPath, makeLinks, normalizeBase, timelinePath, withBase } from '../../src/site/paths.ts';

describe('base paths', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['kz', '/kz/'],
    ['/kz', '/kz/'],
    ['//kz//sub/', '/kz/sub/'],
  ])('normalizeBase(%j) is %j', (input, expected) => expect(normalizeBase(input)).toBe(expected));

  it('prefixes a site path with the base, whatever slashes either has', () => {
    expect(withBase('procedures/2013-2600/', '/kz')).toBe('/kz/procedures/2013-2600/');
    expect(withBase('/procedures/2013-2600/', '/')).toBe('/procedures/2013-2600/');
    expect(withBase('', '/kz/')).toBe('/kz/');
  });
});

describe('links', () => {
  it('are paths from the host root without SITE_URL', () => {
    const links = makeLinks('/kz/');
    expect(links.absolute).toBe(false);
    expect(links.url('procedures/2016-2607/')).toBe('/kz/procedures/2016-2607/');
  });
  it('are absolute URLs under the site URL and base with SITE_URL', () => {
    const links = makeLinks('/kz/', 'https://example.org');
    expect(links.absolute).toBe(true);
    expect(links.url('procedures/2016-2607/#para-3')).toBe('https://example.org/kz/procedures/2016-2607/#para-3');
    expect(links.path('procedures/2016-2607/')).toBe('/kz/procedures/2016-2607/');
  });
});

describe('permalinks', () => {
  it('of an item, a demand and its citations', () => {
    expect(itemPath('2013-2600', 'para-6')).toBe('procedures/2013-2600/#para-6');
    expect(demandPath('2013-2600', '2013-2600-para-6-1')).toBe('procedures/2013-2600/#demand-2013-2600-para-6-1');
    expect(demandCitePath('2013-2600', '2013-2600-para-6-1')).toBe('procedures/2013-2600/cite/#cite-2013-2600-para-6-1');
  });
  it('of the timeline, filtered or not, and of a listing year page', () => {
    expect(timelinePath()).toBe('timeline/');
    expect(timelinePath({ by: 'theme', value: 'torture-detention' })).toBe('timeline/theme/torture-detention/');
    expect(listingYearPath('demands/', 2019)).toBe('demands/2019/');
    expect(listingYearPath('demands/', 2019, 2)).toBe('demands/2019/2/');
  });
});
