/** Size of the link-preview images (OpenGraph's recommended 1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
