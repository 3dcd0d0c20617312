import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ProcedureDocument } from '../schemas/procedure.ts';
import remarkDemands, { type ExtractedDemand } from './remark-demands.ts';
import remarkItems from './remark-items.ts';
import remarkSections from './remark-sections.ts';
import type { ContentIssue, ParsedDocument } from './types.ts';

export type { ContentIssue, Inline, Item, ItemKind, ParsedDocument } from './types.ts';
export { extractFromItem, type ExtractedDemand } from './remark-demands.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSections).use(remarkItems).use(remarkDemands);

export interface ParsedBody {
  documents: ParsedDocument[];
  extracted: ExtractedDemand[];
  issues: ContentIssue[];
}

/**
 * Parses a procedure body into documents and items, and runs first-pass demand extraction.
 * `lineOffset` is the number of lines before the body (the frontmatter), so messages point at the
 * right line of the file.
 */
export function parseProcedureBody(
  body: string,
  documents: ProcedureDocument[],
  file: string,
  lineOffset = 0,
): ParsedBody {
  const vfile = new VFile({ value: body, path: file, data: { documents } });
  const tree = processor.parse(vfile);
  processor.runSync(tree, vfile);
  const issues: ContentIssue[] = vfile.messages.map((m) => ({
    file,
    line: m.line ? m.line + lineOffset : undefined,
    field: m.ruleId ?? 'body',
    message: m.reason,
  }));
  const parsed = vfile.data.parsed ?? [];
  const seen = new Map<string, number>();
  for (const doc of parsed) {
    for (const item of doc.items) {
      const prev = seen.get(item.anchor);
      if (prev !== undefined) {
        issues.push({ file, line: item.line + lineOffset, field: 'body', message: `anchor "${item.anchor}" is used twice (first on line ${prev + lineOffset}); give one document an anchorPrefix` });
      } else seen.set(item.anchor, item.line);
    }
  }
  return { documents: parsed, extracted: vfile.data.extracted ?? [], issues };
}
