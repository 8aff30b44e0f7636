import { describe, expect, it } from 'vitest';
import { casEvidence, diagnosePage, pageAccess } from '../../../lib/diagnose/page';

function doc(html: string, title = 'PRONOTE'): Document {
  const d = document.implementation.createHTMLDocument(title);
  d.body.innerHTML = html;
  return d;
}

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

describe('casEvidence and pageAccess', () => {
  const page = 'https://0310047h.index-education.net/pronote/eleve.html?identifiant=x';
  it('the CAS server of the message wins', () => {
    expect(casEvidence(page, '', 'https://cas.ent27.fr/')).toBe('cas.ent27.fr');
  });
  it('a referrer on a CAS host or path proves a CAS redirect; an ordinary referrer does not', () => {
    expect(casEvidence(page, 'https://cas.monbureaunumerique.fr/')).toBe('cas.monbureaunumerique.fr');
    expect(casEvidence(page, 'https://ent.l-educdenormandie.fr/cas/login?service=x')).toBe('ent.l-educdenormandie.fr');
    expect(casEvidence(page, 'https://www.google.com/')).toBeUndefined();
    expect(casEvidence(page, 'https://0310047h.index-education.net/pronote/')).toBeUndefined();
    expect(casEvidence(page, '')).toBeUndefined();
  });
  it('pageAccess gives the root and the direct URL', () => {
    expect(pageAccess('https://0310047H.index-education.net/Pronote/parent.html')).toEqual({
      root: 'https://0310047h.index-education.net/Pronote/',
      loginTrue: false,
      directUrl: 'https://0310047h.index-education.net/Pronote/?login=true',
    });
    expect(pageAccess('https://0310047h.index-education.net/pronote/?login=true')?.loginTrue).toBe(true);
  });
});
