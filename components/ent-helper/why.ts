/**
 * The reasons of a suggestion (`Suggestion.why` of lib/messages: `status:auto`,
 * `decision:confirmed`, `<field>:<level>` from the matching engine's evidence, lib/matching/types)
 * in words a secretary reads.
 */
import { type Lang, type MessageKey, t } from '../i18n';

/** The message of each word a reason may hold, e.g. `status:auto` → `entWhy_status_auto`. */
const WORD_KEY = new Map<string, MessageKey>([
  ['status:auto', 'entWhy_status_auto'],
  ['status:review', 'entWhy_status_review'],
  ['status:unmatched', 'entWhy_status_unmatched'],
  ['decision:confirmed', 'entWhy_decision_confirmed'],
  ['decision:manual', 'entWhy_decision_manual'],
  ['lastName', 'entWhy_lastName'],
  ['birthName', 'entWhy_birthName'],
  ['firstName', 'entWhy_firstName'],
  ['birthDate', 'entWhy_birthDate'],
  ['class', 'entWhy_class'],
  ['sex', 'entWhy_sex'],
  ['email', 'entWhy_email'],
  ['postalCode', 'entWhy_postalCode'],
  ['children', 'entWhy_children'],
  ['structure', 'entWhy_structure'],
  ['exact', 'entWhy_exact'],
  ['close', 'entWhy_close'],
  ['phonetic', 'entWhy_phonetic'],
  ['swapped', 'entWhy_swapped'],
  ['different', 'entWhy_different'],
  ['missing', 'entWhy_missing'],
]);

/** One reason in words; an unknown one is shown as sent. */
export function whyText(reason: string, lang: Lang): string {
  const whole = WORD_KEY.get(reason);
  if (whole) return t(whole, [], lang);
  const [field, level] = reason.split(':');
  const f = WORD_KEY.get(field);
  const l = level !== undefined ? WORD_KEY.get(level) : undefined;
  if (f && l) return `${t(f, [], lang)} ${t(l, [], lang)}`;
  return reason;
}
