import type { Addressee, Person, Provision, Theme } from '../schemas/taxonomy.ts';

interface Taxonomy {
  themes: Theme[];
  addressees: Addressee[];
  people: Person[];
  provisions: Provision[];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[‘’]/g, "'");

/** One compiled pattern per keyword, alias or name (a build classifies thousands of demands). */
const needles = new Map<string, RegExp>();
const has = (hay: string, needle: string) => {
  let re = needles.get(needle);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])${fold(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    needles.set(needle, re);
  }
  return re.test(hay);
};

/**
 * First-pass classification of an extracted demand, for procedures nobody has curated yet:
 * addressees from the call ("calls on the EEAS …") or the bullet's introduction, themes from
 * keywords, people and provisions from the spellings the sources print. Curators replace it.
 */
export function classify(text: string, introduction: string | undefined, t: Taxonomy) {
  const f = fold(text);
  const addresseeText = fold(introduction ?? text.slice(0, 160));
  return {
    addressees: t.addressees.filter((a) => a.patterns.some((p) => has(addresseeText, p))).map((a) => a.id),
    themes: t.themes.filter((th) => th.keywords.some((k) => has(f, k))).map((th) => th.id),
    people: t.people.filter((p) => [p.name, ...p.aliases].some((n) => has(f, n))).map((p) => p.id),
    provisions: t.provisions.filter((p) => p.aliases.some((a) => has(f, a))).map((p) => p.id),
  };
}
