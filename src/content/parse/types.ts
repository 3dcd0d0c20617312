import type { ProcedureDocument } from '../schemas/procedure.ts';

/** What an item is in its document. */
export type ItemKind =
  | 'preamble'
  | 'citation'
  | 'recital'
  | 'para'
  | 'footnote'
  | 'summary'
  | 'bullet';

/** A piece of an item's text: words, or a footnote reference printed as its number. */
export type Inline = { type: 'text'; value: string } | { type: 'fnref'; label: string };

/** One citable unit of a text: a citation, recital, paragraph, footnote or summary item. */
export interface Item {
  /** Page anchor, unique in the procedure: `para-13`, `motion-recital-d`, `summary-5-2`. */
  anchor: string;
  kind: ItemKind;
  /** The printed label: "13", "D", "5-2"; empty for the preamble and summary paragraphs. */
  label: string;
  /** The text as printed, footnote references as their numbers ("on Kazakhstan1,"). */
  text: string;
  /** The same text in pieces, so footnote references can be linked. */
  inlines: Inline[];
  /** For bullets: the anchor of the paragraph introducing them. */
  parent?: string;
  /** Line in the Markdown file, for error messages. */
  line: number;
}

/** A document of a procedure, with its items in order. */
export interface ParsedDocument {
  meta: ProcedureDocument;
  items: Item[];
}

/** A problem in a content file, precise enough to fix without reading code. */
export interface ContentIssue {
  file: string;
  line?: number;
  field: string;
  message: string;
}

/** Records a problem at a node; `field` names what to fix (a frontmatter path or the body). */
export function report(
  file: import('vfile').VFile,
  reason: string,
  node: { position?: import('unist').Position } | undefined,
  field: string,
): void {
  file.message(reason, { place: node?.position, ruleId: field });
}

declare module 'vfile' {
  interface DataMap {
    documents: ProcedureDocument[];
    sections: Array<{ meta: ProcedureDocument; nodes: import('mdast').RootContent[] }>;
    parsed: ParsedDocument[];
  }
}
