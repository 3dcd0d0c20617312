export { buildSite, slugOf } from './build.ts';
export { ContentError, formatIssue } from './errors.ts';
export { compareDates, formatDate, precisionOf } from './dates.ts';
export type * from './types.ts';
