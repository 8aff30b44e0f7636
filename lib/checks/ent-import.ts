/**
 * The import-mode rule of *Importer les identifiants Pronote* (PRODUCT.md §2). Seed section 2:
 * the first file of the year is exported with « Uniquement les utilisateurs sans identifiants CAS »
 * unchecked (all users) and imported in mode « complet » at the start of the school year; the
 * following exports keep the option checked and are imported in mode « partiel ». Seed FAQ (both
 * rentrée questions): at the rentrée, export with the option unchecked and import « complet ».
 * Pure: the date is a parameter.
 */
import type { ImportMode } from '../pages/ent-import';
import type { Localized } from '../core/localized';
import type { ExportKind } from '../core/person';
import type { Finding } from './finding';

/**
 * True when `date` falls at the start of the French school year: from 1 August to 30 September
 * (local time). The rentrée is early September; the window is ours (the seed says only "en début
 * d'année scolaire") and covers the weeks when schools redo the full import.
 */
export function isStartOfSchoolYear(date: Date): boolean {
  const month = date.getMonth();
  return month === 7 || month === 8;
}

export interface ImportModeInput {
  /** The mode chosen on the ENT's screen; nothing is said when unknown. */
  mode?: ImportMode;
  /** The kind of the loaded Pronote export (`lib/person` ExportKind), when known. */
  fileKind?: ExportKind;
  /** Today. */
  date: Date;
}

const EXPECTED: Partial<Record<ExportKind, ImportMode>> = { 'all-users': 'complet', 'without-cas-only': 'partiel' };

/**
 * `import-mode-mismatch` (warning), at most one finding: the mode does not fit the file (all
 * users → complet; only users without CAS identifiers → partiel), or it is « partiel » at the start
 * of the school year (→ complet with a file of all users). Field `mode`.
 */
export function checkImportMode({ mode, fileKind, date }: ImportModeInput): Finding[] {
  if (!mode) return [];
  const expected = fileKind ? EXPECTED[fileKind] : undefined;
  const rentree = isStartOfSchoolYear(date);
  const reasons: Localized[] = [];
  if (rentree && fileKind === 'without-cas-only') {
    reasons.push({
      fr: 'le fichier chargé ne contient que les utilisateurs sans identifiants CAS, alors qu’en début d’année scolaire le guide demande un export de tous les utilisateurs',
      en: 'the loaded file holds only the users without CAS identifiers, while at the start of the school year the guide asks for an export of all users',
    });
  } else if (expected && expected !== mode) {
    reasons.push(
      fileKind === 'all-users'
        ? {
            fr: 'le fichier chargé contient tous les utilisateurs (option «\u202fUniquement les utilisateurs sans identifiants CAS\u202f» décochée), qui s’importe en mode «\u202fcomplet\u202f»',
            en: 'the loaded file holds all users (option “Uniquement les utilisateurs sans identifiants CAS” unchecked), which is imported in “complet” mode',
          }
        : {
            fr: 'le fichier chargé ne contient que les utilisateurs sans identifiants CAS, qui s’importe en mode «\u202fpartiel\u202f»',
            en: 'the loaded file holds only the users without CAS identifiers, which is imported in “partiel” mode',
          },
    );
  }
  if (rentree && mode === 'partiel') {
    reasons.push({
      fr: 'en début d’année scolaire, le guide demande un import en mode «\u202fcomplet\u202f»',
      en: 'at the start of the school year, the guide asks for an import in “complet” mode',
    });
  }
  if (!reasons.length) return [];
  const wanted: ImportMode = rentree ? 'complet' : (expected ?? mode);
  const fileAdvice =
    wanted === 'complet' && fileKind !== 'all-users'
      ? {
          fr: ' avec un fichier exporté en laissant décochée l’option «\u202fUniquement les utilisateurs sans identifiants CAS\u202f»',
          en: ' with a file exported with the option “Uniquement les utilisateurs sans identifiants CAS” left unchecked',
        }
      : { fr: '', en: '' };
  const fix =
    wanted === mode
      ? { fr: `Gardez le mode «\u202f${mode}\u202f»${fileAdvice.fr}.`, en: `Keep the “${mode}” mode${fileAdvice.en}.` }
      : { fr: `Choisissez le mode «\u202f${wanted}\u202f»${fileAdvice.fr}.`, en: `Choose the “${wanted}” mode${fileAdvice.en}.` };
  return [
    {
      id: 'import-mode-mismatch',
      severity: 'warning',
      field: 'mode',
      message: {
        fr: `Mode «\u202f${mode}\u202f» choisi, mais ${reasons.map((r) => r.fr).join(' ; et ')}.`,
        en: `Mode “${mode}” chosen, but ${reasons.map((r) => r.en).join('; and ')}.`,
      },
      fix,
    },
  ];
}
