import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import type { Person } from '../../../lib/core/person';
import { readPronoteExport } from '../../../lib/pronote';
import { type Generated, generate } from '../../../scripts/generator/index';
import { partialExport } from '../../../scripts/generator/partial';
import { aafFiles, type OutputFile } from '../../../scripts/generator/write-aaf';
import { contentOf } from '../../../scripts/generator/write-files';
import { edtExport, englishExport, partnerExport } from '../../../scripts/generator/write-pronote';
import { directoryCsv, truthCsv } from '../../../scripts/generator/write-tables';
import iconv from 'iconv-lite';

const REAL_AAF = '../shared/data/aaf-entcore';
const utf8 = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const bytesOf = (file: OutputFile) => {
  const text = contentOf(file);
  return { name: file.name.split('/').pop()!, bytes: new Uint8Array(file.encoding ? iconv.encode(text, file.encoding) : Buffer.from(text, 'utf8')) };
};
const perCategory = (persons: { category: string }[]) => {
  const m: Record<string, number> = {};
  for (const p of persons) m[p.category] = (m[p.category] ?? 0) + 1;
  return m;
};

/** Element paths and `attr/@name`s per AAF category of one file: its "shape". */
function aafShape(xml: string): { paths: Set<string>; attrs: Map<string, Set<string>> } {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, processEntities: false });
  const tree = parser.parse(xml.replace(/<!DOCTYPE[^>]*>/, ''));
  const paths = new Set<string>();
  const attrs = new Map<string, Set<string>>();
  type Node = Record<string, Node[]> & { ':@'?: Record<string, string> };
  const walk = (nodes: Node[], path: string, category: { value?: string }) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
      if (!name) continue;
      const here = `${path}/${name}`;
      paths.add(here);
      const attrName = node[':@']?.['@_name'];
      if (name === 'addRequest') {
        const c: { value?: string } = {};
        walk(node[name], here, c);
      } else {
        if (attrName === 'categoriePersonne') category.value = JSON.stringify(node[name]).match(/"#text":"(\w+)"/)?.[1];
        if (attrName && here.endsWith('attributes/attr') && category.value) {
          if (!attrs.has(category.value)) attrs.set(category.value, new Set());
          attrs.get(category.value)!.add(attrName);
        }
        walk(node[name], here, category);
      }
    }
  };
  walk(tree as Node[], '', {});
  return { paths, attrs };
}

