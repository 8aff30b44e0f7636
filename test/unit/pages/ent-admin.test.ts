import { readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { readEntAccess } from '../../../lib/pages/ent-access';
import { entFieldElement, readEntAdmin } from '../../../lib/pages/ent-admin';
import { readEntImport, splitDisplayName } from '../../../lib/pages/ent-import';
import { readEntService } from '../../../lib/pages/ent-service';
import { notPlainData } from './plain-data';

const DIR = 'test/fixtures/sites/clg-exemple.monbureaunumerique.fr/admin';

let win: Window | undefined;
afterEach(async () => {
  await win?.happyDOM.close();
  win = undefined;
});

/** Loads a reconstructed ENT page; `run` executes its own script and waits for its timers. */
async function open(file: string, run = false): Promise<Document> {
  win = new Window({
    url: `https://clg-exemple.monbureaunumerique.fr/admin/${file}`,
    settings: { enableJavaScriptEvaluation: run, suppressInsecureJavaScriptEnvironmentWarning: true } as never,
  });
  win.document.write(readFileSync(`${DIR}/${file}`, 'utf8'));
  // happy-dom ignores <option selected> in document.write(); a browser's parser honours it.
  for (const select of win.document.querySelectorAll('select')) {
    const marked = [...select.options].findIndex((o) => o.hasAttribute('selected'));
    if (marked >= 0) select.selectedIndex = marked;
  }
  if (run) await win.happyDOM.waitUntilComplete();
  return win.document as unknown as Document;
}

describe('the reconstructed ENT admin pages', () => {
  it('each say that they are reconstructions from the seed', () => {
    const files = readdirSync(DIR);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect(readFileSync(`${DIR}/${file}`, 'utf8')).toMatch(/RECONSTRUCTION, not a copy: the ENT vendors have not published/);
  });
});

describe('readEntAdmin: what the rules are handed', () => {
  it('holds values only; the elements come apart, found by a finding’s field', async () => {
    for (const file of readdirSync(DIR)) {
      // The connector screen is drawn by its own script.
      const { snapshot, anchors } = readEntAdmin(await open(file, file === 'connecteur.html'));
      expect(snapshot.screens.length, file).toBeGreaterThan(0);
      expect(notPlainData(snapshot), file).toEqual([]);
      expect(snapshot.import?.unrecognised.length ?? 0).toBe(anchors.import?.rows.length ?? 0);
    }
    const { anchors } = readEntAdmin(await open('service-labels.html'));
    expect(entFieldElement(anchors, 'casUrl')?.id).toBe('bloc-cas');
    expect(entFieldElement(anchors, 'access:Parents')?.id).toBe('r3');
    expect(entFieldElement(anchors, 'access:Nobody')).toBeUndefined();
    // The check itself can fail: the anchors are not plain data.
    expect(notPlainData(anchors)).not.toEqual([]);
  });
});

describe('readEntService', () => {
  it('table layout with nested spans (service-table.html)', async () => {
    const doc = await open('service-table.html');
    const { snapshot: snap, anchors } = readEntService(doc)!;
    expect(snap.settings).toEqual({
      casUrl: 'https://cas.monbureaunumerique.fr/',
      pronoteUrl: 'https://0310047H.index-education.net/pronote/eleve.html',
      blocVersion: 'PRONOTE 2023',
    });
    expect(anchors.casUrl?.id).toBe('k_4721');
    expect(anchors.pronoteUrl?.id).toBe('k_4714');
    expect(anchors.blocVersion?.id).toBe('k_4722');
  });

  it('label for, empty CAS field (service-labels.html)', async () => {
    const doc = await open('service-labels.html');
    const { snapshot: snap, anchors } = readEntService(doc)!;
    expect(snap.settings).toEqual({ casUrl: '', pronoteUrl: 'https://0310047h.index-education.net/pronote/', blocVersion: '2024' });
    expect(anchors.casUrl?.id).toBe('bloc-cas');
    expect(anchors.pronoteUrl?.id).toBe('svc-url');
  });

  it('Open ENT NG connector drawn by script, fields named by aria-label (connecteur.html)', async () => {
    const before = await open('connecteur.html');
    expect(readEntService(before)).toBeUndefined();
    const doc = await open('connecteur.html', true);
    const snap = readEntService(doc)!.snapshot;
    expect(snap.settings.pronoteUrl).toBe('https://0752536z.index-education.net/Pronote/?login=true');
    expect(snap.settings.casUrl).toBeUndefined();
  });

  it('a read-only summary, values as text, an empty term (service-resume.html)', async () => {
    const { snapshot: snap, anchors } = readEntService(await open('service-resume.html'))!;
    expect(snap.settings).toEqual({ casUrl: '', pronoteUrl: 'https://0752536z.index-education.net/Pronote/', blocVersion: 'PRONOTE 2024' });
    expect(anchors.pronoteUrl?.tagName).toBe('DD');
  });

  it('is not fooled by a page without the service', async () => {
    expect(readEntService(await open('acces-population.html'))).toBeUndefined();
    expect(readEntService(await open('import-identifiants.html'))).toBeUndefined();
    const doc = await open('service-table.html');
    doc.body.innerHTML = '<h1>Contact</h1><label>Adresse <input value="12 rue des Lilas"></label><label>URL <input value="https://example.org/"></label>';
    expect(readEntService(doc)).toBeUndefined();
  });

  it('does not take an empty generic field of a user page for the service URL', async () => {
    const doc = await open('service-table.html');
    doc.title = 'Mon espace';
    doc.body.innerHTML = '<h2>Bloc Pronote</h2><p>Dernières notes</p><input placeholder="Adresse" value=""><label>URL <input value=""></label>';
    expect(readEntService(doc)).toBeUndefined();
  });
});

describe('readEntAccess', () => {
  it('one fieldset per profile, box before its text (service-labels.html)', async () => {
    const { snapshot: snap, anchors } = readEntAccess(await open('service-labels.html'))!;
    expect(snap.anonymous).toBe(false);
    expect(snap.profiles.map(({ profile, hasAccess }) => ({ profile, hasAccess }))).toEqual([
      { profile: 'Élèves', hasAccess: true },
      { profile: 'Parents', hasAccess: false },
      { profile: 'Enseignants', hasAccess: true },
    ]);
    expect(anchors.profiles.get(snap.profiles[1].profile)?.id).toBe('r3');
  });

  it('a grid of ARIA check boxes, one row per profile (acces-population.html)', async () => {
    const { snapshot: snap, anchors } = readEntAccess(await open('acces-population.html'))!;
    expect(snap.anonymous).toBe(true);
    expect(snap.profiles.map(({ profile, hasAccess }) => [profile, hasAccess])).toEqual([
      ['Élèves', true],
      ['Parents', true],
      ['Enseignants', true],
      ['Personnels', false],
    ]);
    expect(anchors.profiles.get('Personnels')?.getAttribute('role')).toBe('checkbox');
  });

  it('reads the state the admin changed after load', async () => {
    const doc = await open('acces-population.html');
    doc.querySelector('table.options input')!.removeAttribute('checked');
    (doc.querySelector('table.options input') as HTMLInputElement).checked = false;
    expect(readEntAccess(doc)!.snapshot.anonymous).toBe(false);
  });

  it('says nothing on other screens', async () => {
    expect(readEntAccess(await open('service-table.html'))).toBeUndefined();
  });
});

describe('readEntImport', () => {
  it('radios after their text, a table of unrecognised accounts, one search field (import-identifiants.html)', async () => {
    const doc = await open('import-identifiants.html');
    const { snapshot: snap, anchors } = readEntImport(doc)!;
    expect(snap.mode).toBe('partiel');
    expect(snap.step).toBe(2);
    expect(snap.uai).toBe('0310047H');
    expect(snap.unrecognised.map(({ lastName, firstName, className }) => ({ lastName, firstName, className }))).toEqual([
      { lastName: 'GIRARD-LEBON', firstName: 'Anaïs', className: '5B' },
      { lastName: "N'DIAYE", firstName: 'Moussa', className: '4A' },
    ]);
    expect(anchors.rows).toHaveLength(snap.unrecognised.length);
    for (const a of anchors.rows) {
      expect(a.element.tagName).toBe('TR');
      expect(a.searchField?.id).toBe('q');
    }
  });

  it('a list with the mode in a select and a search field per item (import-liste.html)', async () => {
    const { snapshot: snap, anchors } = readEntImport(await open('import-liste.html'))!;
    expect(snap.mode).toBe('complet');
    expect(snap.step).toBe(3);
    expect(snap.uai).toBeUndefined();
    expect(snap.unrecognised.map(({ lastName, firstName, className }) => ({ lastName, firstName, className }))).toEqual([
      { lastName: 'DE LA FONTAINE', firstName: 'Jean-Pierre', className: '6C' },
      { lastName: 'MARTIN', firstName: 'Julie', className: '3D' },
      { lastName: 'Dupont', firstName: 'Émile', className: undefined },
    ]);
    const fields = anchors.rows.map((a) => a.searchField);
    expect(new Set(fields).size).toBe(3);
    expect(fields.every((f) => f?.tagName === 'INPUT' && a(f).closest('li'))).toBe(true);
  });

  it('follows the mode the admin picks', async () => {
    const doc = await open('import-identifiants.html');
    (doc.querySelector('input[value=C]') as HTMLInputElement).checked = true;
    expect(readEntImport(doc)!.snapshot.mode).toBe('complet');
  });

  it('says nothing on other screens', async () => {
    expect(readEntImport(await open('service-labels.html'))).toBeUndefined();
  });
});

describe('splitDisplayName', () => {
  it('takes the leading upper-case words as the last name', () => {
    expect(splitDisplayName('LE  GALL Anne-Sophie')).toEqual({ lastName: 'LE GALL', firstName: 'Anne-Sophie' });
    expect(splitDisplayName("D'ALMEIDA Inès")).toEqual({ lastName: "D'ALMEIDA", firstName: 'Inès' });
    expect(splitDisplayName('Martin Julie')).toEqual({ lastName: 'Martin', firstName: 'Julie' });
    expect(splitDisplayName('Martin, Julie Marie')).toEqual({ lastName: 'Martin', firstName: 'Julie Marie' });
  });
});

function a(el: Element | undefined): Element {
  if (!el) throw new Error('missing element');
  return el;
}

describe('readEntImport on the sample school page (import-jean-moulin.html)', () => {
  it('reads a « Nom Prénom » column, the RNE, the mode and the page search field', async () => {
    const { snapshot: snap, anchors } = readEntImport(await open('import-jean-moulin.html'))!;
    expect(snap.uai).toBe('0482409H');
    expect(snap.mode).toBe('partiel');
    expect(anchors.mode?.id).toBe('m-p');
    expect(snap.unrecognised.map(({ lastName, firstName, className }) => [lastName, firstName, className])).toEqual([
      ['MARTIN', 'Lena', '3A'],
      ['BERNARD', 'Charles Édouard', '3A'],
      ["D'ALMEIDA", 'Côme', '4B'],
      ['INCONNU', 'Personne', '6A'],
    ]);
    expect(anchors.rows.every((a) => a.searchField?.id === 'recherche')).toBe(true);
  });
});
