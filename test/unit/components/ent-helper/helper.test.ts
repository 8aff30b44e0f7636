import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { fillSearchField } from '../../../../components/ent-helper/fill';
import { type EntAdminPage, type EntHelperDeps, startEntHelper } from '../../../../components/ent-helper/helper';
import { checkEntAdmin } from '../../../../lib/checks/ent-admin';
import { readEntAdmin } from '../../../../lib/pages/ent-admin';
import type { Suggestion } from '../../../../lib/messages';
import { shadowOf } from '../../../../components/page-host/closed-host';

/** The ENT admin feature's reading and rules (features/ent-admin declares the same). */
const PAGE: EntAdminPage = { read: readEntAdmin, check: checkEntAdmin };

const DIR = 'test/fixtures/sites/clg-exemple.monbureaunumerique.fr/admin';
const WINTER = new Date(2027, 0, 12);

let win: Window | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await win?.happyDOM.close();
  win = undefined;
});

function open(file: string): Document {
  win = new Window({ url: `https://clg-exemple.monbureaunumerique.fr/admin/${file}` });
  win.document.write(readFileSync(`${DIR}/${file}`, 'utf8'));
  for (const select of win.document.querySelectorAll('select')) {
    const marked = [...select.options].findIndex((o) => o.hasAttribute('selected'));
    if (marked >= 0) select.selectedIndex = marked;
  }
  return win.document as unknown as Document;
}

