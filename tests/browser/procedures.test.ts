/// <reference types="node" />
// Readers' paths through the built site: from home to each resolution, to one paragraph, to one demand.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, useBuiltSite } from './harness';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';

const site = buildSite(loadContent(path.join(ROOT, 'content'), ROOT).input);

describe('procedures in the browser', () => {
  const web = useBuiltSite('dist', '/');

  it('reaches every procedure from home, newest first, with its reference and key facts', async () => {
    const o = await openPage(web.browser, web.server.url);
    try {
      const listed = await o.page.$$eval('#resolutions ~ ol h3 a', (as) => as.map((a) => a.textContent?.trim()));
      expect(listed).toHaveLength(4);
      const refs = await o.page.$$eval('#resolutions ~ ol .meta .ref', (s) => s.map((x) => x.textContent));
      expect(refs).toEqual(['2021/2544(RSP)', '2019/2610(RSP)', '2016/2607(RSP)', '2013/2600(RSP)']);
      for (const [i, ref] of refs.entries()) {
        await o.goto(web.server.url);
        await o.page.locator('#resolutions ~ ol h3 a').nth(i).click();
        await o.page.waitForLoadState('load');
        expect(await o.page.locator('.cite-where').innerText()).toContain(ref!);
        const facts = await o.page.locator('#facts + .table-wrap table').innerText();
        expect(facts).toContain(ref!);
        // Key facts list what is stated; what is not goes in one line, never in a row.
        expect(facts).not.toMatch(/not stated/);
        const p = site.procedures.find((x) => x.reference === ref)!;
        if (p.data.adopted?.vote) expect(facts).toContain(`${p.data.adopted.vote.for} for, ${p.data.adopted.vote.against} against, ${p.data.adopted.vote.abstentions} abstentions`);
        const missing = await o.page.locator('.not-stated-line').allInnerTexts();
        if (!p.adoptedDate) expect(missing.join('')).toMatch(/^Not stated in the sources: .*the adoption date/);
        if (p.data.adopted?.tablingGroups) expect(facts).toContain(p.data.adopted.tablingGroups.groups.join(', '));
      }
      expect(o.consoleErrors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('leads with what the page holds, whose words, the official reference, then the demands', async () => {
    const o = await openPage(web.browser, `${web.server.url}procedures/2021-2544/`);
    try {
      const lede = await o.page.locator('h1 + .lede').innerText();
      expect(lede).toMatch(/Legislative Observatory’s summary of the text Parliament adopted on 11 February 2021 \(T9-0056\/2021\) — a summary, not Parliament’s wording/);
      expect(lede).toContain('598 for, 43 against, 52 abstentions');
      const official = o.page.locator('.cite-where a', { hasText: 'T9-0056/2021' });
      expect(await official.getAttribute('href')).toBe('https://www.europarl.europa.eu/doceo/document/TA-9-2021-0056_EN.html');
      // Order: demands, what is new, the text, then key facts and dated events.
      const order = await o.page.$$eval('main h2', (hs) => hs.map((h) => h.id || h.textContent));
      expect(order.indexOf('demands')).toBeLessThan(order.indexOf('new'));
      expect(order.indexOf('new')).toBeLessThan(order.indexOf('doc-summary-title'));
      expect(order.indexOf('doc-summary-title')).toBeLessThan(order.indexOf('facts'));
      expect(order.indexOf('facts')).toBeLessThan(order.indexOf('context'));
      // The demands start within the first screen on a desktop and about one screen on a phone.
      const top = () => o.page.evaluate(() => document.getElementById('demands')!.getBoundingClientRect().top / innerHeight);
      await o.page.setViewportSize({ width: 1366, height: 768 });
      expect(await top()).toBeLessThan(1);
      await o.page.setViewportSize({ width: 390, height: 844 });
      expect(await top()).toBeLessThan(1.5);

      await o.goto(`${web.server.url}procedures/2013-2600/`);
      const lede13 = await o.page.locator('h1 + .lede').innerText();
      expect(lede13).toContain('Parliament’s resolution text, in full');
      expect(lede13).toContain('does not say whether it is the text as adopted or the motion that was voted');
      expect(await o.page.locator('.cite-where').innerText()).toMatch(/its reference is not stated in the sources/);
    } finally {
      await o.close();
    }
  });

  it('shows each demand card with its lead-in, addressee, whose words and the site’s own numbering marked', async () => {
    const o = await openPage(web.browser, web.server.url);
    try {
      for (const p of site.procedures) {
        await o.goto(`${web.server.url}procedures/${p.slug}/`);
        const cards = await o.page.$$eval('.demand-card', (cs) =>
          cs.map((c) => ({ id: c.getAttribute('data-demand'), lead: c.querySelector('blockquote .lead-in')?.textContent ?? '', text: c.querySelector('blockquote .demand-text')?.textContent, meta: (c.querySelector('.card-meta') as HTMLElement).innerText })),
        );
        expect(cards.map((c) => c.id)).toEqual(p.demands.map((d) => d.id));
        for (const d of p.demands) {
          const c = cards.find((x) => x.id === d.id)!;
          expect(c.lead, d.id).toBe(d.leadIn.text);
          expect(c.text, d.id).toBe(d.text);
          expect(c.meta, d.id).toMatch(/^Addressed to: /);
          expect(c.meta, d.id).toContain({ resolution: 'Parliament’s text', summary: 'The Legislative Observatory’s summary of the adopted text — not Parliament’s wording', motion: 'A group’s motion, not the adopted text' }[d.documentKind]);
          if (d.documentKind === 'summary') expect(c.meta, d.id).toMatch(/summary ¶[\d.]+, in context \(this site’s numbering\)/);
        }
      }
    } finally {
      await o.close();
    }
  });

  it('marks demands in the text as marks, not links, each with a permalink marker', async () => {
    const o = await openPage(web.browser, `${web.server.url}procedures/2021-2544/`);
    try {
      const looks = await o.page.$$eval('.doc .demand', (els) =>
        els.map((e) => {
          const s = getComputedStyle(e);
          const link = getComputedStyle(document.querySelector('main p a')!);
          const pin = e.nextElementSibling as HTMLAnchorElement;
          return { tag: e.tagName, underline: s.textDecorationLine, color: s.color, linkColor: link.color, bg: s.backgroundColor, pin: pin?.getAttribute('href'), pinText: pin?.textContent, id: e.id };
        }),
      );
      expect(looks.length).toBe(11);
      for (const l of looks) {
        expect(l.tag).toBe('SPAN');
        expect(l.underline).toBe('none');
        expect(l.color).not.toBe(l.linkColor);
        expect(l.bg).not.toBe('rgba(0, 0, 0, 0)');
        expect(l.pin).toBe(`#${l.id}`);
        // The marker's glyph is drawn by CSS: the text reads and copies as printed.
        expect(l.pinText).toBe('');
      }
    } finally {
      await o.close();
    }
  });

  it('gives 2013 the Rules its citation 8 cites, not "legal basis: not stated"', async () => {
    const o = await openPage(web.browser, `${web.server.url}procedures/2013-2600/`);
    try {
      const row = o.page.locator('#facts + .table-wrap tr', { hasText: 'Rules the text cites' });
      expect(await row.innerText()).toContain('having regard to Rules 122(5) and 110(4) of its Rules of Procedure');
      expect(await row.locator('a').getAttribute('href')).toBe('#citation-8');
      expect(await o.page.locator('main').innerText()).not.toMatch(/Legal basis\s+not stated/i);
      expect(await o.page.locator('.not-stated-line').innerText()).not.toMatch(/legal basis/);
    } finally {
      await o.close();
    }
  });

  it('dates every dated fact no more precisely than the passage it links', async () => {
    const o = await openPage(web.browser, web.server.url);
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    try {
      let checked = 0;
      for (const p of site.procedures) {
        await o.goto(`${web.server.url}procedures/${p.slug}/`);
        const facts = await o.page.$$eval('#context ~ ul li', (lis) =>
          lis.map((li) => {
            const a = li.querySelector('a[href*="#"]') as HTMLAnchorElement;
            const id = decodeURIComponent(new URL(a.href).hash.slice(1));
            const onPage = new URL(a.href).pathname === location.pathname;
            return { date: li.querySelector('.ref')!.textContent!, passage: onPage ? (document.getElementById(id)?.textContent ?? '') : null, href: a.href, noted: !!li.querySelector('.muted') };
          }),
        );
        // Each event once: the list of events between the resolutions leaves out those this text states.
        const titles = await o.page.$$eval('#context ~ ul li', (lis) =>
          lis.map((li) => {
            const copy = li.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('.source-link, .muted').forEach((x) => x.remove());
            return copy.textContent!.trim();
          }),
        );
        expect(titles.length, p.slug).toBe(new Set(titles).size);
        for (const f of facts) {
          if (f.noted) continue; // a derived date, with the note saying how
          const passage = f.passage ?? (await (await fetch(f.href)).text()).replace(/<[^>]+>/g, '');
          // "15–16 March 2013" is printed "15 and 16 March 2013"; every word of the date is in the passage.
          const printed = f.date.replace(/^(\d+)–(\d+) /, '$1 and $2 ');
          expect(passage.includes(printed) || (f.passage === null && passage.includes(printed.split(' ').at(-1)!)), `${p.slug}: “${f.date}” is not in ${f.href}`).toBe(true);
          if (/^\d/.test(f.date) && MONTHS.some((m) => f.date.includes(m))) expect(passage).toContain(printed);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(30);
      // The three that were wrong: the 2016 elections and the EPCA in 2019 and 2021.
      await o.goto(`${web.server.url}procedures/2016-2607/`);
      expect(await o.page.locator('#context ~ ul').first().innerText()).toMatch(/March 2016: Elections in Kazakhstan \(summary ¶5\.4\)/);
      for (const slug of ['2019-2610', '2021-2544']) {
        await o.goto(`${web.server.url}procedures/${slug}/`);
        expect(await o.page.locator('#context ~ ul').first().innerText()).toMatch(/^2015: Signature of the Enhanced Partnership and Cooperation Agreement \(summary ¶3\)/m);
      }
      await o.goto(`${web.server.url}procedures/2013-2600/`);
      expect(await o.page.locator('#context ~ ul').first().innerText()).toContain('15–16 March 2013: Round table on the reform of the Criminal Code');
    } finally {
      await o.close();
    }
  });

  it('prints as the text with the demands marked, without the cards, in about half the pages it took', async () => {
    const o = await openPage(web.browser, `${web.server.url}procedures/2021-2544/`);
    try {
      const pdf = await o.page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(5); // 8 before the cards stopped printing
      expect(await o.page.locator('.print-key').isVisible()).toBe(false);
      await o.page.emulateMedia({ media: 'print' });
      // The printed text says what its underlining means, and every link to a passage names it.
      expect(await o.page.locator('.print-key').innerText()).toBe('Underlined: the demands this site lists.');
      expect(await o.page.locator('main').innerText()).not.toContain('(source)');
      expect(await o.page.locator('.source-link').allInnerTexts()).toContain('(summary ¶1)');
      expect(await o.page.locator('.demand-card').first().isVisible()).toBe(false);
      expect(await o.page.locator('.doc .demand').first().isVisible()).toBe(true);
      expect(await o.page.locator('.cite-print').innerText()).toMatch(/^Cite as: European Parliament \(11 February 2021\)\. .* http:\/\/127\.0\.0\.1:\d+\/procedures\/2021-2544\/$/);
      // The official links print where they lead.
      const after = await o.page.locator('.cite-where a').first().evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toContain('https://www.europarl.europa.eu/');
    } finally {
      await o.close();
    }
  });

  it('lands a paragraph permalink on its paragraph', async () => {
    const o = await openPage(web.browser, `${web.server.url}procedures/2013-2600/#para-13`);
    try {
      const target = o.page.locator(':target');
      expect(await target.getAttribute('id')).toBe('para-13');
      expect(await target.innerText()).toMatch(/^13\.\s+Welcomes the dialogue with the delegation of the Venice Commission/);
      expect(await target.isVisible()).toBe(true);
      const box = await target.boundingBox();
      const viewport = o.page.viewportSize()!;
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(viewport.height);
      // The visible self-link of the paragraph points at itself.
      expect(await target.locator('a.label').getAttribute('href')).toBe('#para-13');
    } finally {
      await o.close();
    }
  });

  it('resolves every demand permalink to the demand, in context', async () => {
    const o = await openPage(web.browser, web.server.url);
    try {
      for (const p of site.procedures) {
        await o.goto(`${web.server.url}procedures/${p.slug}/`);
        const ids = await o.page.$$eval('.demand[id]', (els) => els.map((e) => e.id));
        expect(ids.sort()).toEqual(p.demands.map((d) => d.fragment).sort());
        // Each demand's words as shown, and whether it sits inside its paragraph: one read per page.
        const shown = await o.page.evaluate(
          (demands) => demands.map((d) => {
            const el = document.getElementById(d.fragment) as HTMLElement;
            return { fragment: d.fragment, text: el.innerText, inAnchor: el.closest(`[id="${d.anchor}"]`) !== null };
          }),
          p.demands.map((d) => ({ fragment: d.fragment, anchor: d.anchor })),
        );
        expect(shown).toEqual(p.demands.map((d) => ({ fragment: d.fragment, text: d.text, inAnchor: true })));
      }
      const d = site.demands.find((x) => x.slug === '2019-2610')!;
      await o.goto(`${web.server.url}procedures/2019-2610/#${d.fragment}`);
      expect(await o.page.locator(':target').getAttribute('id')).toBe(d.fragment);
    } finally {
      await o.close();
    }
  });
});
