/** The site's name, in page titles, feeds, previews and citations. */
export const SITE_NAME = 'EP demands on Kazakhstan';
