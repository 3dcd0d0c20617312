// The site keeps what a reader opened readable when the network goes (src/publish/offline/): after
// a first visit, with the server gone, the page visited and a search for a word on it still work,
// and the page says it is a saved copy; a new build's worker removes the copies of the old one. The copy is served at a path of its own (/offline/), so the
// server can be stopped without touching the one the other tests share.
import { describe, expect, it } from 'vitest';
import { openPage, serveDist, useBuiltSite } from './harness';

describe('offline, after a first visit', () => {
  const web = useBuiltSite();

  it('shows a visited page and searches a word on it with the network cut, saying it is a saved copy', async () => {
    const server = await serveDist('dist', '/offline/');
    let stopped = false;
    const o = await openPage(web.browser, `${server.url}robots.txt`, { serviceWorkers: 'allow' });
    try {
      // A copy left by an earlier build, which the new worker must remove when it takes over.
      await o.page.evaluate(() => caches.open('kz-ep-demands-0123456789ab').then((c) => c.put('stale', new Response('old'))));
      await o.goto(`${server.url}procedures/2013-2600/`);
      // The worker installs, saving this page and the search (page, script, index).
      const version = await o.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return new URL(registration.active!.scriptURL).pathname;
      });
      expect(version).toBe('/offline/sw.js');
      await o.page.waitForFunction(async () => (await caches.keys()).length === 1 && (await (await caches.open((await caches.keys())[0]!)).keys()).length > 10);
      expect(await o.page.locator('.saved-copy').count()).toBe(0);

      await server.close();
      stopped = true;

      await o.page.reload();
      expect(await o.page.locator('h1').innerText()).toMatch(/human rights situation in Kazakhstan/);
      expect(await o.page.locator('.saved-copy').innerText()).toMatch(/^You are offline\. This is a copy of the page saved on this device on \d{1,2} \w+ \d{4}/);
      expect(await o.page.locator('#demand-2013-2600-para-6-1').count()).toBe(1);

      // "Kuramshin" is on the page visited; the search page was never opened.
      await o.goto(`${server.url}search/?q=Kuramshin`);
      await o.page.waitForFunction(() => /result/.test(document.getElementById('status')?.textContent ?? ''));
      const ids = await o.page.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-id')));
      expect(ids).toContain('2013-2600-para-6-1');

      // A page never opened says plainly that it is not saved here.
      await o.goto(`${server.url}people/`);
      expect(await o.page.locator('body').innerText()).toMatch(/^You are offline, and this page has not been opened on this device before/);
    } finally {
      await o.close();
      if (!stopped) await server.close();
    }
  });
});
