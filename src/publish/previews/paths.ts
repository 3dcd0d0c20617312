/** Size of the link-preview images (OpenGraph's recommended 1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
/** Site path of a procedure's preview image. */
export const previewPath = (slug: string) => `data/preview/${slug}.png`;
/** Site path of the site-wide preview image (home and every page without its own). */
export const DEFAULT_PREVIEW = 'data/preview/site.png';
