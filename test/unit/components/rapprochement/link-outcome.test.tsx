import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { MappingScreen } from '../../../../components/rapprochement/MappingScreen';
import { readPronoteExport } from '../../../../lib/pronote';
import { createRapprochement, type PasserelleDB } from '../../../../lib/store';
import { loadSide } from '../../../../lib/rapprochement/pipeline';
import { generate } from '../../../../scripts/generator';
import { contentOf } from '../../../../scripts/generator/write-files';
import { partnerExport } from '../../../../scripts/generator/write-pronote';
import { useFreshDb } from '../../store/fresh-db';

const g = generate({ seed: 3, students: 40 });
const file = (text: string) => [{ name: 'export.xml', bytes: new TextEncoder().encode(text) }];
/** The guardian side written under a name no synonym knows (`Foyer="id1,id2"`). */
const hidden = contentOf(partnerExport(g.pronote, { links: 'guardian-attribute' })).replaceAll(' Enfants="', ' Foyer="');

let db: PasserelleDB;
useFreshDb('links', (d) => {
  db = d;
});

describe('links as the workbench gets them', () => {
  it('stores that no guardian is linked, with the note', async () => {
    const r = await createRapprochement(db, { uai: g.school.uai, schoolName: 'Test', year: '2025-2026', mode: 'complet' });
    const out = await loadSide(db, r.id!, 'pronote', { files: file(contentOf(partnerExport(g.pronote, { links: 'none' }))) });
    const guardians = g.pronote.filter((p) => p.category === 'guardian').length;
    expect(out.summary.guardianLinks).toEqual({ guardians, linked: 0 });
    expect(out.summary.notes.some((n) => n.message.fr.startsWith(`Aucun des ${guardians} responsables`))).toBe(true);
    expect(out.sniff).toBeUndefined();
  });

  it('finds a link field under an unknown name by its values; a field it cannot place brings the mapping screen back', async () => {
    const r = await createRapprochement(db, { uai: g.school.uai, schoolName: 'Test', year: '2025-2026', mode: 'complet' });
    const found = await loadSide(db, r.id!, 'pronote', { files: file(hidden) });
    expect(found.summary.guardianLinks?.linked).toBeGreaterThan(0);
    // The same field with values that name nobody the reader can see (another key): listed, not kept silently.
    const opaque = hidden.replace(
      / Foyer="([^"]*)"/g,
      (_m, v: string) =>
        ` Foyer="${v
          .split(',')
          .map((x) => `K${x}`)
          .join(',')}"`,
    );
    const left = await loadSide(db, r.id!, 'pronote', { files: file(opaque) });
    expect(left.summary.guardianLinks?.linked).toBe(0);
    expect(left.sniff?.sure).toBe(true);
    expect(left.sniff?.unused?.map((u) => `${u.category}:${u.field}`)).toContain('guardian:Foyer');
  });

  it('the mapping screen lists the unused field and lets the admin pick it as the children link', async () => {
    const read = readPronoteExport(file(hidden.replace(/ Foyer="/g, ' Foyer="K')));
    expect(read.unusedFields.length).toBeGreaterThan(0);
    const host = document.createElement('div');
    document.body.append(host);
    let confirmed: { fields: Record<string, string> } | undefined;
    await act(() =>
      render(
        <MappingScreen
          mapping={read.mapping}
          confidence={1}
          sure
          unused={read.unusedFields}
          onConfirm={async (m) => {
            confirmed = m as typeof confirmed;
          }}
        />,
        host,
      ),
    );
    expect(host.querySelector('[data-testid="wb-unused-fields"]')?.textContent).toContain('Foyer');
    const select = host.querySelector<HTMLSelectElement>('[data-testid="wb-unused-fields"] select')!;
    await act(() => {
      select.value = 'children';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(confirmed?.fields.children).toBe('Foyer');
    render(null, host);
    host.remove();
  });
});
