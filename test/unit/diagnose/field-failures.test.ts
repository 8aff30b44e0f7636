import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { FAILURE_IDS } from '../../../lib/diagnose/failure';
import { FIELD_FAILURES } from '../../../lib/diagnose/field-failures';
import { KNOWN_FAILURES } from '../../../lib/diagnose/known-failures';
import { recogniseText } from '../../../lib/diagnose/recognise';
import { FIELD_REPORT_TEXTS } from './field-reports';

const fired = (text: string) => recogniseText(text).matches.map((m) => m.id);

/** The visible text of every fixture page (Pronote espaces, hosting console, ENT admin screens). */
function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // The demo's landing page (demo.passerelle.test) is our own table of contents: it names the
      // failures each demo screen shows, and no Pronote, ENT or console server serves it.
      if (entry.isDirectory()) {
        if (entry.name !== 'demo.passerelle.test') walk(path);
      } else if (entry.name.endsWith('.html')) {
        const window = new Window();
        window.document.write(readFileSync(path, 'utf8'));
        for (const s of window.document.querySelectorAll('script, style')) s.remove();
        out.push({ name: path, text: `${window.document.title}\n${window.document.body?.textContent ?? ''}` });
        window.close();
      }
    }
  };
  walk('test/fixtures/sites');
  return out;
}

// Pages that show a failure on purpose (the e2e error pages; their message is drawn by script).
const FAILURE_PAGES = new Set([
  'test/fixtures/sites/0310047h.index-education.net/pronote/eleve.html',
  'test/fixtures/sites/0310047h.index-education.net/pronote/professeur.html',
]);

// Ordinary login pages as users see them (wording of the ENT and EduConnect login screens).
const LOGIN_PAGES = [
  'Connexion\nIdentifiant\nMot de passe\nSe connecter\nMot de passe oublié ?\nJe me connecte avec ÉduConnect\nÉlève ou parent\nPersonnel de l’établissement\nAutres publics',
  'PRONOTE\nEspace Parents\nIdentifiant\nMot de passe\nSe connecter\nJ’ai oublié mon identifiant ou mon mot de passe\nPRONOTE 2024 - © Index Éducation',
  'ÉduConnect\nJe sélectionne mon profil\nReprésentant légal\nÉlève\nIdentifiant\nMot de passe\nSe connecter\nIdentifiant oublié\nMot de passe oublié\nFranceConnect',
  'Central Authentication Service\nEntrez votre identifiant et votre mot de passe.\nIdentifiant :\nMot de passe :\nSE CONNECTER\nPour des raisons de sécurité, veuillez vous déconnecter et fermer votre navigateur lorsque vous avez fini d’accéder aux services authentifiés.',
];

