// A person's page is titled, and addressed, with a spelling a source prints; an address that
// changed for that reason stays published as a redirect (src/site/paths.ts, MOVED_PEOPLE).
import { describe, expect, it } from 'vitest';
import { MOVED_PEOPLE } from '../../../src/site/paths.ts';
import { model } from '../../helpers/model.ts';

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('people', () => {
  const site = model();

  it.each(site.people.map((p) => [p.id, p] as const))('%s is named and addressed as a source prints the name', (_, p) => {
    const printed = p.mentions.map((m) => m.as);
    expect(printed, `${p.id}: "${p.name}" is not a spelling the sources print (${printed.join(', ')})`).toContain(p.name);
    expect(p.id).toBe(slug(p.name));
  });

  it('keeps the usual spelling of a misprinted name beside it', () => {
    const zhotis = site.personById.get('yevgeni-zhotis')!;
    expect(zhotis.name).toBe('Yevgeni Zhotis');
    expect(zhotis.aliases).toContain('Yevgeniy Zhovtis');
  });

  it('redirects every moved address to a person that exists, from an id no person has', () => {
    for (const [from, to] of Object.entries(MOVED_PEOPLE)) {
      expect(site.personById.has(to), `${from} → ${to}`).toBe(true);
      expect(site.personById.has(from), `${from} is a person again`).toBe(false);
    }
    expect(MOVED_PEOPLE['yevgeniy-zhovtis']).toBe('yevgeni-zhotis');
  });
});
