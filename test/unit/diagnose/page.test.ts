import { describe, expect, it } from 'vitest';
import { PAGE_TEXT_MAX, casEvidence, pageAccess, readPageText } from '../../../lib/diagnose/page';

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

describe('readPageText', () => {
  it('reads the title and the body text, cut at PAGE_TEXT_MAX; nothing without a body', () => {
    const d = document.implementation.createHTMLDocument('');
    d.title = 'PRONOTE';
    d.body.innerHTML = `<h2>Identification impossible</h2><p>${'Contactez votre établissement. '.repeat(1000)}</p>`;
    const text = readPageText(d);
    expect(text?.slice(0, 42)).toBe('PRONOTE\nIdentification impossibleContactez');
    expect(text).toHaveLength(PAGE_TEXT_MAX);
    d.documentElement.removeChild(d.body);
    expect(readPageText(d)).toBeUndefined();
  });
});
