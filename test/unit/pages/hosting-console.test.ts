import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readCasDelegation, readEntIntegration, readHostingConsole, readPublication, readUserIdentification } from '../../../lib/pages';
import { CONSOLE_DIR, type LoadedPage, loadConsolePage } from './load-fixture';
import { notPlainData } from './plain-data';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function open(file: string, run = false): Document {
  page = loadConsolePage(file, { run });
  return page.document;
}

describe('the reconstructed console pages', () => {
  it('each say that they are reconstructions', () => {
    for (const file of readdirSync(CONSOLE_DIR)) {
      expect(readFileSync(`${CONSOLE_DIR}/${file}`, 'utf8')).toMatch(/RECONSTRUCTION, not a copy: nobody outside Index Éducation/);
    }
  });
});

describe('readHostingConsole on each markup', () => {
  it('tables, check box before its text, nested spans (delegation-table.html)', () => {
    const doc = open('delegation-table.html');
    const { snapshot: snap, anchors } = readHostingConsole(doc);
    expect(snap.screens).toEqual(['cas-delegation', 'publication']);
    expect(snap.settings).toEqual({
      delegation: true,
      project: 'Mon ENT Occitanie',
      casUrl: 'https://www.google.com/url?q=https://cas.mon-ent-occitanie.fr&sa=D&source=hangouts&ust=1564500546330000&usg=AFQjCNGjhOh-VgFdPptoHMvHuLgpSAa3PQ',
      racine: '',
      published: false,
      pronoteUrl: 'https://0310047H.index-education.net/Pronote/',
    });
    expect(anchors.casUrl?.id).toBe('GInterface_14_url');
    expect(anchors.delegation?.id).toBe('GInterface_12_cb');
    expect(anchors.racine?.id).toBe('GInterface_20_racine');
    expect(snap.projectOptions).toHaveLength(14);
    expect(snap.projectOptions[0]).toBe('AEFE');
  });

  it('label for, radios before their text, buttons (integration-label-for.html)', () => {
    const doc = open('integration-label-for.html');
    const { snapshot: snap, anchors } = readHostingConsole(doc);
    expect(snap.screens).toEqual(['ent-integration', 'user-identification', 'publication']);
    expect(snap.settings).toEqual({
      project: 'Mon Bureau Numérique',
      delegation: true,
      casUrl: 'https://cas.monbureaunumerique.fr/',
      recognitionMode: 'pronote-identity',
      recognitionModeLabel: "Avec l'identité PRONOTE de l'utilisateur",
      attributeName: 'idPronote',
      racine: 'Pronote',
      published: true,
      pronoteUrl: 'https://0752536z.index-education.net/pronote/',
    });
    expect(anchors.recognitionMode?.id).toBe('m2');
    expect(anchors.casUrl?.id).toBe('f2');
    expect(anchors.published?.textContent).toBe('Arrêter la publication');
  });

  it('divs, ARIA widgets, capitals without accents, value shown as text (identification-divs.html)', () => {
    const doc = open('identification-divs.html');
    const { snapshot: snap, anchors } = readHostingConsole(doc);
    expect(snap.screens).toEqual(['cas-delegation', 'user-identification', 'publication']);
    expect(snap.settings).toMatchObject({
      delegation: true,
      project: 'Eclat-BFC',
      casUrl: 'http://cas.monbureaunumerique.fr/login',
      recognitionMode: 'identity',
      recognitionModeLabel: "Avec l'identité de l'utilisateur",
      racine: 'espaces',
      published: true,
    });
    expect(snap.settings.attributeName).toBeUndefined();
    expect(anchors.delegation?.getAttribute('role')).toBe('checkbox');
  });

  it('a screen drawn by script after load is read once drawn (drawn-by-script.html)', async () => {
    const doc = open('drawn-by-script.html', true);
    expect(readHostingConsole(doc).snapshot.screens).toEqual([]);
    await page!.settle();
    const snap = readHostingConsole(doc).snapshot;
    expect(snap.screens).toEqual(['cas-delegation', 'user-identification', 'publication']);
    expect(snap.settings).toEqual({
      delegation: false,
      casUrl: 'https://cas.ent27.fr/',
      recognitionMode: 'pronote-identity',
      recognitionModeLabel: "Avec l'identité PRONOTE de l'utilisateur",
      attributeName: 'idpronote',
      racine: 'pronote',
    });
  });

  it('a screen changed after load: read-only values, then fields (changed-after-load.html)', async () => {
    const doc = open('changed-after-load.html', true);
    expect(readHostingConsole(doc).snapshot.settings).toEqual({
      project: 'Ent Kosmos',
      delegation: true,
      casUrl: 'https://cas.pdl.kosmoseducation.com',
      published: true,
    });
    await page!.settle();
    const { snapshot: snap, anchors } = readHostingConsole(doc);
    expect(snap.settings).toEqual({
      project: 'Ent Kosmos',
      delegation: true,
      casUrl: 'https://cas.kosmoseducation.com/',
      published: false,
    });
    expect(anchors.casUrl?.tagName).toBe('INPUT');
  });
});

describe('what the rules are handed', () => {
  it('holds values only; the elements are apart', () => {
    for (const file of ['delegation-table.html', 'integration-label-for.html', 'identification-divs.html']) {
      const { snapshot, anchors } = readHostingConsole(open(file));
      expect(snapshot.screens.length).toBeGreaterThan(0);
      expect(notPlainData(snapshot), file).toEqual([]);
      expect(Object.keys(anchors).length, file).toBeGreaterThan(0);
      expect(notPlainData(anchors), file).toHaveLength(Object.keys(anchors).length);
    }
  });
});

describe('each screen reader alone', () => {
  it('says undefined when its screen is not on the page', () => {
    const doc = open('drawn-by-script.html');
    expect(readCasDelegation(doc)).toBeUndefined();
    expect(readEntIntegration(doc)).toBeUndefined();
    expect(readUserIdentification(doc)).toBeUndefined();
    expect(readPublication(doc)).toBeUndefined();
  });

  it('follows the page when the admin changes a field', () => {
    const doc = open('integration-label-for.html');
    (doc.getElementById('f2') as HTMLInputElement).value = 'https://cas.eclat-bfc.fr';
    (doc.getElementById('f1') as HTMLSelectElement).selectedIndex = 0;
    (doc.getElementById('m3') as HTMLInputElement).checked = true;
    expect(readEntIntegration(doc)!.snapshot.settings).toEqual({ project: 'Aucun', delegation: false, casUrl: 'https://cas.eclat-bfc.fr' });
    expect(readUserIdentification(doc)!.snapshot.settings.recognitionMode).toBe('double-auth');
  });
});
