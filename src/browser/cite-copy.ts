// The citation boxes' script (CiteBox.astro), bundled once per page: reveals a Copy button per
// citation. In a build without SITE_URL a citation's links to this site are paths
// (`/procedures/2021-2544/#demand-…`, marked `.site-path`): they are completed from the page's own
// address, in the text shown and so in the text copied, and the note saying they are paths goes.
// Without the Clipboard API the button selects the text instead.
for (const path of document.querySelectorAll<HTMLElement>('[data-format] .site-path')) {
  const bibtex = path.closest<HTMLElement>('[data-format]')!.dataset.format === 'bibtex';
  const url = new URL(bibtex ? path.textContent!.replace(/\\%/g, '%') : path.textContent!, location.href).href;
  path.textContent = bibtex ? url.replace(/%/g, '\\%') : url;
}
for (const note of document.querySelectorAll<HTMLElement>('.cite-relative')) note.hidden = true;
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  b.hidden = false;
  b.addEventListener('click', async () => {
    const pre = document.getElementById(b.dataset.copy!)!;
    try {
      await navigator.clipboard.writeText(pre.textContent!);
      b.textContent = 'Copied';
    } catch {
      getSelection()?.selectAllChildren(pre);
      b.textContent = 'Selected';
    }
    setTimeout(() => (b.textContent = 'Copy'), 2000);
  });
}
