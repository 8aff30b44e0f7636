/**
 * Reads the little Markdown that PRIVACY.md uses (headings, paragraphs, `- ` lists, **bold**,
 * *italic*, `code`) into blocks, so that the extension shows its own copy of the policy as
 * elements, without HTML strings (SECURITY.md: no innerHTML). Anything else stays plain text.
 */

/** A run of text with its emphasis. */
export interface Inline {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
}

export type Block = { kind: 'heading'; level: 1 | 2 | 3; text: Inline[] } | { kind: 'paragraph'; text: Inline[] } | { kind: 'list'; items: Inline[][] };

/** The inline runs of one line of text: `**bold**`, `*italic*`, `` `code` ``; unmatched marks stay as typed. */
export function readInline(text: string): Inline[] {
  const out: Inline[] = [];
  const mark = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`/g;
  let last = 0;
  for (const m of text.matchAll(mark)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], strong: true });
    else if (m[2] !== undefined) out.push({ text: m[2], em: true });
    else out.push({ text: m[3], code: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/**
 * The blocks of `markdown`: a `#`, `##` or `###` line is a heading; lines starting `- ` are list
 * items (indented lines continue the item); other lines join into paragraphs until a blank line.
 */
export function readBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: readInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', items: list.map(readInline) });
    paragraph = [];
    list = undefined;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, text: readInline(heading[2]) });
    } else if (line.startsWith('- ')) {
      if (paragraph.length) {
        blocks.push({ kind: 'paragraph', text: readInline(paragraph.join(' ')) });
        paragraph = [];
      }
      list = [...(list ?? []), line.slice(2)];
    } else if (list && /^\s/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
