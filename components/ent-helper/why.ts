/**
 * The reasons of a suggestion (`Suggestion.why` of lib/messages: `status:auto`,
 * `decision:confirmed`, `<field>:<level>` from the matching engine's evidence, lib/matching/types)
 * in words a secretary reads.
 */
import { type Lang, t } from '../i18n';

const KNOWN = new Set([
  'status:auto',
  'status:review',
  'status:unmatched',
  'decision:confirmed',
  'decision:manual',
  'lastName',
  'birthName',
  'firstName',
  'birthDate',
  'class',
  'sex',
  'email',
  'postalCode',
  'children',
  'structure',
  'exact',
  'close',
  'phonetic',
  'swapped',
  'different',
  'missing',
]);

/** Locale key of a word, e.g. `status:auto` → `entWhy_status_auto`; undefined when unknown. */
function key(word: string): string | undefined {
  return KNOWN.has(word) ? `entWhy_${word.replace(':', '_')}` : undefined;
}

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
