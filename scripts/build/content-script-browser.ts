/**
 * Vite plugin for the content-script builds only (issue 18: each content script at most 60 kB):
 * `browser` is the browser's own object there instead of webextension-polyfill (9 kB in each script).
 * The content scripts only send messages (components/runtime.ts), which Chrome 116+ and Firefox
 * answer with promises natively; the extension pages and the background keep the polyfill.
 */
import type { Plugin } from 'vite';

const POLYFILLED = '@wxt-dev/webextension-polyfill/browser';

/** The plugin: the polyfill's `wxt/browser` alias resolved to WXT's plain `@wxt-dev/browser`. */
export function contentScriptBrowser(): Plugin {
  return {
    name: 'passerelle:content-script-browser',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source !== POLYFILLED) return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}
