import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { type SsoRow, writeRapprochementSso } from '../../../lib/report/rapprochement-sso';

const XSD = readFileSync('../shared/data/schemas/RapprochementSSO.xsd', 'utf8');

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'out.xml', contents: xml }],
    schema: [{ fileName: 'RapprochementSSO.xsd', contents: XSD }],
  });
}

const at = '2026-09-03T08:15:00.000Z';
const rows: SsoRow[] = [
  {
    category: 'teacher',
    pronoteId: 'AAAA1111BBBB2222',
    ident: '101',
    status: 'auto',
    score: 0.98,
    engineEntId: 'ENT-T1',
    lastName: 'Dupont-Lefèvre',
    firstName: 'Anne-Sophie',
    birthDate: '1980-02-11',
  },
  {
    category: 'staff',
    pronoteId: '205',
    ident: '205',
    status: 'review',
    score: 0.7,
    engineEntId: 'ENT-S1',
    lastName: "N'Diaye",
    firstName: 'Awa',
    decision: { kind: 'confirmed', entId: 'ENT-S1', decidedAt: at },
  },
  {
    category: 'guardian',
    pronoteId: 'G1',
    ident: '301',
    status: 'unmatched',
    score: 0,
    lastName: 'Martin <b>&</b> "Co"',
    firstName: 'Julie\tMarie',
    decision: { kind: 'manual', entId: 'ENT-G1 ', decidedAt: at },
  },
  {
    category: 'student',
    pronoteId: 'S1',
    ident: '401',
    status: 'auto',
    score: 0.99,
    engineEntId: 'ENT-E1',
    lastName: 'Çelik',
    firstName: 'Zoé',
    birthDate: '2012-04-03',
    sex: 'F',
    guardians: ['G1', 'G-unknown'],
  },
  // left out: no birth date (student), supervisor (no list), no numeric Ident, rejected, no account
  { category: 'student', pronoteId: 'S2', ident: '402', status: 'auto', score: 0.97, engineEntId: 'ENT-E2', lastName: 'Sans', firstName: 'Date' },
  { category: 'supervisor', pronoteId: 'M1', ident: '501', status: 'auto', score: 0.95, engineEntId: 'ENT-T9', lastName: 'Maître', firstName: 'Stage' },
  { category: 'teacher', pronoteId: 'ZZ', ident: 'ABC', status: 'auto', score: 0.95, engineEntId: 'ENT-T2', lastName: 'Pas', firstName: 'Numérique' },
  {
    category: 'teacher',
    pronoteId: 'T3',
    ident: '103',
    status: 'auto',
    score: 0.95,
    engineEntId: 'ENT-T3',
    lastName: 'Rejeté',
    firstName: 'Paul',
    decision: { kind: 'rejected', entId: 'ENT-T3', decidedAt: at },
  },
  {
    category: 'staff',
    pronoteId: 'S9',
    ident: '209',
    status: 'review',
    score: 0.6,
    engineEntId: 'ENT-S9',
    lastName: 'Sans',
    firstName: 'Compte',
    decision: { kind: 'no-account', decidedAt: at },
  },
];

describe('RapprochementSSO writer', () => {
  it('writes a file valid against the V2.0 schema with the pairs made', async () => {
    const result = writeRapprochementSso(rows, { uai: '0310047H', name: 'Collège Émile Zola' }, { date: new Date(at) });
    const validation = await validate(result.xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(result.written).toBe(4);
    expect(result.xml).toContain('<Professeur Ident="101" Nom="Dupont-Lefèvre" Prenom="Anne-Sophie" DateNaissance="1980-02-11" ID_Partenaire="ENT-T1"/>');
    expect(result.xml).toContain('<Personnel Ident="205" Nom="N\'Diaye" Prenom="Awa" ID_Partenaire="ENT-S1"/>');
    // markup in names stays text; whitespace in the partner id is preserved
    expect(result.xml).toContain('Nom="Martin &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;" Prenom="Julie&#9;Marie" ID_Partenaire="ENT-G1 "');
    // a student lists its guardians by their numeric Ident when they are in the file
    expect(result.xml).toMatch(/<Eleve Ident="401"[^>]*Sexe="Feminin" ID_Partenaire="ENT-E1">\s*<Responsable Ident="301"\/>\s*<\/Eleve>/);
    expect(result.xml).toContain('<Etablissement Ident="1" Numero="0310047H" Nom="Collège Émile Zola"/>');
    expect(result.xml).toContain('Date="2026-09-03T08:15:00Z"');
  });

  it('lists what it leaves out, with why', () => {
    const result = writeRapprochementSso(rows, { uai: '0310047H', name: '' });
    expect(result.skipped).toEqual([
      { category: 'student', pronoteId: 'S2', reason: 'no-birth-date' },
      { category: 'supervisor', pronoteId: 'M1', reason: 'no-category' },
      { category: 'teacher', pronoteId: 'ZZ', reason: 'no-ident' },
      { category: 'teacher', pronoteId: 'T3', reason: 'not-paired' },
      { category: 'staff', pronoteId: 'S9', reason: 'not-paired' },
    ]);
  });

  it('writes a valid file when nothing is paired (lists are omitted, not left empty)', async () => {
    const result = writeRapprochementSso([], { uai: '0310047H', name: 'X' });
    expect((await validate(result.xml)).valid).toBe(true);
    expect(result.xml).not.toContain('<Eleves>');
  });
});
