/**
 * Links to the European Parliament's own pages, built only from references the sources give.
 * Every host used here is on the allow-list the link checker enforces.
 */
export const OFFICIAL_HOSTS = ['oeil.secure.europarl.europa.eu', 'www.europarl.europa.eu'] as const;

/** The Legislative Observatory procedure file. */
export function procedureFileUrl(reference: string): string {
  return `https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=${encodeURIComponent(reference)}`;
}

/** The EP document page for a reference (adopted text, motion, joint motion, cited text), if the format is known. */
export function documentUrl(reference: string): string | undefined {
  let m = /^T([5-9])-(\d{4})\/(\d{4})$/.exec(reference);
  if (m) return doceo(`TA-${m[1]}-${m[3]}-${m[2]}`);
  m = /^B([5-9])-(\d{4})\/(\d{4})$/.exec(reference);
  if (m) return doceo(`B-${m[1]}-${m[3]}-${m[2]}`);
  m = /^RC-B([5-9])-(\d{4})\/(\d{4})$/.exec(reference);
  if (m) return doceo(`RC-${m[1]}-${m[3]}-${m[2]}`);
  m = /^P([5-9])_TA\((\d{4})\)(\d{4})$/.exec(reference);
  if (m) return doceo(`TA-${m[1]}-${m[2]}-${m[3]}`);
  return undefined;
}

const doceo = (id: string) => `https://www.europarl.europa.eu/doceo/document/${id}_EN.html`;