async function until<T>(read: () => T | undefined | null | false, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every element inside Passerelle's shadow roots matching `selector`. */
function inShadows(doc: Document, selector: string): Element[] {
  return [...doc.querySelectorAll('[data-passerelle-host]')].flatMap((h) => [...(shadowOf(h)?.querySelectorAll(selector) ?? [])]);
}

const BERNARD: Suggestion = {
  lastName: 'Bernard',
  firstName: 'Charles-Edouard',
  className: '3A',
  pronoteId: 'UPGFUTETWO1F67DI',
  pronoteLabel: 'BERNARD Charles Édouard (3A)',
  category: 'student',
  score: 0.97,
  why: ['status:auto', 'lastName:exact', 'firstName:close', 'birthDate:swapped', 'unknownThing'],
};

describe('startEntHelper on the import wizard', () => {
  it('marks each row with no personal data; the suggestion comes only on the admin’s click, and its button fills the search field without submitting', async () => {
    const doc = open('import-jean-moulin.html');
    const marked: unknown[] = [];
    const revealed: unknown[] = [];
    const deps: EntHelperDeps = {
      marks: async (uai, rows) => {
        marked.push([uai, rows.length]);
        return rows.map((r) => r.lastName === 'BERNARD');
      },
      reveal: async (uai, row) => {
        revealed.push([uai, row.lastName, row.firstName, row.className]);
        return row.lastName === 'BERNARD' ? BERNARD : null;
      },
      loadedExportKind: async (uai) => (uai === '0482409H' ? 'all-users' : undefined),
      now: () => WINTER,
    };
    stop = startEntHelper(doc, PAGE, deps, { lang: 'fr', debounceMs: 20 });
    const lines = await until(() => {
      const l = inShadows(doc, '[data-passerelle-suggestion]');
      return l.length === 4 && l;
    });
    // One bulk ask of booleans for the four rows; no suggestion asked before a click.
    expect(marked).toEqual([['0482409H', 4]]);
    expect(revealed).toEqual([]);
    expect(lines.map((l) => l.getAttribute('data-passerelle-suggestion'))).toEqual(['none', 'available', 'none', 'none']);
    // Every row gets the same host, with nothing but the feature name on it.
    const hosts = [...doc.querySelectorAll('[data-passerelle-host="ent-suggestion"]')];
    expect(hosts).toHaveLength(4);
    expect(hosts.every((h) => h.attributes.length === 1 && h.shadowRoot === null)).toBe(true);
    expect(doc.body.textContent).not.toContain('Charles-Edouard');

    (lines[1].querySelector('button') as HTMLButtonElement).click();
    const line = await until(() => inShadows(doc, '[data-passerelle-suggestion="Bernard Charles-Edouard"]')[0]);
    expect(revealed).toEqual([['0482409H', 'BERNARD', 'Charles Édouard', '3A']]);
    expect(line.textContent).toContain('(3A)');
    expect(line.textContent).toContain('confiance 97 %');
    // The category in the page's language, never the code word ("student").
    expect(line.textContent).toContain('Personne Pronote\u202f: BERNARD Charles Édouard (3A) · élève');
    expect(line.textContent).toContain(
      'Pourquoi\u202f: rapproché automatiquement, nom identique, prénom proche, date de naissance jour et mois inversés, unknownThing',
    );
    // The suggestion sits in its own row.
    const host = line.getRootNode() as ShadowRoot;
    expect(host.host.closest('tr')?.textContent).toContain('BERNARD Charles Édouard');

    const mode = await until(() => inShadows(doc, '[data-passerelle-finding="import-mode-mismatch"]')[0]);
    expect(mode.textContent).toContain('le fichier chargé contient tous les utilisateurs');

    const search = doc.getElementById('recherche') as HTMLInputElement;
    const events: string[] = [];
    search.addEventListener('input', (e) => events.push(`input:${(e.target as HTMLInputElement).value}`));
    search.addEventListener('change', () => events.push('change'));
    let submitted = false;
    doc.getElementById('import')!.addEventListener('submit', () => {
      submitted = true;
    });
    (line.querySelector('button') as HTMLButtonElement).click();
    expect(search.value).toBe('Bernard Charles-Edouard');
    expect(events).toEqual(['input:Bernard Charles-Edouard', 'change']);
    expect(doc.activeElement).toBe(search);
    expect(submitted).toBe(false);
    await until(() => line.querySelector('button')?.textContent === 'Mis dans la recherche');
  });

  it('says why it shows nothing when the background refuses, and asks again once the page changes', async () => {
    const doc = open('import-jean-moulin.html');
    let confirmed = false;
    stop = startEntHelper(
      doc,
      PAGE,
      {
        marks: async (_u, rows) => (confirmed ? rows.map((r) => r.lastName === 'BERNARD') : { refused: 'host-not-school-ent' }),
        reveal: async () => BERNARD,
        loadedExportKind: async () => undefined,
        now: () => WINTER,
      },
      { lang: 'fr', debounceMs: 20 },
    );
    const refused = await until(() => inShadows(doc, '[data-passerelle-suggestion="host-not-school-ent"]')[0]);
    expect(refused.textContent).toContain('panneau Passerelle');
    expect(inShadows(doc, '[data-passerelle-suggestion="none"]')).toHaveLength(3);
    confirmed = true;
    doc.querySelector('.etape')!.textContent = 'Étape 2/6 : Élèves (actualisé)';
    await until(() => inShadows(doc, '[data-passerelle-suggestion="available"]').length === 1);
  });
});

describe('startEntHelper with rows the schema would refuse', () => {
  it('asks only about rows of acceptable size, so that one odd row does not silence the others', async () => {
    const doc = open('import-jean-moulin.html');
    const row = doc.querySelector('tbody tr td') as HTMLElement;
    row.textContent = `${'X'.repeat(150)} Personne`;
    const asked: string[][] = [];
    stop = startEntHelper(
      doc,
      PAGE,
      {
        marks: async (_u, rows) => {
          asked.push(rows.map((r) => r.lastName));
          return rows.map(() => true);
        },
        reveal: async () => null,
        loadedExportKind: async () => undefined,
        now: () => WINTER,
      },
      { lang: 'fr', debounceMs: 20 },
    );
    await until(() => inShadows(doc, '[data-passerelle-suggestion="available"]').length === 3);
    expect(asked[0]).toHaveLength(3);
    expect(asked[0].some((n) => n.length > 100)).toBe(false);
  });
});

describe('startEntHelper on the service screen', () => {
  it('judges the bloc version only after the admin asks the instance for its version', async () => {
    const doc = open('service-table.html');
    const urls: string[] = [];
    const published: string[][] = [];
    stop = startEntHelper(
      doc,
      PAGE,
      {
        marks: async () => ({ refused: 'no-rapprochement' }),
        reveal: async () => null,
        loadedExportKind: async () => undefined,
        pronoteVersion: async (url) => {
          urls.push(url);
          return [2024, 3, 7, 1];
        },
        publish: (r) => published.push(r.findings.map((f) => f.id)),
      },
      { lang: 'en', debounceMs: 20 },
    );
    await until(() => inShadows(doc, '[data-passerelle-finding]').length === 2);
    expect(urls).toEqual([]);
    expect(published[0]).toEqual(['service-cas-url-not-empty', 'service-url-not-pronote-root']);
    const button = await until(() => inShadows(doc, '[data-passerelle-version-check] button')[0] as HTMLButtonElement);
    expect(button.textContent).toBe('Check the Pronote version');
    button.click();
    const mismatch = await until(() => inShadows(doc, '[data-passerelle-finding="bloc-version-mismatch"]')[0]);
    expect(urls).toEqual(['https://0310047H.index-education.net/pronote/eleve.html']);
    expect(mismatch.textContent).toContain('The bloc Pronote is set to “PRONOTE 2023” while your Pronote runs version 2024');
    expect(published.at(-1)).toEqual(['service-cas-url-not-empty', 'service-url-not-pronote-root', 'bloc-version-mismatch']);
  });

  it('removes everything it showed when stopped', async () => {
    const doc = open('service-table.html');
    const s = startEntHelper(
      doc,
      PAGE,
      { marks: async () => ({ refused: 'no-rapprochement' }), reveal: async () => null, loadedExportKind: async () => undefined },
      { lang: 'fr', debounceMs: 20 },
    );
    await until(() => doc.querySelectorAll('[data-passerelle-host]').length > 0);
    s();
    expect(doc.querySelectorAll('[data-passerelle-host]')).toHaveLength(0);
  });
});

describe('fillSearchField', () => {
  it('fills inputs, textareas and editable elements; refuses anything else', () => {
    const doc = open('import-liste.html');
    const ta = doc.createElement('textarea');
    const editable = doc.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const span = doc.createElement('span');
    doc.body.append(ta, editable, span);
    expect(fillSearchField(ta, 'Martin Léna')).toBe(true);
    expect(ta.value).toBe('Martin Léna');
    expect(fillSearchField(editable, '<b>x</b>')).toBe(true);
    expect(editable.textContent).toBe('<b>x</b>');
    expect(editable.querySelector('b')).toBeNull();
    expect(fillSearchField(span, 'x')).toBe(false);
  });
});
