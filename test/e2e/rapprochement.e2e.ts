/**
 * The rapprochement workbench on the store build (issue 5, "Done when"): the real AAF directory of
 * ../shared/data/aaf-entcore and a Pronote export generated from it at test time, loaded through the
 * file inputs; pairing in the worker; a candidate confirmed, a person paired by search, one marked
 * "Pas de compte ENT"; two steps validated, the third cancelled; the panel reloaded with everything
 * intact; the CSV downloaded and its rows checked. A bad file shows its message and changes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { validateXML } from 'xmllint-wasm';
import { readDirectory } from '../../lib/directory';
import { generate } from '../../scripts/generator';
import { writeFiles } from '../../scripts/generator/write-files';
import { partnerExport } from '../../scripts/generator/write-pronote';
import { expect, test } from './fixtures';

const AAF = resolve('../shared/data/aaf-entcore');
const aafFiles = readdirSync(AAF)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => join(AAF, f));

let work: string;
let pronoteFile: string;

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'passerelle-wb-'));
  const directory = readDirectory(aafFiles.map((path) => ({ name: path, bytes: new Uint8Array(readFileSync(path)) }))).persons;
  const g = generate({ seed: 5, fromAaf: directory });
  const [written] = writeFiles(work, [partnerExport(g.pronote)]);
  pronoteFile = written.path;
});

test.afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function pronoteIdOf(detail: Locator): Promise<string> {
  const text = (await detail.locator('.wb-hint').first().textContent()) ?? '';
  const m = /identifiant Pronote (\S+)/.exec(text);
  if (!m) throw new Error(`no Pronote id in "${text}"`);
  return m[1];
}

async function stepTitle(panel: Page) {
  return panel.locator('.wb-step-title');
}

test('load, pair, decide, validate two steps, cancel the third, reload, export the CSV', async ({ openSidePanel }) => {
  test.setTimeout(180_000);
  const panel = await openSidePanel();
  const tab = panel.locator('#panel-rapprochement');

  // Start: school and year
  await tab.getByLabel('UAI (RNE) de l’établissement').fill('0310047H');
  await tab.getByLabel('Nom de l’établissement').fill('Collège <b>Émile</b> Zola');
  await tab.getByRole('button', { name: 'Commencer le rapprochement' }).click();
  await expect(tab.locator('.wb-school')).toContainText('Collège <b>Émile</b> Zola');

  // Pronote export and directory through the file inputs
  await tab.getByTestId('wb-pronote-file').setInputFiles(pronoteFile);
  const pronoteSummary = tab.getByTestId('wb-pronote-summary');
  await expect(pronoteSummary).toContainText('Élèves', { timeout: 60_000 });
  await expect(pronoteSummary).toContainText('Export de tous les utilisateurs');
  await tab.getByTestId('wb-directory-file').setInputFiles(aafFiles);
  const directorySummary = tab.getByTestId('wb-directory-summary');
  await expect(directorySummary).toContainText(`Fichiers lus (${aafFiles.length})`, { timeout: 60_000 });
  await expect(directorySummary.locator('tr', { hasText: 'Élèves' })).toContainText('642');

  // A bad file: its message, and the Pronote side read before is untouched
  const before = await pronoteSummary.textContent();
  await tab.getByTestId('wb-pronote-file').setInputFiles({ name: 'export.xml', mimeType: 'text/xml', buffer: Buffer.from('<EXPORT><Eleve Nom="A"') });
  await expect(tab.getByTestId('wb-pronote-error')).toBeVisible();
  await expect(tab.getByTestId('wb-pronote-error')).toContainText('export.xml');
  await expect(pronoteSummary).toHaveText(before ?? '');

  // Pairing in the worker, with its progress bar
  await tab.getByRole('button', { name: 'Lancer le rapprochement' }).click();
  await expect(await stepTitle(panel)).toContainText('Étape 1\u202f: Enseignants', { timeout: 60_000 });

  const detail = tab.locator('.wb-detail');
  const filters = tab.locator('.wb-filters');

  // Step 1, enseignants: one person marked "Pas de compte ENT" (keyboard: n)
  await filters.getByRole('button', { name: /^Tous/ }).click();
  await tab.locator('.wb-row').first().click();
  const noAccountId = await pronoteIdOf(detail);
  await tab.locator('.wb-row').first().press('n');
  await expect(detail).toContainText('pas de compte ENT');
  await tab.getByRole('button', { name: 'Valider l’étape «\u202fEnseignants\u202f»' }).click();
  // People are left to handle: validating asks first
  await panel.getByRole('dialog').getByRole('button', { name: 'Valider quand même' }).click();
  await expect(await stepTitle(panel)).toContainText('Étape 2\u202f: Élèves');

  // Step 2, élèves: confirm a candidate, pair one person by search
  await filters.getByRole('button', { name: /^À confirmer/ }).click();
  await tab.locator('.wb-row').first().click();
  const confirmedId = await pronoteIdOf(detail);
  const candidateAccount = (await detail.locator('.wb-candidates li').first().locator('.wb-hint').first().textContent())?.trim().replace(/^compte ENT /, '');
  await detail.locator('.wb-candidates li').first().getByRole('button', { name: 'Confirmer' }).click();
  await expect(detail).toContainText('confirmé');

  // An automatic pair undone frees its account (one ENT account, one person: the unrecognised
  // students' namesakes all hold theirs), which is then given by search to an unrecognised person.
  await filters.getByRole('button', { name: /^Automatiques/ }).click();
  await tab.locator('.wb-row').first().click();
  const undoneId = await pronoteIdOf(detail);
  const freed =
    (
      await detail
        .locator('.wb-candidates li', { has: panel.locator('.wb-badge-auto') })
        .locator('.wb-hint')
        .first()
        .textContent()
    )
      ?.trim()
      .replace(/^compte ENT /, '') ?? '';
  await detail.getByRole('button', { name: 'Défaire ce rapprochement' }).click();
  await expect(detail.locator('.wb-badge').first()).toHaveText('rejeté');
  await filters.getByRole('button', { name: /^Non reconnus/ }).click();
  await tab.locator('.wb-row').first().click();
  const manualId = await pronoteIdOf(detail);
  await detail.getByLabel('Rechercher dans l’annuaire').fill(freed);
  const hit = detail.locator('.wb-hits li', { hasText: freed });
  await hit.getByRole('button', { name: 'Rapprocher' }).click();
  const manualAccount = freed;
  await expect(detail).toContainText('rapproché à la main');
  await tab.getByRole('button', { name: 'Valider l’étape «\u202fÉlèves\u202f»' }).click();
  await panel.getByRole('dialog').getByRole('button', { name: 'Valider quand même' }).click();
  await expect(await stepTitle(panel)).toContainText('Étape 3\u202f: Responsables');

  // Step 3, responsables: cancel the import (the validated steps are kept)
  await tab.getByRole('button', { name: 'Annuler l’import' }).click();
  await tab.getByRole('button', { name: 'Oui, annuler' }).click();
  await expect(tab.getByRole('heading', { name: 'Résultats du rapprochement' })).toBeVisible();

  // Reload the side panel: the same state
  await panel.reload();
  const again = panel.locator('#panel-rapprochement');
  await expect(again.getByRole('heading', { name: 'Résultats du rapprochement' })).toBeVisible();
  await expect(again.getByTestId('wb-state-teacher')).toContainText('validée');
  await expect(again.getByTestId('wb-state-student')).toContainText('validée');
  await expect(again.getByTestId('wb-state-guardian')).toContainText('annulée');
  await expect(again.getByTestId('wb-state-supervisor')).toContainText('à faire');
  await expect(again.getByTestId('wb-stored')).toContainText(', 4 décisions.');

  // The CSV, downloaded
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    again.getByRole('button', { name: 'Télécharger les décisions (pour l’an prochain)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('rapprochement-0310047H-2026-2027.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
  const pronoteCount = (readFileSync(pronoteFile, 'utf8').match(/ IDPN="| Ident="/g) ?? []).length;
  expect(rows.length).toBeGreaterThan(1000);
  expect(rows.length).toBeLessThanOrEqual(pronoteCount);
  const byId = (id: string) => rows.filter((r) => r.pronote_id === id);
  expect(byId(noAccountId)).toEqual([expect.objectContaining({ category: 'teacher', decision: 'no-account', ent_id: '' })]);
  expect(byId(confirmedId)).toEqual([expect.objectContaining({ category: 'student', decision: 'confirmed', ent_id: candidateAccount, status: 'review' })]);
  expect(byId(manualId)).toEqual([expect.objectContaining({ category: 'student', decision: 'manual', ent_id: manualAccount, status: 'unmatched' })]);
  for (const id of [noAccountId, confirmedId, manualId]) expect(byId(id)[0].decided_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  expect(byId(undoneId)).toEqual([expect.objectContaining({ category: 'student', decision: 'rejected', ent_id: freed, status: 'auto' })]);
  expect(new Set(rows.map((r) => r.decision))).toEqual(new Set(['auto', 'no-account', 'confirmed', 'manual', 'rejected', 'unresolved']));
  expect(rows.filter((r) => r.decision === 'auto').every((r) => r.ent_id !== '' && r.status === 'auto')).toBe(true);

  // The printed report (issue 18, point 5): the renderer of the command line's report.html, in the
  // UI language, naming the people left by reason; the school's name shown as text.
  await again.getByRole('button', { name: 'Imprimer le rapport' }).click();
  const report = panel.frameLocator('iframe.wb-print-frame');
  await expect(report.locator('h1')).toHaveText('Rapport de rapprochement Pronote ⇄ ENT');
  await expect(report.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(report.locator('.meta')).toContainText('Collège <b>Émile</b> Zola · 0310047H · 2026-2027 · mode ');
  await expect(report.locator('b, script')).toHaveCount(0);
  const undone = byId(undoneId)[0];
  await expect(report.locator('section[data-reason="rejected"] tbody tr').first()).toContainText(`${undone.last_name} ${undone.first_name}`);
  const leftCount = rows.filter((r) => r.decision === 'rejected' || r.decision === 'unresolved').length;
  await expect(report.locator('h2', { hasText: 'Personnes restantes' })).toContainText(`(${leftCount.toLocaleString('fr-FR').replace(/\s/g, '\u202f')})`);
  await expect(report.locator('section.group tbody tr')).toHaveCount(Math.min(leftCount, 2000));
  await expect(report.locator('.todo').first()).toContainText('À faire\u202f:');

  // The RapprochementSSO file, valid against Index Éducation's schema, with the manual pair
  const [ssoDownload] = await Promise.all([
    panel.waitForEvent('download'),
    again.getByRole('button', { name: 'Télécharger le fichier RapprochementSSO' }).click(),
  ]);
  const xml = readFileSync((await ssoDownload.path())!, 'utf8');
  const validation = await validateXML({
    xml: [{ fileName: 'sso.xml', contents: xml }],
    schema: [{ fileName: 'RapprochementSSO.xsd', contents: readFileSync('../shared/data/schemas/RapprochementSSO.xsd', 'utf8') }],
  });
  expect(validation.errors).toEqual([]);
  expect(xml).toContain(`ID_Partenaire="${manualAccount}"`);
  expect(xml).toContain('Numero="0310047H" Nom="Collège &lt;b&gt;Émile&lt;/b&gt; Zola"');

  // "Supprimer toutes les données", after a confirmation
  await again.getByRole('button', { name: 'Supprimer toutes les données' }).click();
  await again.getByRole('button', { name: 'Oui, tout supprimer' }).click();
  await expect(again.getByTestId('wb-stored')).toHaveText('Données enregistrées sur cet ordinateur\u202f: 0 personne, 0 décision.');
  await expect(again.getByLabel('UAI (RNE) de l’établissement')).toHaveValue('');
});
