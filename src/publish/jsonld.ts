// schema.org JSON-LD for procedure pages and the Data page. Facts only where the sources state
// them: no datePublished without an adoption day, no legislationPassedBy where no source says the
// text was adopted, no `about` place without a procedure file.
//
// URLs are absolute with SITE_URL. Without it they are paths from the host root: JSON-LD resolves
// relative IRIs against the document's own URL (JSON-LD 1.1, §4.1.3 "Base IRI"), so they still
// name the right pages; the Data page says so.
import type { Procedure, SiteModel } from '../content/model/index.ts';
import { documentKindLabel } from '../site/labels.ts';
import { documentUrl, procedureFileUrl } from '../site/ep-links.ts';
import { procedurePath, type Links } from '../site/paths.ts';
import { SITE_NAME } from './feeds.ts';

type Json = Record<string, unknown>;

const EP = { '@type': 'GovernmentOrganization', name: 'European Parliament', url: 'https://www.europarl.europa.eu/' };

/** True when a source states that Parliament adopted the text: an adoption day or a text-adopted reference. */
export const adoptionStated = (p: Procedure) => !!(p.adoptedDate || p.data.adopted?.reference);

/** The site as a WebSite node, referenced by @id from the others. */
export function websiteNode(links: Links): Json {
  return { '@type': 'WebSite', '@id': `${links.url('')}#website`, name: SITE_NAME, url: links.url('') };
}

/** A procedure page: the resolution as schema.org Legislation, its texts as LegislationObjects. */
export function procedureJsonLd(p: Procedure, links: Links): Json {
  const page = links.url(procedurePath(p.slug));
  const id = `${page}#legislation`;
  const a = p.data.adopted;
  const adoptedUrl = a?.reference ? documentUrl(a.reference) : undefined;
  const texts: Json[] = p.documents.map((d) => ({
    '@type': 'LegislationObject',
    '@id': `${page}#doc-${d.meta.id}`,
    name: d.meta.heading,
    description: documentKindLabel[d.meta.kind],
    url: `${page}#doc-${d.meta.id}`,
    inLanguage: 'en',
    encodingFormat: 'text/html',
    legislationLegalValue: 'https://schema.org/UnofficialLegalValue',
    exampleOfWork: { '@id': id },
  }));
  if (a?.reference && adoptedUrl) {
    texts.push({
      '@type': 'LegislationObject',
      name: `Text adopted ${a.reference}`,
      url: adoptedUrl,
      inLanguage: 'en',
      publisher: EP,
      exampleOfWork: { '@id': id },
    });
  }
  const areas = p.data.procedureFile?.geographicalArea;
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': id,
    legislationIdentifier: p.reference,
    name: p.title,
    ...(p.adoptedDate ? { datePublished: p.adoptedDate } : {}),
    // Only where a source says Parliament adopted it: the 2013 export does not say whether its
    // text is the one adopted, and the page says so.
    ...(adoptionStated(p) ? { legislationPassedBy: EP } : {}),
    ...(a?.reference ? { alternateName: a.reference } : {}),
    ...(areas ? { about: areas.map((name) => ({ '@type': 'Place', name })) } : {}),
    inLanguage: 'en',
    url: page,
    sameAs: procedureFileUrl(p.reference),
    isPartOf: websiteNode(links),
    workExample: texts,
  };
}

/**
 * Procedure files the Dataset names in `isBasedOn`. Each procedure page's own JSON-LD names its
 * file (`sameAs`); the Data page lists them only while few, so it stays one round trip.
 */
export const DATASET_SOURCES_LISTED = 20;

/** The Data page: a schema.org Dataset whose distributions are the downloads. */
export function datasetJsonLd(site: SiteModel, links: Links, files: Array<{ name: string; mediaType: string; size: number; description: string }>): Json {
  const years = site.procedures.map((p) => p.year);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${links.url('data/')}#dataset`,
    name: `${SITE_NAME}: resolutions, demands, timeline`,
    description: `Every demand the European Parliament made of Kazakhstan on human rights in ${site.procedures.length} resolutions (${Math.min(...years)}–${Math.max(...years)}), quoted verbatim, with themes, addressees, people named and a timeline of the events the texts state.`,
    url: links.url('data/'),
    isPartOf: websiteNode(links),
    creator: { '@type': 'Organization', name: SITE_NAME },
    ...(site.procedures.length <= DATASET_SOURCES_LISTED ? { isBasedOn: site.procedures.map((p) => procedureFileUrl(p.reference)) } : {}),
    inLanguage: 'en',
    temporalCoverage: `${Math.min(...years)}/${Math.max(...years)}`,
    spatialCoverage: { '@type': 'Place', name: 'Kazakhstan' },
    distribution: files.map((f) => ({
      '@type': 'DataDownload',
      name: f.name,
      description: f.description,
      encodingFormat: f.mediaType,
      contentUrl: links.url(`data/${f.name}`),
      contentSize: `${f.size} B`,
    })),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no "</script>" can close it early. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
