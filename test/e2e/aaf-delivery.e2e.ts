/**
 * A whole AAF delivery in one choice (issue 15, point 6): every file of ../shared/data/aaf-entcore,
 * `ficAlimMENESR.dtd` included, given to the directory side's file input at once. The DTD, the
 * Matière and MEF files are set aside and listed, the `EtabEducNat` file gives the structures' UAI
 * (not persons), the persons come from the rest, counted independently of the reader. Screenshots
 * at 360 and 600 px (test-results/aaf-delivery-*.png).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { startRapprochement } from './sample-rapprochement';

const AAF = resolve('../shared/data/aaf-entcore');
const delivery = readdirSync(AAF)
  .sort()
  .map((f) => join(AAF, f));

/** addRequest records per categoriePersonne in the delivery, counted from the files with a plain regex. */
function countedByCategory(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of delivery.filter((p) => p.endsWith('.xml'))) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/<attr name="categoriePersonne">\s*<value>(\w+)<\/value>/g)) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
  }
  return counts;
}

for (const width of [360, 600]) {
  test(`a whole AAF delivery, DTD included, in one choice at ${width} px`, async ({ openSidePanel }) => {
    test.setTimeout(150_000);
    expect(delivery.some((p) => p.endsWith('ficAlimMENESR.dtd'))).toBe(true);
    const { panel, tab } = await startRapprochement(openSidePanel, { uai: '0310047H', name: 'Collège Zola', width });

    await tab.getByTestId('wb-directory-file').setInputFiles(delivery);
    const summary = tab.getByTestId('wb-directory-summary');
    await expect(summary).toBeVisible({ timeout: 90_000 });
    await expect(tab.getByTestId('wb-directory-error')).toHaveCount(0);

    const counted = countedByCategory();
    await expect(summary.locator('tr', { hasText: 'Élèves' })).toContainText(String(counted.Eleve));
    const notes = summary.locator('.wb-notes');
    await expect(notes).toContainText('ficAlimMENESR.dtd');
    await expect(notes).toContainText('DTD non lu');
    await expect(notes).toContainText('Fichier AAF de matières (MatEducNat, ');
    await expect(notes).toContainText(/formations \(MEF\)/);
    await expect(notes).toContainText(/Fichier AAF d.établissements \(EtabEducNat, \d+ enregistrements\)\u202f: lu pour les établissements/);
    // The EtabEducNat file gives the structures as UAI, not as persons: the structure choice lists UAIs.
    const options = await tab.locator('select option').allTextContents();
    const structures = options.slice(1).map((o) => o.replace(/ \(.*$/, ''));
    const etab = readFileSync(delivery.find((p) => p.includes('EtabEducNat')) ?? '', 'utf8');
    const uais = [...etab.matchAll(/<attr name="ENTStructureUAI">\s*<value>(\w+)<\/value>/g)].map((m) => m[1]);
    const feedIds = [...etab.matchAll(/<identifier>\s*<id>(\w+)<\/id>/g)].map((m) => m[1]);
    expect(uais.length).toBeGreaterThan(0);
    expect(structures.filter((s) => uais.includes(s)).length).toBeGreaterThan(0);
    expect(structures.filter((s) => feedIds.includes(s))).toEqual([]);
    const total = Object.values(counted).reduce((n, c) => n + c, 0);
    const shownTotal = Number(((await summary.locator('tr', { hasText: 'Total' }).locator('td').textContent()) ?? '').replace(/\D/g, ''));
    const notReadText = (await summary.locator('details summary').first().textContent()) ?? '';
    const notRead = Number(/(\d[\d\s\u202f]*)/.exec(notReadText)?.[1].replace(/\D/g, '') ?? 'NaN');
    // Every person record is read or listed as not read (duplicates across files included).
    expect(shownTotal + notRead).toBe(total);

    await summary.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `test-results/aaf-delivery-${width}.png`, fullPage: true });
  });
}
