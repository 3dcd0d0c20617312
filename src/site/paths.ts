/**
 * Prefixes a site path with the configured base (`BASE_PATH`), so links work on a sub-path.
 * `withBase('procedures/2013-2600/')` → `/kz/procedures/2013-2600/` when the base is `/kz/`.
 */
export function withBase(p: string, base: string = import.meta.env.BASE_URL): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + p.replace(/^\/+/, '');
}

/** The page of a procedure. */
export const procedurePath = (slug: string) => `procedures/${slug}/`;
/** A fragment on a procedure page: an item (`para-13`) or a demand (`demand-…`). */
export const itemPath = (slug: string, fragment: string) => `procedures/${slug}/#${fragment}`;
export const themePath = (id: string) => `themes/${id}/`;
export const personPath = (id: string) => `people/${id}/`;
export const threadPath = (id: string) => `threads/${id}/`;