describe('the failures from the field', () => {
  it('each entry has recognisers, causes, fixes for admin and support, and its public reports', () => {
    for (const f of FIELD_FAILURES) {
      expect(f.signals.length, f.id).toBeGreaterThan(0);
      expect(f.causes.length, f.id).toBeGreaterThan(0);
      expect(f.fix.length, f.id).toBeGreaterThan(0);
      expect(f.supportFix?.length ?? 0, f.id).toBeGreaterThan(0);
      expect(f.reports?.length ?? 0, f.id).toBeGreaterThan(0);
      for (const r of f.reports ?? []) {
        expect(r.repository, f.id).toMatch(/^[\w-]+\/[\w.-]+$/);
        expect(Number.isInteger(r.issue) && r.issue > 0, f.id).toBe(true);
        expect(f.source, f.id).toContain(r.repository);
      }
    }
    expect(new Set(KNOWN_FAILURES.map((f) => f.id)).size).toBe(KNOWN_FAILURES.length);
  });

  it('every new entry is recognised from a verbatim text people posted', () => {
    for (const f of FIELD_FAILURES) {
      const own = FIELD_REPORT_TEXTS.filter((r) => r.expected.includes(f.id));
      expect(own.length, `${f.id} has no real text`).toBeGreaterThan(0);
      // Every report the texts come from is one the entry cites.
      for (const r of own) expect(f.source, `${f.id} cites ${r.source}`).toContain(r.source.split(' ')[0]);
    }
  });

  for (const report of FIELD_REPORT_TEXTS) {
    it(`${report.source}: ${report.expected.join(', ') || 'nothing'} and nothing else`, () => {
      expect(new Set(fired(report.text))).toEqual(new Set(report.expected));
    });
  }

  it('recognises Pronote’s numbered errors by number and text', () => {
    expect(recogniseText("Unknown error from pronote: 21 | Impossible d'afficher la page").pronoteError).toEqual({
      number: 21,
      text: 'Impossible d’afficher la page',
    });
    expect(recogniseText('Unknown error from pronote: 3 | Accès refusé').pronoteError).toEqual({ number: 3, text: 'Accès refusé' });
    expect(recogniseText('{"Erreur":{"G":14,"Titre":"La page a expir\\u00E9 ! (7)","Message":""}}').pronoteError).toEqual({
      number: 14,
      text: 'La page a expiré ! (7)',
    });
    // The number alone, or the words alone, are not enough for the short, common ones.
    expect(fired('Accès refusé')).toEqual([]);
    expect(fired('Erreur 21')).toEqual([]);
    expect(fired("Impossible d'afficher la page")).toEqual([]);
    expect(fired('12 | Accès refusé aux notes')).toEqual([]);
  });

  it('fires nothing on ordinary Pronote, ENT and console pages, nor on login pages', () => {
    const pages = fixtureTexts();
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const onPurpose = FAILURE_PAGES.has(page.name);
      const ids = fired(page.text).filter((id) => FIELD_FAILURES.some((f) => f.id === id) || !onPurpose);
      // On the ENT import screens, the guide's "non reconnus" count is what they show on purpose.
      const allowed = /import-/.test(page.name) ? ['guardians-unrecognised'] : [];
      expect(
        ids.filter((id) => !allowed.includes(id)),
        page.name,
      ).toEqual([]);
    }
    for (const text of LOGIN_PAGES) expect(fired(text), text.slice(0, 40)).toEqual([]);
  });
});

describe('the data file field-failures.json', () => {
  const raw = JSON.parse(readFileSync('lib/diagnose/field-failures.json', 'utf8')) as {
    id: string;
    signals: { pattern: string }[];
    source: string;
  }[];

  it('names each failure once, by a known id, with a developer source', () => {
    const ids = raw.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(FAILURE_IDS).toContain(id);
    for (const entry of raw) expect(entry.source.length).toBeGreaterThan(20);
  });

  it('holds patterns that compile and are not repeated within an entry', () => {
    for (const entry of raw) {
      const patterns = entry.signals.map((s) => s.pattern);
      expect(new Set(patterns).size).toBe(patterns.length);
      for (const p of patterns) expect(() => new RegExp(p)).not.toThrow();
    }
  });
});

describe('URLs quoted in a pasted text', () => {
  it('gives the direct URL of the Pronote server behind a quoted login URL, and names the ENT', () => {
    // delphiki/hass-pronote issue 16 (the Wilapa callback) and bain3/pronotepy issue 211 (itslearning).
    const wilapa = recogniseText(
      'Cela renvoie sur l\'adresse:\nhttps://wilapa-guyane.com/auth/saml/wayf?callback=https%3A%2F%2Fwilapa-guyane.com%2Fcas%2Flogin%3Fservice%3Dhttps%253A%252F%252F9730108E.index-education.net%252Fpronote%252Fparent.html#/\nJe clique sur "Parent"',
    );
    expect(wilapa.directUrl).toBe('https://9730108e.index-education.net/pronote/?login=true');
    expect(wilapa.entLogin?.project.id).toBe('wilapa');
    const leia = recogniseText(
      'the authentication link is : https://cas.itslearning.com/cas-prod/login?service=https:%2F%2F6200001G.index-education.net%2Fpronote%2Feleve.html',
    );
    expect(leia).toMatchObject({ directUrl: 'https://6200001g.index-education.net/pronote/?login=true', entLogin: { host: 'cas.itslearning.com' } });
    // A login URL whose service is no Pronote gives no direct URL; an ENT page alone names its ENT.
    const mbn = recogniseText('[ENT https://cas.monbureaunumerique.fr/login?selection=EDU&service=https://example.com/] Logging in with xxxxxx');
    expect(mbn.directUrl).toBeUndefined();
    expect(mbn.entLogin?.project.id).toBe('mon-bureau-numerique');
    expect(recogniseText('voir http://192.168.1.20:8080/ et https://www.google.com/').directUrl).toBeUndefined();
  });
});
