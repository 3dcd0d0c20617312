// The search page's URL state and addresses (src/browser/search/state.ts): plain functions, tested without a browser.
import { describe, expect, it } from 'vitest';
import { locate, MAX_SHOWN, PAGE_SIZE, queryOf, searchOf, stateFromSearch } from '../../src/browser/search/state.ts';

describe('search page state', () => {
  it('round-trips through the URL, keeping only what is set', () => {
    const s = stateFromSearch('?q=%D0%9A%D0%BE%D0%B7%D0%BB%D0%BE%D0%B2&what=demand&year=2016&show=100&junk=1');
    expect(s).toEqual({ q: 'Козлов', filters: { what: 'demand', year: '2016', procedure: '', theme: '', addressee: '', kind: '' }, shown: 100 });
    expect(stateFromSearch(searchOf(s))).toEqual(s);
    expect(searchOf(stateFromSearch(''))).toBe('');
    expect(queryOf(s, 50, 50)).toEqual({ q: 'Козлов', what: 'demand', year: '2016', offset: 50, limit: 50 });
  });

  it('reads any "show" as a whole number of pages, within bounds', () => {
    expect(stateFromSearch('?show=abc').shown).toBe(PAGE_SIZE);
    expect(stateFromSearch('?show=-5').shown).toBe(PAGE_SIZE);
    expect(stateFromSearch('?show=51').shown).toBe(2 * PAGE_SIZE);
    expect(stateFromSearch('?show=1e9').shown).toBe(MAX_SHOWN);
  });

  it('finds the index next to the page and the site root above it, wherever the site is served', () => {
    for (const [href, index, root] of [
      ['https://example.org/search/?q=x', 'https://example.org/search/', 'https://example.org/'],
      ['https://example.org/kz/search/index.html?q=x#r', 'https://example.org/kz/search/', 'https://example.org/kz/'],
      ['http://127.0.0.1:8080/copies/site-2/search', 'http://127.0.0.1:8080/copies/site-2/search/', 'http://127.0.0.1:8080/copies/site-2/'],
    ]) {
      const where = locate(href!);
      expect(where.index.href).toBe(index);
      expect(where.root.href).toBe(root);
    }
  });
});
