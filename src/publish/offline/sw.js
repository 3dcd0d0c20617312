// @ts-check
/// <reference lib="webworker" />
// The site's service worker, written to <site root>/sw.js by the build (offline.ts fills in VERSION
// and PRECACHE). It keeps what a reader has opened readable without a network: every page they
// visit (network first, so an online reader always gets the current page), and the search page
// with its script and index files (saved when the worker installs). No third-party code.
//
// A page served from the saved copies because the network failed gets a <meta name="saved-copy">
// with the time it was saved; src/browser/offline.ts shows a notice from it.

/** Changes with every build whose files change; each build's copies live in their own cache. */
const VERSION = '__VERSION__';
/** Site paths, relative to this file, saved when the worker installs. */
const PRECACHE = /** @type {string[]} */ (JSON.parse('__PRECACHE__'));
const PREFIX = 'kz-ep-demands-';
const CACHE = PREFIX + VERSION;
const SAVED_AT = 'x-saved-at';

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const scope = new URL(sw.registration.scope);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The pages open now (the first page a reader visits loads before the worker exists), then
      // the list; one by one, so a file that fails is left out, not the whole copy.
      const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const urls = [...open.map((c) => new URL(c.url)).filter((u) => u.pathname.startsWith(scope.pathname)), ...PRECACHE.map((p) => new URL(p, scope))];
      await Promise.all(urls.map((u) => fetch(u).then((r) => (r.ok ? save(cache, u, r) : undefined)).catch(() => undefined)));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  const page = request.mode === 'navigate' || path === '' || path.endsWith('/');
  // Pages, the search index and the site's scripts are kept; downloads (data/) are not.
  if (page) event.respondWith(pageFirstFromNetwork(request, url));
  else if (path.startsWith('search/') || path.startsWith('_astro/') || path === 'favicon.svg') event.respondWith(fileFromCache(request, url));
});

/** The key a response is saved under: the address without its query (one copy of /search/). */
const keyOf = (/** @type {URL} */ url) => url.origin + url.pathname;

/** Saves a copy of a response with the time it was saved. */
async function save(/** @type {Cache} */ cache, /** @type {URL} */ url, /** @type {Response} */ response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  const body = await response.clone().arrayBuffer();
  await cache.put(keyOf(url), new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

/** A page: from the network when it answers (and saved), else the saved copy, marked as such. */
async function pageFirstFromNetwork(/** @type {Request} */ request, /** @type {URL} */ url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) await save(cache, url, response);
    return response;
  } catch (error) {
    const saved = await cache.match(keyOf(url));
    if (!saved) return offlineAnswer();
    const html = await saved.text();
    const savedAt = saved.headers.get(SAVED_AT) ?? '';
    const marked = html.replace(/<head>/i, `<head><meta name="saved-copy" content="${savedAt.replace(/[^0-9TZ:.-]/g, '')}">`);
    const headers = new Headers(saved.headers);
    headers.delete('content-length');
    return new Response(marked, { status: 200, headers });
  }
}

/** A search file or script: saved copy first (they change only with the build), else the network. */
async function fileFromCache(/** @type {Request} */ request, /** @type {URL} */ url) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(keyOf(url));
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await save(cache, url, response);
  return response;
}

/** What a page not saved on this device shows when the network fails. */
function offlineAnswer() {
  return new Response(
    'You are offline, and this page has not been opened on this device before, so no copy of it is saved here. Pages you have opened, and the search, work offline.',
    { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
}
