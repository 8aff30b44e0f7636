/**
 * UI strings, read from `public/_locales/{fr,en}/messages.json` (the same files the manifest uses),
 * so every visible string lives in one place per language. French unless the browser is in English.
 */
import { formatNumber as formatNumberIn } from '../lib/core/format';
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';

/** A message's name: a key of the French catalogue, so that a misspelt or missing key fails the type-check. */
export type MessageKey = keyof typeof fr;
type Catalogue = Record<MessageKey, { message: string }>;
export type Lang = 'fr' | 'en';

/** The UI language: `en` when the browser's language starts with `en`, else `fr`. */
export function uiLang(language: string | undefined = globalThis.navigator?.language): Lang {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

const catalogues: Record<Lang, Catalogue> = { fr, en };

/**
 * The string for `key` in `lang`, `$1`…`$9` replaced by `subs`. Keys are typed, and both catalogues
 * have every key (the type of `catalogues`), so there is no missing message to fall back from.
 */
export function t(key: MessageKey, subs: (string | number)[] = [], lang: Lang = uiLang()): string {
  return catalogues[lang][key].message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** French number formatting for the UI (PRODUCT.md: "numbers with French formatting"). */
export function formatNumber(n: number, lang: Lang = uiLang()): string {
  return formatNumberIn(n, lang);
}
