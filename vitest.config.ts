import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest does not load the Vite plugins of wxt.config.ts (TOOLING.md): preact is added here too.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // virtua imports `react`: processed by Vite so that preact's react → preact/compat alias applies.
    server: { deps: { inline: ['virtua'] } },
  },
});
