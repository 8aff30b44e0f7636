/**
 * The known failure a hosted Pronote page shows (the CAS error page, "Identification
 * impossible"…), judged in the background on the text the content script read
 * (`readPageText` of `page.ts`), and its explanation as plain data in one language: the content
 * script shows it with DOM calls and carries neither the knowledge base nor the catalogue's
 * project names (issue 18: each content script at most 60 kB).
 */
import { projectForCasUrl } from '../catalogue';
import type { Localized } from '../core/localized';
import { type FailureId, knownFailure } from './known-failures';
import { type RecognitionResult, recogniseText } from './recognise';
import { readPageText } from './page';

/**
 * The failures that Pronote (or its web server) itself displays. The others of the knowledge base
 * are described by people (a missing menu, an import count) and would only give false alarms on
 * an ordinary page that mentions `?login=true` or "établissement".
 */
export const PAGE_FAILURES: ReadonlySet<FailureId> = new Set<FailureId>([
  'idpronote-missing',
  'identification-impossible',
  'cas-service-not-allowed',
  'pronote-not-published',
  'duplicate-pronote-account',
]);

export interface PageDiagnosis {
  id: FailureId;
  recognition: RecognitionResult;
}

/** The known failure that a page's text shows (`PAGE_FAILURES` only, the most likely first), or `undefined`. */
export function diagnosePageText(text: string): PageDiagnosis | undefined {
  const recognition = recogniseText(text);
  const first = recognition.matches.find((m) => PAGE_FAILURES.has(m.id));
  return first ? { id: first.id, recognition } : undefined;
}

/** The known failure that `doc` displays (its title and body text), or `undefined`. */
export function diagnosePage(doc: Document): PageDiagnosis | undefined {
  const text = readPageText(doc);
  return text === undefined ? undefined : diagnosePageText(text);
}

/**
 * One known failure explained for a page, every text already in the page's language: what the
 * content script shows in its closed root, as text (never markup).
 */
export interface PageExplanation {
  id: FailureId;
  title: string;
  /** What people see. */
  symptom: string;
  /** From the most to the least likely. */
  causes: string[];
  /** The admin's steps, in order. */
  fix: string[];
  /** The support person's steps; empty when the entry has none. */
  supportFix: string[];
  /** Where the explanation comes from, as school staff can find it (`shownSource`). */
  source: string;
  /** The CAS server the page's message names, as written there. */
  casUrl?: string;
  /** The catalogue's name of that server's ENT project; absent when the host is not in the catalogue. */
  casProject?: string;
}

/**
 * The explanation, in `lang`, of the known failure that a hosted Pronote page's text shows
 * (`diagnosePageText`), with the CAS server its message names; `undefined` when the text shows
 * none of `PAGE_FAILURES`.
 */
export function explainPageText(text: string, lang: keyof Localized): PageExplanation | undefined {
  const diagnosis = diagnosePageText(text);
  return diagnosis ? explainFailure(diagnosis.id, lang, diagnosis.recognition.casUrl) : undefined;
}

/**
 * The known failure `id` explained in `lang`, with `casUrl` (the CAS server a message names) and
 * that server's ENT project from the catalogue. Throws `Error` for an unknown id (`knownFailure`).
 */
export function explainFailure(id: FailureId, lang: keyof Localized, casUrl?: string): PageExplanation {
  const failure = knownFailure(id);
  const project = casUrl ? projectForCasUrl(casUrl) : undefined;
  const inLang = (items: readonly Localized[] | undefined) => (items ?? []).map((item) => item[lang]);
  return {
    id: failure.id,
    title: failure.title[lang],
    symptom: failure.symptom[lang],
    causes: inLang(failure.causes),
    fix: inLang(failure.fix),
    supportFix: inLang(failure.supportFix),
    source: failure.shownSource[lang],
    ...(casUrl ? { casUrl } : {}),
    ...(project ? { casProject: project.name } : {}),
  };
}
