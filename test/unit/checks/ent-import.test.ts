import { describe, expect, it } from 'vitest';
import { checkImportMode, isStartOfSchoolYear } from '../../../lib/checks/ent-import';

const RENTREE = new Date(2026, 8, 7); // 7 September 2026
const WINTER = new Date(2027, 0, 12); // 12 January 2027

describe('isStartOfSchoolYear', () => {
  it('covers August and September only', () => {
    expect(isStartOfSchoolYear(new Date(2026, 7, 1))).toBe(true);
    expect(isStartOfSchoolYear(RENTREE)).toBe(true);
    expect(isStartOfSchoolYear(new Date(2026, 8, 30, 23, 59))).toBe(true);
    expect(isStartOfSchoolYear(new Date(2026, 9, 1))).toBe(false);
    expect(isStartOfSchoolYear(new Date(2026, 6, 31))).toBe(false);
    expect(isStartOfSchoolYear(WINTER)).toBe(false);
  });
});

describe('import-mode-mismatch', () => {
  it('accepts the pairs of the guide during the year', () => {
    expect(checkImportMode({ mode: 'complet', fileKind: 'all-users', date: WINTER })).toEqual([]);
    expect(checkImportMode({ mode: 'partiel', fileKind: 'without-cas-only', date: WINTER })).toEqual([]);
    expect(checkImportMode({ mode: 'partiel', fileKind: 'unknown', date: WINTER })).toEqual([]);
    expect(checkImportMode({ mode: 'partiel', date: WINTER })).toEqual([]);
  });
  it('accepts complet with a file of all users at the rentrée', () => {
    expect(checkImportMode({ mode: 'complet', fileKind: 'all-users', date: RENTREE })).toEqual([]);
    expect(checkImportMode({ mode: 'complet', date: RENTREE })).toEqual([]);
  });
  it('warns on partiel with a file of all users', () => {
    const [f] = checkImportMode({ mode: 'partiel', fileKind: 'all-users', date: WINTER });
    expect([f.id, f.severity, f.field]).toEqual(['import-mode-mismatch', 'warning', 'mode']);
    expect(f.message.fr).toContain('tous les utilisateurs');
    expect(f.fix.fr).toBe('Choisissez le mode «\u202fcomplet\u202f».');
  });
  it('warns on complet with a file of users without CAS identifiers during the year', () => {
    const [f] = checkImportMode({ mode: 'complet', fileKind: 'without-cas-only', date: WINTER });
    expect(f.fix.en).toBe('Choose the “partiel” mode.');
  });
  it('warns on partiel at the start of the school year, whatever the file, asking for a full export', () => {
    const [unknown] = checkImportMode({ mode: 'partiel', date: RENTREE });
    expect(unknown.message.fr).toContain('début d’année scolaire');
    expect(unknown.fix.fr).toMatch(/^Choisissez le mode «\u202fcomplet\u202f» avec un fichier exporté en laissant décochée/);
    const [both] = checkImportMode({ mode: 'partiel', fileKind: 'without-cas-only', date: RENTREE });
    expect(both.message.fr).toContain(' ; et ');
    expect(checkImportMode({ mode: 'partiel', fileKind: 'without-cas-only', date: RENTREE })).toHaveLength(1);
  });
  it('at the rentrée, complet with a partial file asks for a new export, not another mode', () => {
    const [f] = checkImportMode({ mode: 'complet', fileKind: 'without-cas-only', date: RENTREE });
    expect(f.fix.fr).toMatch(/^Gardez le mode «\u202fcomplet\u202f» avec un fichier exporté/);
  });
  it('is silent when the screen shows no mode', () => {
    expect(checkImportMode({ fileKind: 'all-users', date: RENTREE })).toEqual([]);
  });
});
