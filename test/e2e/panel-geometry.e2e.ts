/**
 * The side panel from 320 to 600 px (issue 18 point 6), measured on every screen at 360×640 and
 * 600×900: no button, table header, summary, tab or heading whose text overflows or breaks inside a
 * word, none overlapping another, the step's action bar inside the viewport, the search count
 * uncovered (`elementFromPoint`), the chart legend inline (`geometry-probe.ts` measures in the page).
 * Screenshots of each screen and size (the viewport as measured, and the whole page) go to
 * test-results/screenshots/ for review (Playwright empties test-results/ at each run: copy the
 * reviewed ones); pixels are not compared (fonts differ between Chromium builds).
 * PANEL_SIZES="320x640" measures other sizes by hand.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generate } from '../../scripts/generator';
import { writeFiles } from '../../scripts/generator/write-files';
import { expect, test } from './fixtures';
import { type ProbeOptions, probeGeometry } from './geometry-probe';
import { opaqueExportText } from './opaque-export';
import { runSampleRapprochement, startRapprochement } from './sample-rapprochement';

const SIZES = (process.env.PANEL_SIZES ?? '360x640,600x900').split(',').map((s) => {
  const [width, height] = s.split('x').map(Number);
  return { width, height };
});
const SHOTS = 'test-results/screenshots';
/** The sample's ids are digits or short codes: no word is allowed to break. */
const UNBREAKABLE: string[] = [];
const ACTION_BAR = '.wb-steps > .wb-actions';
const COUNT = '[data-testid="wb-search-count"]';

/**
 * Measures the screen, scrolled to the top (the worst place for a bar at the bottom) unless an
 * element must be seen uncovered where the user's action left it; saves what the viewport shows
 * then (`-view`) and the whole page from the top.
 */
