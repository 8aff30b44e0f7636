/**
 * Numbers, dates and plurals for people, in French or English, through `Intl` rather than by
 * hand, so that separators, digit grouping (U+202F in French) and plural rules are the language's
 * own (issue 18, point 3). Imports nothing of `lib/` (the house rule of `lib/core`).
 */

/** The two languages of the UI and the report. */
export type FormatLang = 'fr' | 'en';

/** British English for `en`: day before month, as the French reader of an English screen expects. */
const LOCALE: Record<FormatLang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** `n` with the language's digit grouping and decimal sign: `1 447` / `1,447`, `0,5` / `0.5`. */
export function formatNumber(n: number, lang: FormatLang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n);
}

/**
 * A calendar date `yyyy-mm-dd` as `dd/mm/yyyy` (both languages write it so); a value that is not
 * such a date is returned as is, an absent one as `''`. The date is read in UTC so that no time
 * zone moves it to the day before.
 */
export function formatDate(iso: string | undefined, lang: FormatLang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * A moment as `dd/mm/yyyy hh:mm` in `timeZone` (the machine's when not given); an unreadable
 * value is returned as is, an absent one as `''`.
 */
export function formatDateTime(when: string | Date | undefined, lang: FormatLang, timeZone?: string): string {
  if (!when) return '';
  const d = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(d.getTime())) return String(when);
  const parts = new Intl.DateTimeFormat(LOCALE[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Put together by hand from the parts: Intl writes "04/12/2026 03:18" in French but
  // "04/12/2026, 03:18" in British English, and the panel wants one shape.
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** Whether `n` takes the singular in `lang`: French 0 and 1 ("0 décision"), English only 1. */
export function isSingular(n: number, lang: FormatLang): boolean {
  return new Intl.PluralRules(LOCALE[lang]).select(n) === 'one';
}

/** `n` formatted, then the form of the word that fits it: `plural(3, 'fr', 'décision', 'décisions')`. */
export function plural(n: number, lang: FormatLang, one: string, other: string): string {
  return `${formatNumber(n, lang)} ${isSingular(n, lang) ? one : other}`;
}
