/**
 * The label tables are site knowledge kept as data (issue 19): every field sourced, no phrase
 * written twice, and no phrase that could make a reader mistake one field for another.
 */
import { describe, expect, it } from 'vitest';
import { foldLabel } from '../../../lib/core/fold';
import { type LabelEntry, SCREEN_LABELS } from '../../../lib/pages/screen-labels';

const screens = Object.entries(SCREEN_LABELS) as [string, Record<string, LabelEntry>][];

describe('the label tables of the screen readers', () => {
  it('hold the four screens and their fields', () => {
    expect(screens.map(([s]) => s)).toEqual(['hosting-console', 'ent-service', 'ent-access', 'ent-import']);
    for (const [, table] of screens) expect(Object.keys(table).length).toBeGreaterThan(1);
  });

  it('give every field at least one phrase and a source that names a seed section, DOMAIN.md or a public source', () => {
    for (const [screen, table] of screens) {
      for (const [field, entry] of Object.entries(table)) {
        expect(entry.phrases.length, `${screen}.${field}`).toBeGreaterThan(0);
        expect(entry.source, `${screen}.${field}`).toMatch(/seed §|seed FAQ|DOMAIN\.md|edificeio|wording not given/);
        // A guess says so in its source.
        if (!entry.known) expect(entry.source, `${screen}.${field}`).toMatch(/not given/);
      }
    }
  });

  it('write no phrase twice within a field once folded (folding already makes accents and case equal)', () => {
    for (const [screen, table] of screens) {
      for (const [field, entry] of Object.entries(table)) {
        const folded = entry.phrases.map(foldLabel);
        expect(new Set(folded).size, `${screen}.${field}: ${folded.join(' | ')}`).toBe(folded.length);
        for (const f of folded) expect(f.length, `${screen}.${field}`).toBeGreaterThan(0);
      }
    }
  });

  it('give no phrase to two fields of one screen', () => {
    for (const [screen, table] of screens) {
      const owner = new Map<string, string>();
      for (const [field, entry] of Object.entries(table)) {
        for (const phrase of entry.phrases) {
          const f = foldLabel(phrase);
          expect(owner.get(f), `${screen}: « ${phrase} » in ${owner.get(f)} and ${field}`).toBeUndefined();
          owner.set(f, field);
        }
      }
    }
  });
});