describe('writers', () => {
  let g: Generated;
  let aaf: OutputFile[];
  beforeAll(() => {
    g = generate({ seed: 21, students: 600 });
    aaf = aafFiles(g.directory, { perFile: 500 });
  });

  it('writes AAF files that are well-formed and in the shape of the real feed', () => {
    const realFiles = readdirSync(REAL_AAF).filter((n) => /_(Eleve|PersRelEleve|PersEducNat)_\d+\.xml$/.test(n));
    const realPaths = new Set<string>();
    const realAttrs = new Map<string, Set<string>>();
    for (const name of realFiles.filter((n) => /Eleve_0001|PersRelEleve_000[0-2]|PersEducNat_0001/.test(n))) {
      const shape = aafShape(readFileSync(join(REAL_AAF, name), 'utf8'));
      for (const p of shape.paths) realPaths.add(p);
      for (const [c, names] of shape.attrs) realAttrs.set(c, new Set([...(realAttrs.get(c) ?? []), ...names]));
    }
    expect([...realAttrs.keys()].sort()).toEqual(['Eleve', 'PersEducNat', 'PersRelEleve']);
    const everyRealAttr = new Set([...realAttrs.values()].flatMap((s) => [...s]));
    expect(aaf.map((f) => f.name)).toContain('aaf/ENT_PASSERELLE_Complet_20250901_Eleve_0000.xml');
    expect(aaf.some((f) => f.name.endsWith('_Eleve_0001.xml'))).toBe(true);
    for (const file of aaf) {
      const xml = contentOf(file);
      expect(xml.startsWith('<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>')).toBe(true);
      expect(XMLValidator.validate(xml.replace(/<!DOCTYPE[^>]*>/, ''))).toBe(true);
      const shape = aafShape(xml);
      expect([...shape.paths].sort()).toEqual([...realPaths].sort());
      for (const [category, names] of shape.attrs) {
        // Same attribute names as the real feed's same category, or at most names the feed uses for another category.
        for (const name of names) expect(realAttrs.get(category)!.has(name) || everyRealAttr.has(name), `${category} ${name}`).toBe(true);
        expect([...names].filter((n) => realAttrs.get(category)!.has(n)).length).toBeGreaterThan(names.size - 3);
      }
    }
  });

  it('writes AAF files that lib/directory reads back to the same persons per category, with their links', () => {
    const read = readDirectory(aaf.map(bytesOf));
    expect(read.notRead).toEqual([]);
    expect(perCategory(read.persons)).toEqual(perCategory(g.directory));
    const byId = new Map(read.persons.map((p) => [p.id, p]));
    for (const p of g.directory) {
      const q = byId.get(p.id)!;
      expect([q.category, q.lastName, q.firstName, q.birthDate, q.classes.join()]).toEqual([
        p.category,
        p.lastName,
        p.firstName,
        p.birthDate,
        p.classes.join(),
      ]);
      expect(q.guardians.map((r) => `${r.id}:${r.legal}`).sort()).toEqual(p.guardians.map((r) => `${r.id}:${r.legal}`).sort());
    }
  });

  it('writes a directory CSV that lib/directory reads back, guardians linked to their children by id', () => {
    const file = directoryCsv(g.directory);
    const text = contentOf(file);
    expect(text.split('\r\n')[0]).toMatch(/^\ufeff"Identifiant";"Nom";"Nom de naissance";"Prénom";.*"Profil";"Classe";"Courriel";"Code postal"/);
    const read = readDirectory([utf8('annuaire.csv', text)]);
    expect(read.notRead).toEqual([]);
    expect(perCategory(read.persons)).toEqual(perCategory(g.directory));
    const byId = new Map(read.persons.map((p) => [p.id, p]));
    for (const p of g.directory.filter((x) => x.category === 'guardian')) {
      expect(
        byId
          .get(p.id)!
          .children.map((c) => c.id)
          .sort(),
      ).toEqual(p.children.map((c) => c.id).sort());
    }
  });

  it('writes the partner export that lib/pronote reads back exactly: ids, categories, classes and guardians', () => {
    const read = readPronoteExport([bytesOf(partnerExport(g.pronote))]);
    expect(read.layout).toBeDefined();
    expect(read.notRead).toEqual([]);
    expect(read.exportKind).toBe('all-users');
    expect(perCategory(read.persons)).toEqual(perCategory(g.pronote));
    const byId = new Map(read.persons.map((p) => [p.id, p]));
    for (const p of g.pronote) {
      const q = byId.get(p.id)!;
      expect([q.category, q.idKind, q.lastName, q.firstName, q.birthDate, q.classes.join()]).toEqual([
        p.category,
        p.idKind,
        p.lastName,
        p.firstName,
        p.birthDate,
        p.classes.join(),
      ]);
      expect(q.guardians.map((r) => r.id).sort()).toEqual(p.guardians.map((r) => r.id).sort());
    }
    const partial = readPronoteExport([bytesOf(partnerExport(g.pronote, { kind: 'without-cas-only' }))]);
    expect(partial.exportKind).toBe('without-cas-only');
  });

  it('writes two other layouts that the sniffer reads to the same persons (EDT-like in windows-1252, English)', () => {
    const edt = bytesOf(edtExport(g.pronote));
    // Accented letters as single windows-1252 bytes (é = 0xE9), not UTF-8.
    expect(Buffer.from(edt.bytes).includes(Buffer.from('<TABLE nom="El\u00e8ves">', 'latin1'))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(edt.bytes)).toThrow();
    for (const file of [edt, bytesOf(englishExport(g.pronote))]) {
      const read = readPronoteExport([file]);
      expect(read.sniff).toBeDefined();
      expect(perCategory(read.persons)).toEqual(perCategory(g.pronote));
      const ids = new Set(read.persons.map((p) => p.id));
      expect(g.pronote.filter((p) => !ids.has(p.id))).toEqual([]);
      const names = new Map(read.persons.map((p) => [p.id, p.lastName]));
      expect(g.pronote.filter((p) => names.get(p.id) !== p.lastName && !/[^ -\u00ff]/.test(p.lastName)).map((p) => p.lastName)).toEqual([]);
    }
  });

  it('writes a partial export holding the persons without an ENT account and a few others, links kept inside it', () => {
    const partial = partialExport(g, 21);
    const withoutAccount = g.truth.filter((t) => !t.entId).map((t) => t.pronoteId);
    const kept = new Set(partial.pronote.map((p) => p.id));
    expect(withoutAccount.every((id) => kept.has(id))).toBe(true);
    expect(partial.pronote.length).toBeLessThan(g.pronote.length / 4);
    expect(partial.truth.map((t) => t.pronoteId)).toEqual(partial.pronote.map((p) => p.id));
    const read = readPronoteExport([bytesOf(partnerExport(partial.pronote, { kind: 'without-cas-only' }))]);
    expect(read.exportKind).toBe('without-cas-only');
    expect(read.persons.length).toBe(partial.pronote.length);
    for (const p of read.persons) for (const r of p.guardians) expect(kept.has(r.id)).toBe(true);
  });

  it('writes a truth.csv whose ids exist in the files written', () => {
    const text = contentOf(truthCsv(g.truth));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('category,pronote_id,ent_id');
    expect(lines.length - 1).toBe(g.pronote.length);
    const pronoteIds = new Set(readPronoteExport([bytesOf(partnerExport(g.pronote))]).persons.map((p) => p.id));
    const entIds = new Set(readDirectory(aaf.map(bytesOf)).persons.map((p) => p.id));
    let withAccount = 0;
    for (const line of lines.slice(1)) {
      const [category, pronoteId, entId] = line.split(',');
      expect(['teacher', 'student', 'guardian', 'supervisor', 'inspector', 'staff']).toContain(category);
      expect(pronoteIds.has(pronoteId)).toBe(true);
      if (entId) {
        withAccount++;
        expect(entIds.has(entId)).toBe(true);
      }
    }
    expect(withAccount / (lines.length - 1)).toBeGreaterThan(0.85);
  });
});

