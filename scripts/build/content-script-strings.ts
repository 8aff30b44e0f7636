/**
 * Vite plugin for the content-script builds only (issue 18: each content script at most 60 kB):
 * `components/i18n.ts` imports both whole message catalogues, about 60 kB of which a page's script
 * uses a few dozen keys. The catalogue modules become placeholders, and once the chunk is known
 * each is replaced by the entries whose key appears as a string literal in the chunk's own code
 * (the UI keys are literals: `t('findingsCopy')`, maps of keys; a key built at run time would be left
 * out and shown as the key itself, so none is). Both languages stay, so `uiLang`
 * and `t(key, subs, lang)` behave as in the side panel; nothing is fetched, nothing is exposed to the page.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const CATALOGUE = /[\\/]public[\\/]_locales[\\/](\w+)[\\/]messages\.json$/;
const VIRTUAL = '\0passerelle-strings:';
const placeholder = (lang: string) => `__PASSERELLE_STRINGS_${lang}__`;

type Catalogue = Record<string, { message: string }>;

/** The catalogue reduced to the keys that `code` names as string literals. */
export function usedEntries(catalogue: Catalogue, code: string): Catalogue {
  const literals = new Set([...code.matchAll(/["'`]([A-Za-z][A-Za-z0-9_]*)["'`]/g)].map((m) => m[1]));
  return Object.fromEntries(
    Object.entries(catalogue)
      .filter(([key]) => literals.has(key))
      .map(([key, { message }]) => [key, { message }]),
  );
}

/** The plugin: catalogues as placeholders while bundling, the used entries written in at render. */
export function contentScriptStrings(): Plugin {
  const files = new Map<string, string>();
  return {
    name: 'passerelle:content-script-strings',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('messages.json')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const lang = resolved?.id.match(CATALOGUE)?.[1];
      if (!resolved || !lang) return null;
      files.set(lang, resolved.id);
      return VIRTUAL + lang;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      return `export default ${placeholder(id.slice(VIRTUAL.length))};`;
    },
    renderChunk(code) {
      let out = code;
      for (const [lang, file] of files) {
        const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
        out = out.split(placeholder(lang)).join(`(${JSON.stringify(usedEntries(catalogue, code))})`);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
