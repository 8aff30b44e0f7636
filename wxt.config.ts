import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/permissions';
import { contentScriptBrowser } from './scripts/build/content-script-browser';
import { contentScriptStrings } from './scripts/build/content-script-strings';

// The manifest is the product's promise of least privilege (PRODUCT.md, "Quality bars"):
// named hosts only, never every URL, no remote code.
export default defineConfig({
  // Several builds can run side by side (tests, benchmarks) when each names its own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Content scripts carry only the UI strings they name, without the polyfill (issue 18: at most 60 kB each).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script')) config.plugins = [...(config.plugins ?? []), contentScriptStrings(), contentScriptBrowser()];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions:
      browser === 'firefox'
        ? ['storage', 'unlimitedStorage', 'activeTab', 'scripting']
        : ['storage', 'unlimitedStorage', 'sidePanel', 'activeTab', 'scripting'],
    host_permissions: [...HOST_PERMISSIONS],
    // Self-hosted Pronote servers: asked one origin at a time, when the user acts.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Chosen once and for good: the store ties every update to this id.
              id: '{398e9b4e-57d4-4e75-ab6d-bf5b3edf5af2}',
              // `data_collection_permissions` is read from Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              // Personal data never leaves the machine (PRODUCT.md).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // `sidePanel.setPanelBehavior` needs Chrome 116.
        { minimum_chrome_version: '116' }),
  }),
});
