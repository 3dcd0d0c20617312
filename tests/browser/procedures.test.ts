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
        expect(await o.page.locator('.lede').innerText()).toContain(ref!);
        const facts = await o.page.locator('#facts + .table-wrap table').innerText();
        expect(facts).toContain(ref!);
        const p = site.procedures.find((x) => x.reference === ref)!;
        if (p.data.adopted?.vote) expect(facts).toContain(`${p.data.adopted.vote.for} for, ${p.data.adopted.vote.against} against, ${p.data.adopted.vote.abstentions} abstentions`);
        if (!p.adoptedDate) expect(facts).toMatch(/Adopted on\s+not stated in the sources/);
        if (p.data.adopted?.tablingGroups) expect(facts).toContain(p.data.adopted.tablingGroups.groups.join(', '));
      }
      expect(o.consoleErrors).toEqual([]);
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
        for (const d of p.demands) {
          const text = await o.page.locator(`[id="${d.fragment}"]`).innerText();
          expect(text).toBe(d.text);
          expect(await o.page.locator(`[id="${d.fragment}"]`).evaluate((el, anchor) => el.closest(`[id="${anchor}"]`) !== null, d.anchor)).toBe(true);
        }
      }
      const d = site.demands.find((x) => x.slug === '2019-2610')!;
      await o.goto(`${web.server.url}procedures/2019-2610/#${d.fragment}`);
      expect(await o.page.locator(':target').getAttribute('id')).toBe(d.fragment);
    } finally {
      await o.close();
    }
  });
});
