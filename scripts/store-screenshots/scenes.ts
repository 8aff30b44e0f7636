/**
 * The four scenes of the store screenshots, played on the demo (the admin pages of
 * `test/fixtures/sites`, the sample files of `sample/`) in the real extension, through the helpers
 * of the end-to-end tests. Each returns a 1280×800 PNG; `lang` is the UI language the browser was
 * launched in.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Lang, MessageKey } from '../../components/i18n';
import { closedUi } from '../../test/e2e/closed-ui';
import { expect } from '../../test/e2e/fixtures';
import { confirmSchoolEnt, runSampleRapprochement } from '../../test/e2e/sample-rapprochement';
import { uiText as t } from '../../test/e2e/ui-text';
import { besidePanel } from './compose';
import { PANEL_WIDTH, STORE_SIZE } from './shots';

const CONSOLE = 'https://hebergement.index-education.net/console/delegation-table.html';
const ENT_IMPORT = 'https://clg-exemple.monbureaunumerique.fr/admin/import-jean-moulin.html';
const CAS_ERROR = 'https://0310047h.index-education.net/pronote/eleve.html?identifiant=zcnwsg5Z5G5MWZ92';
const PAGE_SIZE = { width: STORE_SIZE.width - PANEL_WIDTH, height: STORE_SIZE.height };
const PANEL_SIZE = { width: PANEL_WIDTH, height: STORE_SIZE.height };

/** The accessible names `key` gives in `lang`, whatever its `$1` (« À confirmer (12) », « Valider l’étape « Élèves » »). */
function named(key: MessageKey, lang: Lang): RegExp {
  const [head, ...rest] = t(key, ['\u0000'], lang).split('\u0000');
  // Playwright compares names with their white space folded (U+202F included): any run matches any.
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  return new RegExp(`^${literal(head)}${rest.map((part) => `.*${literal(part)}`).join('')}$`);
}

export interface Stage {
  context: BrowserContext;
  /** Opens the side panel page as a tab. */
  openSidePanel: () => Promise<Page>;
  lang: Lang;
}

/** Opens `url` at `size` and waits until Passerelle's UI shows `selector` in it (closed roots included). */
async function pageWith(stage: Stage, url: string, size: { width: number; height: number }, selector: string): Promise<Page> {
  const page = await stage.context.newPage();
  await page.setViewportSize(size);
  await page.goto(url);
  const ui = await closedUi(page);
  await expect.poll(() => ui.count(selector), { timeout: 15_000 }).toBeGreaterThan(0);
  // The findings settle after the page's own scripts: one more beat before the capture.
  await page.waitForTimeout(500);
  return page;
}

/**
 * Closes the welcome the side panel shows on first use (for good: it is kept in the extension's
 * storage), so that no scene shows it. Call once after the launch.
 */
export async function closeWelcome(stage: Stage): Promise<void> {
  const panel = await stage.openSidePanel();
  await panel.getByRole('button', { name: t('welcomeClose', [], stage.lang) }).click();
  await expect(panel.getByRole('region', { name: t('welcomeTitle', [], stage.lang) })).toHaveCount(0);
  await panel.close();
}

/** The side panel at the panel's size. */
async function openPanel(stage: Stage): Promise<Page> {
  const panel = await stage.openSidePanel();
  await panel.setViewportSize(PANEL_SIZE);
  return panel;
}

/** (1) The hosting console's misconfigured delegation screen, the findings beside its fields. */
export async function hostingConsole(stage: Stage): Promise<Buffer> {
  const page = await pageWith(stage, CONSOLE, STORE_SIZE, '[data-passerelle-finding]');
  const shot = await page.screenshot();
  await page.close();
  return shot;
}

/**
 * Scrolls the panel so that the school's ENT section starts just under the sticky tabs: the step
 * gets the room of the intro above it, and no line is cut at the top.
 */
async function scrollToSchoolEnt(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const section = document.querySelector('.wb-school-ent');
    const tabs = document.querySelector<HTMLElement>('.tabs');
    if (section) window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - (tabs?.offsetHeight ?? 0) - 8);
  });
}

/**
 * (2) The sample rapprochement in the side panel, at the students' step, a person with the ENT
 * accounts proposed; beside it the ENT's import page of the same school, where Passerelle shows
 * the account it would choose for a student the ENT did not recognise. Leaves the panel open.
 */
