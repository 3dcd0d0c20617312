// A small strict XML 1.0 well-formedness checker for the feeds and the sitemap (no validator
// package is installed). It builds a minimal element tree so tests can look inside.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9._:-]*$/;
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, where: string): string {
  return s.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9A-Fa-f]+)$/.exec(ref);
    if (num) return String.fromCodePoint(Number.parseInt(num[1]!, ref[1] === 'x' ? 16 : 10));
    throw new Error(`unknown entity ${m} in ${where}`);
  });
}

/** Parses `xml` strictly; throws with a message on the first well-formedness error. */
export function parseXml(xml: string): XmlElement {
  if (BAD_CHAR.test(xml)) throw new Error('character not allowed in XML');
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    if (!/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(\s+standalone="(yes|no)")?\s*\?>$/.test(xml.slice(0, end + 2))) {
      throw new Error('malformed XML declaration');
    }
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const line = () => xml.slice(0, i).split('\n').length;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text) {
      if (text.includes(']]>')) throw new Error(`"]]>" in text (line ${line()})`);
      const decoded = decode(text, `text (line ${line()})`);
      if (stack.length) stack.at(-1)!.text += decoded;
      else if (decoded.trim()) throw new Error(`text outside the root element (line ${line()})`);
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) throw new Error(`bad comment (line ${line()})`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (!stack.length) throw new Error('CDATA outside the root element');
      const end = xml.indexOf(']]>', i);
      if (end < 0) throw new Error('unterminated CDATA');
      stack.at(-1)!.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new Error('unterminated processing instruction');
      if (/^<\?xml[\s?]/i.test(xml.slice(i))) throw new Error('XML declaration not at the start');
      i = end + 2;
    } else if (xml.startsWith('<!', i)) {
      throw new Error(`DOCTYPE or unknown markup (line ${line()})`);
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name ?? '(none)'}> (line ${line()})`);
      i = end + 1;
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!m) throw new Error(`malformed start tag (line ${line()})`);
      const [whole, name, attrText, selfClose] = m;
      if (!NAME.test(name!)) throw new Error(`bad element name ${name}`);
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/\s+([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        const key = a[1]!;
        if (!NAME.test(key)) throw new Error(`bad attribute name ${key}`);
        if (key in attrs) throw new Error(`duplicate attribute ${key} on <${name}>`);
        const raw = a[3] ?? a[4] ?? '';
        if (raw.includes('<')) throw new Error(`"<" in attribute ${key}`);
        attrs[key] = decode(raw, `attribute ${key} of <${name}>`);
      }
      const el: XmlElement = { name: name!, attrs, children: [], text: '' };
      if (stack.length) stack.at(-1)!.children.push(el);
      else if (root) throw new Error(`second root element <${name}> (line ${line()})`);
      else root = el;
      if (!selfClose) stack.push(el);
      i += whole.length;
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
export const childText = (el: XmlElement, name: string) => childrenNamed(el, name)[0]?.text;
