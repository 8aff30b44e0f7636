import { describe, expect, it } from 'vitest';
import { knownFailure } from '../../../lib/diagnose/known-failures';
import { diagnosePage, explainFailure, explainPageText } from '../../../lib/diagnose/page-failure';

function doc(html: string, title = 'PRONOTE'): Document {
  const d = document.implementation.createHTMLDocument(title);
  d.body.innerHTML = html;
  return d;
}

// The CAS error page as Pronote shows it (seed §5 FAQ), as `readPageText` reads it.
const CAS_ERROR = `PRONOTE
Échec de l'authentification par le serveur CAS https://cas.monbureaunumerique.fr :
Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote". Or aucun attribut n'a été renvoyé.`;

describe('diagnosePage', () => {
  it('recognises the CAS error page and the CAS server it names', () => {
    const d = doc(`<div class="message"><p>Échec de l'authentification par le serveur CAS https://cas.monbureaunumerique.fr :</p>
      <p>Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote".<br>Or aucun attribut n'a été renvoyé.</p></div>`);
    const r = diagnosePage(d);
    expect(r?.id).toBe('idpronote-missing');
    expect(r?.recognition.casUrl).toBe('https://cas.monbureaunumerique.fr');
  });

  it('recognises "Identification impossible"', () => {
    expect(diagnosePage(doc('<h2>Identification impossible</h2><p>Contactez votre établissement.</p>'))?.id).toBe('identification-impossible');
  });

  it('stays quiet on an ordinary page, even one that mentions ?login=true or choosing a school', () => {
    expect(diagnosePage(doc('<a href="?login=true">Accès direct</a> <p>Choisissez votre établissement</p>'))).toBeUndefined();
  });
});

describe('explainPageText', () => {
  it('explains the CAS error page in French, with the CAS server and its ENT project', () => {
    const e = explainPageText(CAS_ERROR, 'fr');
    const failure = knownFailure('idpronote-missing');
    expect(e).toEqual({
      id: 'idpronote-missing',
      title: failure.title.fr,
      symptom: failure.symptom.fr,
      causes: failure.causes.map((c) => c.fr),
      fix: failure.fix.map((f) => f.fr),
      supportFix: [],
      source: 'Guide d’intégration Pronote.net ⇄ ENT, § 5 (questions fréquentes)',
      casUrl: 'https://cas.monbureaunumerique.fr',
      casProject: 'Mon Bureau Numérique',
    });
    expect(e?.title).toMatch(/idPronote/);
  });

  it('speaks English when asked; a CAS host outside the catalogue has no project', () => {
    const e = explainPageText(CAS_ERROR.replace('cas.monbureaunumerique.fr', 'cas.ent-inconnu.fr'), 'en');
    expect(e?.title).toBe('The ENT’s CAS did not return the Pronote identifier (idPronote)');
    expect(e?.casUrl).toBe('https://cas.ent-inconnu.fr');
    expect(e).not.toHaveProperty('casProject');
  });

  it('gives nothing for an ordinary page, nor for a failure people describe but Pronote never shows', () => {
    expect(explainPageText('PRONOTE\nEspace Parents\nCOLLEGE JEAN JAURES', 'fr')).toBeUndefined();
    // "export menu missing" is recognised in pasted text, never on a page.
    expect(explainPageText('Je ne vois pas le menu d’export des identifiants Pronote', 'fr')).toBeUndefined();
  });
});

describe('explainFailure', () => {
  it('carries the support person’s steps when the entry has them', () => {
    const e = explainFailure('pronote-access-denied', 'fr');
    expect(e.supportFix).toEqual(knownFailure('pronote-access-denied').supportFix?.map((s) => s.fr));
    expect(e.supportFix.length).toBeGreaterThan(0);
    expect(e).not.toHaveProperty('casUrl');
  });
});
