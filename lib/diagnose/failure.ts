/**
 * The shape of a known failure of the knowledge base (known-failures.ts, field-failures.ts): its
 * stable id, the patterns that recognise it in pasted text, its causes and fixes with sources.
 */
import type { Localized } from '../core/localized';

/** Every failure of the knowledge base, by its stable id (the data files are checked against it). */
export const FAILURE_IDS = [
  'idpronote-missing',
  'identification-impossible',
  'cas-service-not-allowed',
  'pronote-not-published',
  'duplicate-pronote-account',
  'direct-url-changed',
  'export-menu-missing',
  'guardians-unrecognised',
  'school-choice-page',
  'pronote-page-unavailable',
  'pronote-access-denied',
  'pronote-session-expired',
  'too-many-attempts',
  'ent-ok-no-pronote-access',
  'ent-credentials-refused',
  'trusted-device-pin',
  'self-hosted-no-cas',
  'tls-incomplete-chain',
  'not-direct-pronote-url',
] as const;

export type FailureId = (typeof FAILURE_IDS)[number];

/**
 * A pattern on folded text (see `foldProse` in `lib/core/fold.ts`): lower case, no accents, plain quotes, one space.
 * `weight` 1 is enough on its own to name the failure; smaller weights add up. An elided vowel is
 * written `[' ]?`: copies lose apostrophes ("n a ete renvoye", "lauthentification").
 */
export interface Signal {
  pattern: RegExp;
  weight: number;
}

export interface KnownFailure {
  id: FailureId;
  title: Localized;
  /** What the person sees, in their words: how support staff recognise it. */
  symptom: Localized;
  /** Patterns of pasted text (folded). */
  signals: Signal[];
  /** From the most to the least likely. */
  causes: Localized[];
  /** Steps of the fix, in order: for the admin (of Pronote.net, of the ENT). */
  fix: Localized[];
  /** What the support person does or says, in order, when it differs from the admin's fix. */
  supportFix?: Localized[];
  /** Pronote's own numbered errors this entry explains (`21 | Impossible d'afficher la page`). */
  pronoteErrors?: { number: number; text: string }[];
  /** The public reports the entry is drawn from (repository `owner/name` and issue number). */
  reports?: { repository: string; issue: number }[];
  /** Where the facts come from, for developers (seed sections, DOMAIN.md items, issues). */
  source: string;
  /** The same sources as school staff can read and find them (readable-source.ts). */
  shownSource: Localized;
}
