/// <reference types="node" />
// Demand cards wherever they appear (/demands/, theme, person and procedure pages): each reads as
// a sentence, the verbatim lead-in before the demand, with whose words it is; and people's pages
// are titled and addressed with a spelling a source prints, the old address redirecting.
import { describe, expect, it } from 'vitest';
import { openPage, useBuiltSite } from './harness';
import { model } from '../helpers/model.ts';
import { sourceKind } from '../../src/site/labels.ts';

const site = model();

describe('demand cards and people pages', () => {
  const web = useBuiltSite('dist', '/');

  it('show the lead-in before the demand and say whose words it is, on every listing', async () => {
    const o = await openPage(web.browser, web.server.url);
    try {
      const theme = site.themes.find((t) => site.demands.filter((d) => d.themes.includes(t.id)).length > 5)!;
      const person = site.people.find((p) => site.demands.some((d) => d.people.includes(p.id)))!;
      for (const path of ['demands/', `themes/${theme.id}/`, `people/${person.id}/`]) {
        await o.goto(`${web.server.url}${path}`);
        const cards = await o.page.$$eval('.demand-card', (cs) =>
          cs.map((c) => ({ id: c.getAttribute('data-demand')!, quote: (c.querySelector('blockquote') as HTMLElement).innerText, lead: c.querySelector('.lead-in'), kind: c.querySelector('.kind')?.textContent, tag: c.firstElementChild!.classList.contains('motion-tag') ? c.firstElementChild!.textContent : null })).map(({ lead, ...r }) => ({ ...r, leadFirst: !lead || lead === lead.parentElement!.firstElementChild })),
        );
        expect(cards.length, path).toBeGreaterThan(0);
        for (const c of cards) {
          const d = site.demandById.get(c.id)!;
          expect(c.quote, `${path} ${c.id}`).toBe(d.leadIn.text ? `${d.leadIn.text} ${d.text}` : d.text);
          expect(c.leadFirst, `${path} ${c.id}`).toBe(true);
          expect(c.kind, `${path} ${c.id}`).toBe(sourceKind[d.documentKind]);
          // A motion says so before its words, which begin "The European Parliament,".
          expect(c.tag, `${path} ${c.id}`).toBe(d.documentKind === 'motion' ? 'Motion, not the adopted text' : null);
        }
      }
      // A resolution's group on /demands/ says once whose words its demands are.
      await o.goto(`${web.server.url}demands/`);
      const group13 = await o.page.locator('section', { has: o.page.locator('h2 .ref', { hasText: '2013/2600(RSP)' }) }).locator('> .meta').innerText();
      expect(group13).toContain('Quoted from Parliament’s resolution text. The export it comes from gives no date and does not say whether it is the text as adopted');
    } finally {
      await o.close();
    }
  });

  it('title a person with a printed spelling, and send the old address on to it', async () => {
    const o = await openPage(web.browser, `${web.server.url}people/yevgeniy-zhovtis/`);
    try {
      await o.page.waitForURL(/\/people\/yevgeni-zhotis\/$/);
      expect(await o.page.locator('h1').innerText()).toBe('Yevgeni Zhotis');
      const facts = await o.page.locator('main table').first().innerText();
      expect(facts).toContain('“Yevgeni Zhotis”');
      // The usual spelling is the site's, and said to be; the quote that names him is framed as one.
      expect(facts).toMatch(/Usual spelling\s+Yevgeniy Zhovtis \(added by this site: not printed in these sources\)/);
      expect(facts).toMatch(/Named in\s+the case of Yevgeni Zhotis in Kazakhstan \(/);
      // A plural descriptor reads as what the person is named among.
      await o.goto(`${web.server.url}people/`);
      expect(await o.page.locator('.cards li', { hasText: 'Rafael Balgin' }).locator('.meta').innerText()).toMatch(/^Named among journalists of the online portal ‘Nakanune\.kz’ · /);
      // A passage printing a name twice, in two spellings, is one mention listing both.
      await o.goto(`${web.server.url}people/vladimir-kozlov/`);
      const recitalF = await o.page.locator('[data-entries] ul').first().locator('li', { hasText: 'recital F' }).allInnerTexts();
      expect(recitalF).toEqual([expect.stringMatching(/, printed Vladimir Kozlov and Kozlov$/)]); // each spelling in its own <q>
      expect(await o.page.locator('#mentions').innerText()).toBe("Mentions (8)"); // 2016: summary ¶5.1, motion recital D and ¶4; 2013: citation 3, recitals A and F, ¶6 and ¶7
    } finally {
      await o.close();
    }
  });
});