async function screen(panel: Page, name: string, options: Partial<ProbeOptions> = {}) {
  const { width, height } = panel.viewportSize()!;
  if (!options.uncovered) await panel.evaluate(() => window.scrollTo(0, 0));
  const problems = await panel.evaluate(probeGeometry, { unbreakable: UNBREAKABLE, ...options });
  mkdirSync(SHOTS, { recursive: true });
  await panel.screenshot({ path: join(SHOTS, `${name}-${width}x${height}-view.png`) });
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`), fullPage: true });
  expect.soft(problems, `${name} at ${width}×${height}`).toEqual([]);
}

/** Types in the detail's directory search as a user does (focus, then keys), and measures with the count shown. */
async function searchScreen(panel: Page, name: string) {
  const input = panel.getByLabel('Rechercher dans l’annuaire');
  if (!(await input.count())) return;
  // The first candidate's name, else the person's: the search then lists someone (with a "Rapprocher" button).
  const named = panel.locator('.wb-candidates strong, #wb-detail-name').first();
  const hits = panel.locator('.wb-hits li');
  await input.evaluate((el: HTMLInputElement) => el.focus());
  await panel.keyboard.type(((await named.textContent()) ?? '').trim().slice(0, 3));
  await expect(panel.locator(COUNT)).toHaveText(/\d+ résultats?/);
  // Someone not in the directory: a common prefix then.
  // (waited for generously: the search runs in the worker, slow on a loaded machine)
  if (
    !(await hits
      .first()
      .waitFor({ timeout: 8000 })
      .then(
        () => true,
        () => false,
      ))
  ) {
    await panel.keyboard.press('ControlOrMeta+a');
    await panel.keyboard.type('ma');
  }
  await expect(hits.first()).toBeVisible({ timeout: 15_000 });
  await screen(panel, `${name}-search`, { actionBar: ACTION_BAR, uncovered: COUNT });
  await input.fill('');
}

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test('the rapprochement: start screen, six steps, dialogs, a validated step, results with the legend', async ({ openSidePanel }) => {
      test.setTimeout(300_000);
      const open = async () => {
        const panel = await openSidePanel();
        await panel.setViewportSize(size);
        await expect(panel.getByRole('button', { name: 'Commencer le rapprochement' })).toBeVisible();
        await screen(panel, 'start');
        return panel;
      };
      const panel = await runSampleRapprochement(open, (p) => screen(p, 'start-files-read'));
      const tab = panel.locator('#panel-rapprochement');
      const title = panel.locator('.wb-step-title');

      await screen(panel, 'step-1', { actionBar: ACTION_BAR });
      await searchScreen(panel, 'step-1');
      await tab.getByRole('button', { name: /^Valider l’étape/ }).click();
      await expect(panel.getByRole('dialog')).toBeVisible();
      await screen(panel, 'validate-dialog');
      await panel.getByRole('dialog').getByRole('button', { name: 'Valider quand même' }).click();
      await expect(title).toContainText('Étape 2');
      await tab
        .locator('.wb-stepbar')
        .getByRole('button', { name: /Enseignants/ })
        .click();
      await expect(tab.getByRole('button', { name: /^Rouvrir l’étape/ })).toBeVisible();
      await screen(panel, 'step-1-validated', { actionBar: ACTION_BAR });

      for (let step = 2; step <= 6; step++) {
        await tab
          .locator('.wb-stepbar .wb-step')
          .nth(step - 1)
          .click();
        await expect(title).toContainText(`Étape ${step}`);
        // The bar comes with the step's people, read from the store.
        await expect(tab.locator(ACTION_BAR)).toBeVisible();
        await screen(panel, `step-${step}`, { actionBar: ACTION_BAR });
        await searchScreen(panel, `step-${step}`);
      }

      await tab.getByRole('button', { name: 'Annuler l’import' }).click();
      await expect(panel.getByRole('dialog')).toBeVisible();
      await screen(panel, 'cancel-dialog');
      await panel.getByRole('dialog').getByRole('button', { name: 'Oui, annuler' }).click();
      await expect(tab.getByRole('heading', { name: 'Résultats du rapprochement' })).toBeVisible();
      await expect(tab.getByRole('button', { name: 'Reprendre cette étape' })).toBeVisible();
      // The table and the chart come once the steps are read from the store.
      await expect(tab.locator('.wb-outcomes')).toBeVisible();
      await screen(panel, 'results');

      // The legend flows inline: its six items on fewer lines than items (one line each was the bug).
      const legend = await tab.locator('.wb-chart figcaption').evaluate((caption) => {
        const tops = [...caption.querySelectorAll('.wb-legend')].map((item) => Math.round(item.getBoundingClientRect().top));
        return { items: tops.length, lines: new Set(tops).size, height: Math.round(caption.getBoundingClientRect().height) };
      });
      expect(legend.items, 'legend items').toBe(6);
      expect(legend.lines, `legend: ${legend.lines} lines, ${legend.height} px high`).toBeLessThanOrEqual(size.width >= 600 ? 2 : 3);
    });

    test('the mapping screen of an unknown layout', async ({ openSidePanel }) => {
      test.setTimeout(120_000);
      const work = mkdtempSync(join(tmpdir(), 'passerelle-geometry-'));
      try {
        const g = generate({ seed: 4, students: 30 });
        // Guardian links under a name no synonym knows: the sniffer asks for the mapping.
        const [opaque] = writeFiles(work, [{ name: 'opaque.xml', chunks: () => [opaqueExportText(g)] }]);
        const { panel, tab } = await startRapprochement(openSidePanel, { uai: '0310047H', name: 'Collège Zola', ...size });
        await tab.getByTestId('wb-pronote-file').setInputFiles(opaque.path);
        await expect(tab.getByTestId('wb-unused-fields')).toContainText('Foyer', { timeout: 60_000 });
        await screen(panel, 'mapping');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    test('the checks and diagnostic tabs, with an explanation and a CAS response read', async ({ openSidePanel }) => {
      const panel = await openSidePanel();
      await panel.setViewportSize(size);
      await panel.getByRole('tab', { name: 'Vérifications' }).click();
      await screen(panel, 'tab-checks');
      await panel.getByRole('tab', { name: 'Diagnostic' }).click();
      await screen(panel, 'tab-diagnostic');
      await panel
        .getByLabel(/Collez le message d’erreur/)
        .fill(
          'Echec de l authentification par le serveur CAS https://cas.ent27.fr : Le serveur CAS doit etre configure pour renvoyer un attribut "idPronote".',
        );
      await panel.getByRole('button', { name: 'Expliquer' }).click();
      await expect(panel.locator('#panel-diagnostic [data-failure="idpronote-missing"]')).toBeVisible();
      await panel
        .getByLabel(/Collez la réponse du serveur CAS/)
        .fill(
          '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>jmartin12</cas:user><cas:attributes><cas:nom>MARTIN</cas:nom></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>',
        );
      await panel.getByRole('button', { name: 'Lire' }).click();
      await expect(panel.locator('[data-cas-reading="success"]')).toBeVisible();
      await screen(panel, 'diagnostic-explained');
    });
  });
}
