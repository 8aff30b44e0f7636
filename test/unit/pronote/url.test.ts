import { describe, expect, it } from 'vitest';
import { ESPACES, directUrl, isValidUai, pronoteRoot, readPronoteUrl, uaiFromUrl } from '../../../lib/pronote/url';

describe('Pronote URLs', () => {
  it('finds the root from espace and mobile pages, queries and fragments, keeping the path case', () => {
    const root = 'https://0310047h.index-education.net/pronote/';
    expect(pronoteRoot('https://0310047H.index-education.net/pronote/')).toBe(root);
    expect(pronoteRoot('https://0310047h.index-education.net/pronote/eleve.html')).toBe(root);
    expect(pronoteRoot('https://0310047h.index-education.net/pronote/mobile.parent.html?fd=1#x')).toBe(root);
    expect(pronoteRoot('https://0310047h.index-education.net/pronote/parent.html?identifiant=Abc123')).toBe(root);
    expect(pronoteRoot('https://0310047h.index-education.net/pronote?login=true')).toBe(root);
    expect(pronoteRoot('0310047h.index-education.net/pronote/professeur.html')).toBe(root);
    expect(pronoteRoot('https://RNE.index-education.net/Pronote/')).toBe('https://rne.index-education.net/Pronote/');
    expect(pronoteRoot('https://0310047h.index-education.net/pronote/infoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4')).toBe(root);
  });

  it('keeps the port and the scheme of a self-hosted server (seed FAQ)', () => {
    expect(pronoteRoot('http://clg-mariecurie.ac-lyon.fr:81/Pronote/')).toBe('http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
    expect(pronoteRoot('http://CLG-MarieCurie.ac-lyon.fr:81/Pronote/direction.html')).toBe('http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
  });

  it('gives the direct URL with ?login=true: host in lower case, path case kept', () => {
    expect(directUrl('http://clg-mariecurie.ac-lyon.fr:81/Pronote/')).toBe('http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true');
    expect(directUrl('https://0310047H.index-education.net/Pronote/eleve.html')).toBe('https://0310047h.index-education.net/Pronote/?login=true');
    expect(directUrl('https://0310047h.index-education.net/pronote/?login=true')).toBe('https://0310047h.index-education.net/pronote/?login=true');
    expect(directUrl('not a url at all')).toBeUndefined();
    expect(directUrl('')).toBeUndefined();
  });

  it('reads the espace, the mobile page and login=true', () => {
    expect(readPronoteUrl('https://0310047h.index-education.net/pronote/mobile.eleve.html?login=TRUE')).toEqual({
      root: 'https://0310047h.index-education.net/pronote/',
      espace: 'eleve',
      mobile: true,
      loginTrue: true,
      uai: '0310047H',
      hosted: true,
    });
    for (const e of ESPACES) expect(readPronoteUrl(`https://x.example.fr/pronote/${e.file}`)?.espace).toBe(e.id);
  });

  it('gives the UAI of a hosted instance only', () => {
    expect(uaiFromUrl('https://0752536z.index-education.net/pronote/')).toBe('0752536Z');
    expect(uaiFromUrl('https://hebergement.index-education.net/')).toBeUndefined();
    expect(uaiFromUrl('http://clg-mariecurie.ac-lyon.fr:81/Pronote/')).toBeUndefined();
    expect(isValidUai('0310047H')).toBe(true);
    expect(isValidUai('0752536z')).toBe(true);
    expect(isValidUai('0310047A')).toBe(false);
    expect(isValidUai('031047H')).toBe(false);
  });

  it('lists the nine espaces of DOMAIN.md', () => {
    expect(ESPACES.map((e) => e.file)).toEqual([
      'eleve.html',
      'parent.html',
      'professeur.html',
      'viescolaire.html',
      'direction.html',
      'accompagnant.html',
      'entreprise.html',
      'academie.html',
      'inscription.html',
    ]);
  });
});
