// A person's page is titled, and addressed, with a spelling a source prints; an address that
// changed for that reason stays published as a page pointing to the new one (content/moved.yaml).
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import { personPath } from '../../../src/site/paths.ts';
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

  it("keeps the page's old address, from the usual spelling, pointing to the printed one", () => {
    expect(site.moved).toContainEqual(expect.objectContaining({ from: personPath('yevgeniy-zhovtis'), to: personPath('yevgeni-zhotis') }));
    expect(site.personById.has('yevgeniy-zhovtis')).toBe(false);
  });

  it('refuses a role the passage it cites does not print', () => {
    const { input } = loadContent();
    input.people.data[0]!.role = 'a dissident';
    expect(() => buildSite(input)).toThrow(/people\.yaml {2}\[0\]\.role: "a dissident" is not printed in 2013\/2600\(RSP\) citation-1: quote the words as printed there/);
  });
});
