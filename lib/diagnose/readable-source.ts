/**
 * Sources as school staff read them, in French and English. The developers' references (seed
 * sections, DOMAIN.md items, issue trackers) stay in each entry's `source` field; these name the
 * documents a secretary or an ENT administrator can find: the integration guide
 * (/work/shared/seeds, "Guide d'intégration Pronote.net ⇄ ENT", sections 1–5) and Index Éducation's
 * support sheets.
 */
import type { Localized } from '../core/localized';

const GUIDE_SECTIONS: Record<1 | 2 | 3 | 4 | 5, Localized> = {
  1: { fr: 'paramétrer le serveur Pronote.net', en: 'setting up the Pronote.net server' },
  2: { fr: 'exporter les identifiants Pronote', en: 'exporting the Pronote identifiers' },
  3: { fr: 'paramétrer le service dans l’ENT', en: 'setting up the service in the ENT' },
  4: { fr: 'importer les identifiants dans l’ENT', en: 'importing the identifiers into the ENT' },
  5: { fr: 'questions fréquentes', en: 'frequently asked questions' },
};

/** « Guide d'intégration Pronote.net ⇄ ENT, § 5 (questions fréquentes) » for `guide(5)`. */
export function guide(section: 1 | 2 | 3 | 4 | 5): Localized {
  const title = GUIDE_SECTIONS[section];
  return {
    fr: `Guide d’intégration Pronote.net ⇄ ENT, § ${section} (${title.fr})`,
    en: `Pronote.net ⇄ ENT integration guide, § ${section} (${title.en})`,
  };
}

/** « Fiche d'assistance Index Éducation 1523 » for `supportSheet(1523)`. */
export function supportSheet(id: number): Localized {
  return { fr: `Fiche d’assistance Index Éducation ${id}`, en: `Index Éducation support sheet ${id}` };
}

export const ATRIUM_HELP: Localized = { fr: 'Aide de l’ENT Atrium Sud', en: 'Atrium Sud ENT help' };
export const PRONOTE_GUIDE_2019: Localized = {
  fr: 'Index Éducation, Guide pratique PRONOTE 2019, p. 131',
  en: 'Index Éducation, PRONOTE 2019 practical guide, p. 131',
};
export const FIELD_REPORTS: Localized = {
  fr: 'Signalements d’utilisateurs de Pronote',
  en: 'Reports from Pronote users',
};

/** Several sources, joined as a reader expects in each language. */
export function sources(...parts: Localized[]): Localized {
  return { fr: parts.map((p) => p.fr).join(' ; '), en: parts.map((p) => p.en).join('; ') };
}
