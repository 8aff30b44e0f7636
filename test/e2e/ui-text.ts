/**
 * The side panel's strings as the tests and the store screenshots look for them: read from
 * `public/_locales/{fr,en}/messages.json`, the catalogues the UI shows (`components/i18n.ts`).
 * Read from disk rather than imported because Playwright's loader refuses a JSON import without an
 * import attribute; keys are typed against the French catalogue all the same.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang, MessageKey } from '../../components/i18n';

const catalogues = new Map<Lang, Record<string, { message: string }>>();

/** The string for `key` in `lang`, `$1`…`$9` replaced by `subs`, as `t` of `components/i18n.ts` gives it. */
export function uiText(key: MessageKey, subs: (string | number)[] = [], lang: Lang = 'fr'): string {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    catalogues.set(lang, catalogue);
  }
  const entry = catalogue[key];
  if (!entry) throw new Error(`No message "${key}" in the ${lang} catalogue.`);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}
