// On every page: registers the service worker that keeps visited pages and the search readable
// offline (src/publish/offline/sw.js, written to <site root>/sw.js by the build), and says so when
// the page on screen is a copy saved on this device. The site root is read from the header's home
// link, so the same files work at any address and path.
const home = document.querySelector<HTMLAnchorElement>('header.site a.brand');
if (home && 'serviceWorker' in navigator && window.isSecureContext) {
  const root = new URL(home.getAttribute('href') ?? './', location.href);
  navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.pathname }).catch(() => {
    // No offline copy (private mode, a host without the file): the site works as before.
  });
}

// The service worker marks a page it serves from its saved copies (the network failed).
const savedAt = document.querySelector<HTMLMetaElement>('meta[name="saved-copy"]')?.content;
const main = document.getElementById('main');
if (savedAt && main) {
  const when = new Date(savedAt);
  const day = Number.isNaN(when.getTime()) ? '' : ` on ${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`;
  const notice = document.createElement('p');
  notice.className = 'notice saved-copy';
  notice.setAttribute('role', 'status');
  notice.textContent = `You are offline. This is a copy of the page saved on this device${day}; it may be out of date, and pages you have not opened before are not available.`;
  main.prepend(notice);
}
