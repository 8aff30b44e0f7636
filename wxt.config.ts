import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/permissions';

// The manifest is the product's promise of least privilege (PRODUCT.md, "Quality bars"):
// named hosts only, never every URL, no remote code.
export default defineConfig({
  // Several builds can run side by side (tests, benchmarks) when each names its own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: {
              id: 'passerelle@passerelle.example',
              strict_min_version: '115.0',
              // Personal data never leaves the machine (PRODUCT.md).
              data_collection_permissions: { required: ['none'] },
            }, } }
      : {}),
  }),
});
