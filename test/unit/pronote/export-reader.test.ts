import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../../lib/input/source';
import { readPronoteExport, readRapprochementSso } from '../../../lib/pronote';
import type { Person } from '../../../lib/core/person';

const FIX = 'test/fixtures/inputs/';
const load = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) });
const byName = (persons: Person[], lastName: string, firstName: string) => persons.find((p) => p.lastName === lastName && p.firstName === firstName);

describe('partner export layout', () => {
  const r = readPronoteExport([load('partner-export.xml')]);

  it('reads the six categories from the six element names inside plural containers', () => {
    expect(r.layout).toBe('partner');
    const counts: Record<string, number> = {};
    for (const p of r.persons) counts[p.category] = (counts[p.category] ?? 0) + 1;
    expect(counts).toEqual({ teacher: 2, staff: 2, student: 2, guardian: 2, supervisor: 1, inspector: 1 });
  });

  it('takes IDPN as id, else Ident with a note that staff cannot feed idPronote', () => {
    const julie = r.persons.find((p) => p.raw.Ident === '101')!;
    expect(julie).toMatchObject({ id: '74CPUWN8RAJQVM5K', idKind: 'IDPN', civility: 'Mme', email: 'julie.martin@example.org', birthDate: '1980-03-12' });
    const staff = r.persons.filter((p) => p.category === 'staff');
    expect(staff.map((p) => [p.id, p.idKind])).toEqual([
      ['201', 'Ident'],
      ['202', 'Ident'],
    ]);
    expect(staff[1].lastName).toBe("D'ALMEIDA");
    const note = r.notes.find((n) => n.message.fr.includes('sans IDPN'));
    expect(note?.message.fr).toContain('2 personnels sans IDPN');
    expect(note?.message.en).toContain('cannot feed idPronote');
  });

  it('reads classes and guardians of students, and fills guardians’ children by IDPN', () => {
    const chloe = byName(r.persons, 'DUPONT', 'Chloé')!;
    expect(chloe).toMatchObject({ id: 'K9L8M7N6P5Q4R3S2', birthDate: '2012-09-14', sex: 'F', classes: ['5A'] });
    expect(chloe.guardians.map((g) => g.id)).toEqual(['B1C2D3E4F5G6H7J8', 'C1D2E3F4G5H6J7K8']);
    const sophie = byName(r.persons, 'DURAND', 'Sophie')!;
    expect(sophie.birthName).toBe('DUPONT');
    expect(sophie.children.map((c) => c.id).sort()).toEqual(['K9L8M7N6P5Q4R3S2', 'T1U2V3W4X5Y6Z7A8']);
    expect(byName(r.persons, 'DUPONT', 'Marc')?.postalCode).toBe('61000');
  });

  it('keeps markup inside names as plain text', () => {
    const leo = r.persons.find((p) => p.firstName === 'Léo')!;
    expect(leo.lastName).toBe('<script>alert(1)</script>');
    expect(leo.birthDate).toBe('2011-02-28');
  });

  it('lists the record without id or name with its element and line', () => {
    expect(r.notRead).toHaveLength(1);
    expect(r.notRead[0]).toMatchObject({ source: 'partner-export.xml', location: 'Eleve[3], l. 21' });
    expect(r.notRead[0].reason.fr).toContain('303');
  });

  it('reads the export kind the file states', () => {
    expect(r.exportKind).toBe('all-users');
    const without = new TextEncoder().encode(
      '<EXPORT Option="Uniquement les utilisateurs sans identifiants CAS"><Eleve Ident="1" IDPN="X" Nom="A" Prenom="B"/></EXPORT>',
    );
    expect(readPronoteExport([{ name: 'x.xml', bytes: without }]).exportKind).toBe('without-cas-only');
    const silent = new TextEncoder().encode('<EXPORT><Eleve Ident="1" IDPN="X" Nom="A" Prenom="B"/></EXPORT>');
    expect(readPronoteExport([{ name: 'x.xml', bytes: silent }]).exportKind).toBe('unknown');
  });
});

describe('several Pronote export files', () => {
  it('reads a person whose (category, id) came in an earlier file once, and says which file had it', () => {
    const once = readPronoteExport([load('partner-export.xml')]);
    const again = { ...load('partner-export.xml'), name: 'copie.xml' };
    const r = readPronoteExport([load('partner-export.xml'), again]);
    expect(r.persons.map((p) => [p.category, p.id])).toEqual(once.persons.map((p) => [p.category, p.id]));
    expect(r.persons.every((p) => p.source === 'partner-export.xml')).toBe(true);
    const dup = r.notRead.filter((n) => n.source === 'copie.xml' && /earlier file/.test(n.reason.en));
    expect(dup).toHaveLength(once.persons.length);
    // The copy's own unreadable records are still reported as such, not hidden.
    expect(r.notRead.filter((n) => n.source === 'copie.xml')).toHaveLength(once.persons.length + once.notRead.length);
    expect(dup[0].reason.fr).toContain('déjà lu dans un fichier précédent, «\u202fpartner-export.xml\u202f»');
    expect(dup[0].reason.en).toContain('already read in an earlier file, "partner-export.xml"');
  });

  it('sets the same file given twice aside too, and keeps a person with the same id in another category', () => {
    const r = readPronoteExport([load('partner-export.xml'), load('partner-export.xml')]);
    expect(new Set(r.persons.map((p) => `${p.category} ${p.id}`)).size).toBe(r.persons.length);
    expect(r.persons).toHaveLength(10);
    expect(r.notRead.filter((n) => /already read in an earlier file/.test(n.reason.en))).toHaveLength(10);
  });
});

describe('RapprochementSSO V2.0', () => {
  it('is a valid fixture against Index Éducation’s schema', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'rapprochement-sso.xml', contents: readFileSync(FIX + 'rapprochement-sso.xml', 'utf8') }],
      schema: [readFileSync('../shared/data/schemas/RapprochementSSO.xsd', 'utf8')],
    });
    expect(result.errors).toEqual([]);
  });

  it('reads namespace-qualified pairs as manual decisions', () => {
    const decisions = readRapprochementSso(load('rapprochement-sso.xml'));
    expect(decisions).toEqual([
      { category: 'teacher', pronoteId: '101', kind: 'manual', entId: 'ent-9001', decidedAt: expect.stringMatching(/^2026-09-03T/) },
      { category: 'guardian', pronoteId: '401', kind: 'manual', entId: 'ent-9401', decidedAt: expect.any(String) },
      { category: 'student', pronoteId: '301', kind: 'manual', entId: 'ent-9301', decidedAt: expect.any(String) },
    ]);
  });

  it('with an export, turns the decisions’ Ident into the persons’ ids', () => {
    const r = readPronoteExport([load('partner-export.xml'), load('rapprochement-sso.xml')]);
    expect(r.layout).toBe('partner');
    expect(r.persons).toHaveLength(10);
    expect(r.decisions?.map((d) => d.pronoteId)).toEqual(['74CPUWN8RAJQVM5K', 'B1C2D3E4F5G6H7J8', 'K9L8M7N6P5Q4R3S2']);
  });

  it('alone, gives its persons too', () => {
    const r = readPronoteExport([load('rapprochement-sso.xml')]);
    expect(r.layout).toBe('rapprochement-sso');
    const chloe = r.persons.find((p) => p.category === 'student')!;
    expect(chloe).toMatchObject({ id: '301', idKind: 'Ident', birthDate: '2012-09-14', sex: 'F', guardians: [{ id: '401' }] });
  });
});
