import { describe, expect, it } from 'vitest';
import { currentProgress, rentreeSteps, rentreeStorageKey, schoolYear, toggleStep } from '../../../lib/diagnose/rentree';

describe('rentreeSteps (seed §5 FAQ)', () => {
  it('new school year, same version: full export with the option unchecked, then "complet" import', () => {
    const steps = rentreeSteps({ newSchoolYear: true, newPronoteVersion: false });
    expect(steps.map((s) => s.id)).toEqual(['export-all', 'import-complet', 'six-steps']);
    expect(steps[0].exportOption).toBe('unchecked');
    expect(steps[1].importMode).toBe('complet');
    expect(steps[0].text.fr).toContain('Uniquement les utilisateurs sans identifiants CAS');
  });

  it('new school year and new version: the bloc Pronote version comes first', () => {
    const steps = rentreeSteps({ newSchoolYear: true, newPronoteVersion: true });
    expect(steps.map((s) => s.id)).toEqual(['bloc-version', 'export-all', 'import-complet', 'six-steps']);
    expect(steps[0].text.fr).toMatch(/bloc Pronote/);
  });

  it('during the year: option checked and "partiel" import; a new version still updates the bloc', () => {
    expect(rentreeSteps({ newSchoolYear: false, newPronoteVersion: false }).map((s) => [s.id, s.exportOption ?? s.importMode])).toEqual([
      ['export-new-only', 'checked'],
      ['import-partiel', 'partiel'],
      ['six-steps', undefined],
    ]);
    expect(rentreeSteps({ newSchoolYear: false, newPronoteVersion: true })[0].id).toBe('bloc-version');
  });
});

describe('rentree step sources shown to staff', () => {
  it('name the integration guide section in both languages, without developer references', () => {
    const all = [true, false].flatMap((newSchoolYear) => [true, false].flatMap((newPronoteVersion) => rentreeSteps({ newSchoolYear, newPronoteVersion })));
    expect(all.length).toBeGreaterThan(0);
    for (const step of all) {
      expect(step.shownSource.fr, step.id).toMatch(/^Guide d’intégration Pronote\.net ⇄ ENT, § \d/);
      expect(step.shownSource.en, step.id).toMatch(/^Pronote\.net ⇄ ENT integration guide, § \d/);
      expect(`${step.shownSource.fr} ${step.shownSource.en}`, step.id).not.toMatch(/seed|DOMAIN/i);
    }
  });
});

describe('checklist progress', () => {
  it('school years start on 1 August', () => {
    expect(schoolYear(new Date(2026, 7, 1))).toBe('2026-2027');
    expect(schoolYear(new Date(2026, 6, 31))).toBe('2025-2026');
    expect(schoolYear(new Date(2027, 0, 15))).toBe('2026-2027');
  });

  it('ticks and unticks, and keeps ticks of the same year only', () => {
    let p = currentProgress(undefined, '2026-2027');
    expect(p.done).toEqual([]);
    p = toggleStep(toggleStep(p, 'export-all'), 'import-complet');
    expect(p.done).toEqual(['export-all', 'import-complet']);
    p = toggleStep(p, 'export-all');
    expect(p.done).toEqual(['import-complet']);
    const stored = JSON.parse(JSON.stringify(p));
    expect(currentProgress(stored, '2026-2027')).toEqual(p);
    expect(currentProgress(stored, '2027-2028').done).toEqual([]);
  });

  it('drops ticks of steps that the answers no longer include, and ignores garbage', () => {
    const p = { schoolYear: '2026-2027', answers: { newSchoolYear: false, newPronoteVersion: false }, done: ['export-all', 'import-partiel', 7] };
    expect(currentProgress(p, '2026-2027').done).toEqual(['import-partiel']);
    expect(currentProgress('x', '2026-2027').answers).toEqual({ newSchoolYear: true, newPronoteVersion: false });
  });

  it('keys the storage by UAI in upper case', () => {
    expect(rentreeStorageKey('0310047h')).toBe('diagnose.rentree.0310047H');
  });
});
