import type { ContentIssue } from '../parse/index.ts';

/** Formats one problem as `file:line  field: message`. */
export function formatIssue(i: ContentIssue): string {
  return `${i.file}${i.line ? `:${i.line}` : ''}  ${i.field}: ${i.message}`;
}

/** Every problem found in the content, reported together so one run shows them all. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(
      `The content has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}
