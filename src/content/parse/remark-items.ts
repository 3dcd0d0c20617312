import type { FootnoteDefinition, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, type Inline, type Item, type ParsedDocument } from './types.ts';

const RECITAL = /^([A-Z]{1,2})\.\s+/;
const NUMBERED = /^(\d+)[.)]\s/;

/** Flattens phrasing content to text pieces; anything but words and footnote references is refused. */
function inlinesOf(nodes: PhrasingContent[], file: VFile, field: string): Inline[] {
  const out: Inline[] = [];
  const push = (value: string) => {
    const last = out.at(-1);
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  let refused = false;
  const walk = (list: PhrasingContent[]) => {
    for (const n of list) {
      if (n.type === 'text') push(n.value.replace(/\s*\n\s*/g, ' '));
      else if (n.type === 'break') push(' ');
      else if (n.type === 'footnoteReference') out.push({ type: 'fnref', label: n.label ?? n.identifier });
      else if (n.type === 'emphasis' || n.type === 'strong') walk(n.children);
      else if (n.type === 'inlineCode') push(n.value);
      else if (!refused) {
        // One report per text is enough to find it; raw HTML never reaches a page.
        refused = true;
        report(file, `unsupported markup "${n.type}" in a text: transcribe sources as plain text`, n, field);
      }
    }
  };
  walk(nodes);
  return out;
}

const textOf = (inlines: Inline[]) => inlines.map((i) => (i.type === 'text' ? i.value : i.label)).join('');

function paragraphOf(node: ListItem, file: VFile, field: string): Paragraph | undefined {
  if (node.children.length !== 1 || node.children[0]!.type !== 'paragraph') {
    report(file, 'a list item must hold exactly one paragraph', node, field);
    return node.children.find((c): c is Paragraph => c.type === 'paragraph');
  }
  return node.children[0] as Paragraph;
}

/**
 * Turns each document section into citable items with stable anchors (see README, "Content format"):
 * summaries give `summary-N` and `summary-N-M`; full texts give `preamble`, `citation-N`,
 * `recital-x`, `para-N` (the printed number) and `footnote-N`.
 */
export default function remarkItems() {
  return (_tree: unknown, file: VFile) => {
    const parsed: ParsedDocument[] = [];
    for (const [d, { meta, nodes }] of (file.data.sections ?? []).entries()) {
      const prefix = meta.anchorPrefix ?? '';
      const field = `body: documents[${d}] "${meta.id}"`;
      const items: Item[] = [];
      const add = (item: Omit<Item, 'text'>) => {
        const full = { ...item, anchor: prefix + item.anchor, text: textOf(item.inlines) };
        if (item.parent) full.parent = prefix + item.parent;
        items.push(full);
      };
      const footnotes: FootnoteDefinition[] = [];
      if (meta.kind === 'summary') {
        let n = 0;
        let lastParagraph = 0;
        for (const node of nodes) {
          const line = node.position?.start.line ?? 0;
          if (node.type === 'paragraph') {
            n += 1;
            lastParagraph = n;
            add({ anchor: `summary-${n}`, kind: 'summary', label: '', inlines: inlinesOf(node.children, file, field), line });
          } else if (node.type === 'list' && !node.ordered) {
            if (!lastParagraph) {
              report(file, 'a bullet list must follow the paragraph that introduces it', node, field);
              continue;
            }
            node.children.forEach((li, m) => {
              const p = paragraphOf(li, file, field);
              if (!p) return;
              add({
                anchor: `summary-${lastParagraph}-${m + 1}`,
                kind: 'bullet',
                label: `${lastParagraph}-${m + 1}`,
                inlines: inlinesOf(p.children, file, field),
                parent: `summary-${lastParagraph}`,
                line: li.position?.start.line ?? line,
              });
            });
          } else if (node.type === 'footnoteDefinition') {
            footnotes.push(node);
          } else {
            report(file, `a summary holds paragraphs and "- " bullet lists only, found ${describe(node)}`, node, field);
          }
        }
      } else {
        let citations = 0;
        let sawPreamble = false;
        for (const node of nodes) {
          const line = node.position?.start.line ?? 0;
          if (node.type === 'paragraph') {
            const inlines = inlinesOf(node.children, file, field);
            const first = inlines[0];
            const m = first?.type === 'text' ? RECITAL.exec(first.value) : null;
            if (m && first?.type === 'text') {
              first.value = first.value.slice(m[0].length);
              add({ anchor: `recital-${m[1]!.toLowerCase()}`, kind: 'recital', label: m[1]!, inlines, line });
            } else if (!sawPreamble && citations === 0) {
              sawPreamble = true;
              add({ anchor: 'preamble', kind: 'preamble', label: '', inlines, line });
            } else {
              report(file, 'a paragraph in a resolution must be the opening formula, a recital ("A. whereas …") or a numbered item', node, field);
            }
          } else if (node.type === 'list' && !node.ordered) {
            for (const li of node.children) {
              const p = paragraphOf(li, file, field);
              if (!p) continue;
              citations += 1;
              add({ anchor: `citation-${citations}`, kind: 'citation', label: String(citations), inlines: inlinesOf(p.children, file, field), line: li.position?.start.line ?? line });
            }
          } else if (node.type === 'list' && node.ordered) {
            numbered(node, file, field, add);
          } else if (node.type === 'footnoteDefinition') {
            footnotes.push(node);
          } else {
            report(file, `unexpected ${describe(node)} in a resolution text`, node, field);
          }
        }
      }
      for (const fn of footnotes) {
        const label = fn.label ?? fn.identifier;
        const p = fn.children[0];
        if (fn.children.length !== 1 || p?.type !== 'paragraph') {
          report(file, `footnote [^${label}] must be one paragraph`, fn, field);
          continue;
        }
        add({ anchor: `footnote-${label}`, kind: 'footnote', label, inlines: inlinesOf(p.children, file, field), line: fn.position?.start.line ?? 0 });
      }
      parsed.push({ meta, items });
    }
    file.data.parsed = parsed;
  };
}

/** Numbered paragraphs take the number printed in the source line, not the list's counter. */
function numbered(list: List, file: VFile, field: string, add: (i: Omit<Item, 'text'>) => void) {
  const source = String(file.value);
  for (const li of list.children) {
    const p = paragraphOf(li, file, field);
    if (!p) continue;
    const offset = li.position?.start.offset ?? 0;
    const m = NUMBERED.exec(source.slice(offset, offset + 12));
    if (!m) {
      report(file, 'cannot read the printed number of this paragraph', li, field);
      continue;
    }
    add({ anchor: `para-${m[1]}`, kind: 'para', label: m[1]!, inlines: inlinesOf(p.children, file, field), line: li.position?.start.line ?? 0 });
  }
}

function describe(node: RootContent): string {
  return node.type === 'list' ? (node.ordered ? 'a numbered list' : 'a bullet list') : `a ${node.type}`;
}
