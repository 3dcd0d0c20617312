import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from './types.ts';

/**
 * Splits a procedure body into its documents: each `## ` heading opens the next document of the
 * frontmatter's `documents`, whose `heading` it must equal. Footnote definitions anywhere in a
 * section stay in that section.
 */
export default function remarkSections() {
  return (tree: Root, file: VFile) => {
    const documents = file.data.documents ?? [];
    const sections: NonNullable<VFile['data']['sections']> = [];
    let current: RootContent[] | undefined;
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth === 2) {
        const meta = documents[sections.length];
        const text = toString(node);
        if (!meta) {
          report(file, `body has a "## ${text}" heading but frontmatter lists only ${documents.length} document(s)`, node, 'documents');
          current = undefined;
          continue;
        }
        if (text !== meta.heading) {
          report(file, 
            `heading "## ${text}" does not match documents[${sections.length}].heading "${meta.heading}"`,
            node,
            `documents[${sections.length}].heading`,
          );
        }
        current = [];
        sections.push({ meta, nodes: current });
        continue;
      }
      if (node.type === 'heading') {
        report(file, `only "## " headings (one per document) are allowed, found a level-${node.depth} heading`, node, 'body');
        continue;
      }
      if (!current) {
        report(file, 'text before the first "## " document heading', node, 'body');
        continue;
      }
      current.push(node);
    }
    for (let i = sections.length; i < documents.length; i++) {
      report(file, `documents[${i}] ("${documents[i]!.heading}") has no "## " section in the body`, undefined, `documents[${i}]`);
    }
    file.data.sections = sections;
  };
}