describe('from-AAF mode', () => {
  it('draws a Pronote export of the people of the real AAF feed, which keeps its directory unchanged', () => {
    const files = readdirSync(REAL_AAF)
      .filter((n) => n.endsWith('.xml'))
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(REAL_AAF, name))) }));
    const directory = readDirectory(files).persons;
    const a = generate({ seed: 5, fromAaf: directory });
    const b = generate({ seed: 5, fromAaf: directory });
    expect(a.directory).toHaveLength(directory.length);
    expect(a.directory.every((p, i) => p === directory[i])).toBe(true);
    expect(a.truth).toEqual(b.truth);
    const entById = new Map(directory.map((p) => [p.id, p]));
    const pronoteById = new Map(a.pronote.map((p) => [p.id, p]));
    const students = a.truth.filter((t) => t.category === 'student');
    const paired = students.filter((t) => t.entId);
    // 4 % former students left in the ENT only, 3 % new students in Pronote only.
    expect(paired.length / 642).toBeGreaterThan(0.92);
    expect(paired.length / 642).toBeLessThan(0.99);
    expect((students.length - paired.length) / students.length).toBeGreaterThan(0.015);
    for (const t of a.truth) {
      expect(pronoteById.has(t.pronoteId)).toBe(true);
      if (!t.entId) continue;
      const account = entById.get(t.entId)!;
      expect(account).toBeDefined();
      if (t.category === 'supervisor' || t.category === 'inspector') expect(['teacher', 'staff']).toContain(account.category);
      else expect(account.category).toBe(t.category);
      const p = pronoteById.get(t.pronoteId)!;
      // Pronote's names come from the account's (noise aside): the same letters for most.
      if (t.category === 'student') expect(p.birthDate === undefined || p.birthDate.slice(0, 4) === account.birthDate?.slice(0, 4)).toBe(true);
    }
    const same = paired.filter((t) => {
      const p = pronoteById.get(t.pronoteId)!;
      const e = entById.get(t.entId)!;
      return p.lastName.toUpperCase() === e.lastName.toUpperCase() && p.firstName.toUpperCase() === e.firstName.toUpperCase();
    });
    expect(same.length / paired.length).toBeGreaterThan(0.6);
    expect(same.length / paired.length).toBeLessThan(0.95);
    // Guardians link to existing students of the export; those of Pronote's students only.
    for (const p of a.pronote.filter((x) => x.category === 'guardian')) {
      expect(p.children.length).toBeGreaterThan(0);
      for (const c of p.children) expect(pronoteById.get(c.id)?.category).toBe('student');
    }
    const guardians = a.pronote.filter((p: Person) => p.category === 'guardian').length;
    expect(guardians / a.pronote.filter((p) => p.category === 'student').length).toBeGreaterThan(1.2);
    expect(a.pronote.some((p) => p.category === 'supervisor')).toBe(true);
    expect(a.pronote.some((p) => p.category === 'inspector')).toBe(true);
    // The export written from it reads back to the same persons.
    const read = readPronoteExport([bytesOf(partnerExport(a.pronote))]);
    expect(perCategory(read.persons)).toEqual(perCategory(a.pronote));
  });
});
