import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlocks, readInline } from '../../../../components/privacy/markdown-blocks';

describe('the privacy page’s Markdown reader', () => {
  it('reads bold, italic and code runs, and leaves an unmatched mark as typed', () => {
    expect(readInline('**Rien** ne part, voir `SECURITY.md` *ici*')).toEqual([
      { text: 'Rien', strong: true },
      { text: ' ne part, voir ' },
      { text: 'SECURITY.md', code: true },
      { text: ' ' },
      { text: 'ici', em: true },
    ]);
    expect(readInline('a * b')).toEqual([{ text: 'a * b' }]);
  });

  it('reads headings, paragraphs joined over lines, and list items with their continuation lines', () => {
    const blocks = readBlocks('# Titre\n\nune ligne\net la suite\n- un\n  suite\n- deux\n\nfin');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'paragraph']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: [{ text: 'une ligne et la suite' }] });
    expect(blocks[2]).toEqual({ kind: 'list', items: [[{ text: 'un suite' }], [{ text: 'deux' }]] });
  });

  it('reads PRIVACY.md whole: both languages, every section, no Markdown mark left', () => {
    const blocks = readBlocks(readFileSync('PRIVACY.md', 'utf8'));
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.text.map((r) => r.text).join(''));
    expect(headings).toContain('En français');
    expect(headings).toContain('In English');
    expect(headings.filter((h) => h === 'Contact')).toHaveLength(2);
    const text = JSON.stringify(
      blocks
        .map((b) => (b.kind === 'list' ? b.items : b.text))
        .flat(2)
        .map((r) => r.text),
    );
    expect(text).not.toMatch(/\*\*|`|^#/);
  });
});
