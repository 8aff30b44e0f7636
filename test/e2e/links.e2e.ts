/**
 * Student–guardian links on the workbench (issue 13, point 1): an export whose guardians carry an
 * unrecognised field brings the mapping screen back with it listed, to be taken as the children
 * link; an export with no link at all says so on the Pronote card and in the guardians' step
 * header. Screenshots at 360 and 600 px (test-results/links-*.png).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../scripts/generator';
import { aafFiles } from '../../scripts/generator/write-aaf';
import { writeFiles } from '../../scripts/generator/write-files';
import { partnerExport } from '../../scripts/generator/write-pronote';
import { expect, test } from './fixtures';
import { opaqueExportText } from './opaque-export';
import { startRapprochement } from './sample-rapprochement';

let work: string;
let opaque: string;
let none: string;
let directory: string[];

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'passerelle-links-'));
  const g = generate({ seed: 4, students: 60 });
  // Guardian-side links under a name no synonym knows, by keys the file's ids do not match.
  const hidden = opaqueExportText(g);
  const written = writeFiles(work, [
    { name: 'opaque.xml', chunks: () => [hidden] },
    { ...partnerExport(g.pronote, { links: 'none' }), name: 'none.xml' },
    ...aafFiles(g.directory),
  ]);
  opaque = written.find((w) => w.path.endsWith('opaque.xml'))!.path;
  none = written.find((w) => w.path.endsWith('none.xml'))!.path;
  directory = written.filter((w) => w.path.includes('/aaf/')).map((w) => w.path);
});

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

for (const width of [360, 600]) {
  test(`links at ${width} px: unused field listed and picked, no link said`, async ({ openSidePanel }) => {
    test.setTimeout(120_000);
    const { panel, tab } = await startRapprochement(openSidePanel, { uai: '0310047H', name: 'Collège Zola', width });

    await tab.getByTestId('wb-pronote-file').setInputFiles(opaque);
    const unused = tab.getByTestId('wb-unused-fields');
    await expect(unused).toContainText('Foyer', { timeout: 60_000 });
    await expect(tab.getByTestId('wb-pronote-guardian-links')).toContainText('Aucun responsable');
    await unused.getByRole('combobox').first().selectOption('children');
    await expect(tab.locator('.wb-mapping')).toContainText('fields › children');
    await unused.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `test-results/links-mapping-${width}.png`, fullPage: true });

    await tab.getByTestId('wb-pronote-file').setInputFiles(none);
    await expect(tab.getByTestId('wb-pronote-guardian-links')).toContainText('Aucun responsable', { timeout: 60_000 });
    await expect(tab.getByTestId('wb-unused-fields')).toHaveCount(0);
    await tab.getByTestId('wb-directory-file').setInputFiles(directory);
    await expect(tab.getByTestId('wb-directory-summary')).toContainText('Élèves', { timeout: 60_000 });
    await tab.getByRole('button', { name: 'Lancer le rapprochement' }).click();
    await expect(tab.locator('.wb-step-title')).toContainText('Étape 1', { timeout: 60_000 });
    await tab
      .locator('.wb-stepbar')
      .getByRole('button', { name: /Responsables/ })
      .click();
    await expect(tab.locator('.wb-step-title')).toContainText('Responsables');
    await expect(tab.getByTestId('wb-step-no-links')).toContainText('Aucun responsable n’est relié');
    await panel.screenshot({ path: `test-results/links-step-${width}.png` });
  });
}