export async function rapprochementStep(stage: Stage): Promise<{ shot: Buffer; panel: Page }> {
  const { lang } = stage;
  const panel = await runSampleRapprochement(() => openPanel(stage), undefined, lang);
  await confirmSchoolEnt(panel, 'mon-bureau-numerique', lang);
  const tab = panel.locator('#panel-rapprochement');
  await tab.locator('.wb-stepbar .wb-step').nth(1).click();
  await expect(panel.locator('.wb-step-title')).toContainText(t('wbStepTitle', ['2', t('wbCat_student', [], lang)], lang));
  await tab
    .locator('.wb-filters')
    .getByRole('button', { name: named('wbFilter_review', lang) })
    .click();
  await tab.locator('.wb-row').first().click();
  await expect(tab.locator('.wb-detail .wb-candidates li').first()).toBeVisible();

  const page = await pageWith(stage, ENT_IMPORT, PAGE_SIZE, '[data-passerelle-suggestion="available"]');
  const ui = await closedUi(page);
  const bernard = { near: 'tr', nearText: 'BERNARD Charles Édouard' };
  await ui.click('button', { ...bernard, name: t('entSuggestShowLabel', [], lang) });
  await expect.poll(() => ui.count('[data-passerelle-suggestion="Bernard Charles-Edouard"]')).toBe(1);
  await page.mouse.move(0, 0);
  const pageShot = await page.screenshot();
  await scrollToSchoolEnt(panel);
  const shot = await besidePanel(stage.context, pageShot, await panel.screenshot());
  await page.close();
  return { shot, panel };
}

/**
 * (3) Every step validated: the results in the side panel, with their table and chart, beside the
 * report they print (the command line's `report.html`, one renderer), opened as a page.
 */
export async function results(stage: Stage, panel: Page): Promise<Buffer> {
  const { lang } = stage;
  const tab = panel.locator('#panel-rapprochement');
  const validate = tab.getByRole('button', { name: named('wbValidateStep', lang) });
  const heading = tab.getByRole('heading', { name: t('wbResultsTitle', [], lang) });
  const anyway = panel.getByRole('dialog').getByRole('button', { name: t('wbValidateAnyway', [], lang) });
  // The candidate shown in (2) confirmed, as the admin would, then every step validated from the first.
  await tab
    .locator('.wb-detail .wb-candidates li')
    .first()
    .getByRole('button', { name: t('wbConfirm', [], lang) })
    .click();
  await tab.locator('.wb-stepbar .wb-step').first().click();
  for (let step = 1; !(await heading.isVisible()); step++) {
    if (step > 6) throw new Error('The results did not show after the six steps were validated.');
    await validate.click();
    // Validating with people left asks first; a step with none goes straight on.
    await anyway
      .or(heading)
      .or(panel.locator('.wb-step-title', { hasText: t('wbStepTitle', [String(step + 1), ''], lang) }))
      .first()
      .waitFor();
    if (await anyway.isVisible()) await anyway.click();
    await panel.waitForTimeout(300);
  }
  await expect(tab.locator('.wb-outcomes')).toBeVisible();
  await tab.getByRole('button', { name: t('wbPrint', [], lang) }).click();
  const report = await panel.locator('iframe.wb-print-frame').getAttribute('srcdoc');
  if (!report) throw new Error('The panel printed no report.');
  // The click scrolled the panel down to its button: back to the results' top.
  await panel.evaluate(() => window.scrollTo(0, 0));
  const page = await stage.context.newPage();
  await page.setViewportSize(PAGE_SIZE);
  await page.setContent(report);
  const shot = await besidePanel(stage.context, await page.screenshot(), await panel.screenshot());
  await page.close();
  return shot;
}

/** (4) The Pronote page of a CAS error, explained on the page and in the Diagnostic tab. */
export async function diagnostic(stage: Stage): Promise<Buffer> {
  const { lang } = stage;
  const page = await pageWith(stage, CAS_ERROR, PAGE_SIZE, '.box');
  // The page's message, copied as the admin would copy it into the Diagnostic tab.
  const message = (await page.locator('.Message p').allTextContents()).join(' ');
  const panel = await openPanel(stage);
  await panel.getByRole('tab', { name: t('tabDiagnostic', [], lang) }).click();
  await panel.getByLabel(t('diagExplainLabel', [], lang)).fill(message);
  await panel.getByRole('button', { name: t('diagExplainButton', [], lang) }).click();
  const failure = panel.locator('#panel-diagnostic [data-failure="idpronote-missing"]');
  await expect(failure).toBeVisible();
  const shot = await besidePanel(stage.context, await page.screenshot(), await panel.screenshot());
  await Promise.all([page.close(), panel.close()]);
  return shot;
}
