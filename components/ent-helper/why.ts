/**
 * The reasons of a suggestion (`Suggestion.why` of lib/messages: `status:auto`,
 * `decision:confirmed`, `<field>:<level>` from the matching engine's evidence, lib/matching/types)
 * in words a secretary reads.
 */
import { type Lang, t } from '../i18n';

// Written out, not built from the word: the content scripts keep only the locale keys their code
// names (scripts/build/content-script-strings.ts).
const KEYS: Readonly<Record<string, string>> = {
  'status:auto': 'entWhy_status_auto',
  'status:review': 'entWhy_status_review',
  'status:unmatched': 'entWhy_status_unmatched',
  'decision:confirmed': 'entWhy_decision_confirmed',
  'decision:manual': 'entWhy_decision_manual',
  lastName: 'entWhy_lastName',
  birthName: 'entWhy_birthName',
  firstName: 'entWhy_firstName',
  birthDate: 'entWhy_birthDate',
  class: 'entWhy_class',
  sex: 'entWhy_sex',
  email: 'entWhy_email',
  postalCode: 'entWhy_postalCode',
  children: 'entWhy_children',
  structure: 'entWhy_structure',
  exact: 'entWhy_exact',
  close: 'entWhy_close',
  phonetic: 'entWhy_phonetic',
  swapped: 'entWhy_swapped',
  different: 'entWhy_different',
  missing: 'entWhy_missing',
};

/** Locale key of a word, e.g. `status:auto` → `entWhy_status_auto`; undefined when unknown. */
const key = (word: string): string | undefined => (Object.hasOwn(KEYS, word) ? KEYS[word] : undefined);

/** One reason in words; an unknown one is shown as sent. */
export function whyText(reason: string, lang: Lang): string {
  const whole = key(reason);
  if (whole) return t(whole, [], lang);
  const [field, level] = reason.split(':');
  const f = key(field);
  const l = level !== undefined ? key(level) : undefined;
  if (f && l) return `${t(f, [], lang)} ${t(l, [], lang)}`;
  return reason;
}
