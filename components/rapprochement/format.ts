/** Small display helpers of the workbench (French formats first: PRODUCT.md, "How it feels"). */
import type { Localized } from '../../lib/core/localized';
import type { Level } from '../../lib/matching/types';
import type { Category } from '../../lib/core/person';
import type { PersonView } from '../../lib/store/schema';
import { formatDate as formatDateIn, formatDateTime as formatDateTimeIn, isSingular } from '../../lib/core/format';
import { formatNumber, type MessageKey, t, uiLang } from '../i18n';
import { CATEGORY_KEY, LAYOUT_KEY, LEVEL_KEY, STAGE_KEY } from './message-keys';

/** `yyyy-mm-dd` → `dd/mm/yyyy` in the UI language (`lib/core/format.ts`); other values unchanged; empty when undefined. */
export function formatDate(iso: string | undefined): string {
  return formatDateIn(iso, uiLang());
}

/** An ISO date-time as `dd/mm/yyyy hh:mm` (local time), through `Intl`. */
export function formatDateTime(iso: string | undefined): string {
  return formatDateTimeIn(iso, uiLang());
}

/** The user's language's text of a reader's message. */
export function localized(message: Localized): string {
  return uiLang() === 'en' ? message.en : message.fr;
}

/** Category label, plural ("Enseignants"). */
export function categoryLabel(category: Category): string {
  return t(CATEGORY_KEY[category]);
}

/** One line about a person: "NOM Prénom · 3A · 03/04/2012". */
export function personLine(p: PersonView): string {
  return [[p.lastName, p.firstName].filter(Boolean).join(' ') || p.id, p.classes.join(', '), formatDate(p.birthDate)].filter(Boolean).join(' · ');
}

/** A message that has a singular form, the message `${key}_one`. */
export type CountKey = { [K in MessageKey]: `${K}_one` extends MessageKey ? K : never }[MessageKey];

/**
 * A count message with its singular form: key `${key}_one` when `n` takes the singular
 * (`Intl.PluralRules`: French 0 and 1; English 1), else `key`; `$1` is `n` formatted.
 */
export function tCount(key: CountKey, n: number, lang: 'fr' | 'en' = uiLang()): string {
  const one = isSingular(n, lang);
  return t(one ? `${key}_one` : key, [formatNumber(n, lang)], lang);
}

/** `value`'s message in `keys` when it names one (an own property), else undefined. */
function keyOf<V extends string>(keys: Record<V, MessageKey>, value: string): MessageKey | undefined {
  return Object.hasOwn(keys, value) ? keys[value as V] : undefined;
}

/** The Pronote layout a reader named, as a French (or English) label; unknown names shown as is. */
export function layoutLabel(layout: string): string {
  const key = keyOf(LAYOUT_KEY, layout);
  return key ? t(key) : layout;
}

/** The engine's progress stage in words; an unknown stage shown as sent. */
export function stageLabel(stage: string): string {
  const key = keyOf(STAGE_KEY, stage);
  return key ? t(key) : stage;
}

/** `n` percent with a narrow no-break space, so "100 %" never breaks at the panel's edge. */
export function formatPercent(n: number): string {
  return `${formatNumber(n)}\u202f%`;
}

/** A comparison level in words ("identique", "proche"…). */
export function levelLabel(level: Level): string {
  return t(LEVEL_KEY[level]);
}

/** The school year at a date: from August on, `yyyy-(yyyy+1)`. */
export function schoolYearAt(date: Date): string {
  const y = date.getFullYear();
  return date.getMonth() >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** Triggers the download of `text` as a file (an object URL, revoked after use). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
