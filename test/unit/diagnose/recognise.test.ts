import { describe, expect, it } from 'vitest';
import { KNOWN_FAILURES, type FailureId, knownFailure } from '../../../lib/diagnose/known-failures';
import { recogniseText } from '../../../lib/diagnose/recognise';
import { FAILURE_IDS } from '../../../lib/diagnose/failure';

const first = (text: string) => recogniseText(text).matches[0]?.id;

// The message exactly as the seed's FAQ prints it (§5), placeholder host included.
const SEED_IDPRONOTE =
  "Échec de l'authentification par le serveur CAS https://cas.nomduprojet.fr : \n" +
  'Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote". Or aucun attribut \n' +
  "n'a été renvoyé.";

describe('the knowledge base', () => {
  it('holds the stable ids (the guide’s nine, then the field’s), each with causes, a fix and a source in both languages', () => {
    // The declared list is the contract that stored references and field-failures.ts rely on; the guide's failure comes first.
    expect(KNOWN_FAILURES.map((f) => f.id)).toEqual([...FAILURE_IDS]);
    expect(KNOWN_FAILURES[0].id).toBe('idpronote-missing');
    for (const f of KNOWN_FAILURES) {
      expect(f.causes.length, f.id).toBeGreaterThan(0);
      expect(f.fix.length, f.id).toBeGreaterThan(0);
      for (const text of [f.title, f.symptom, ...f.causes, ...f.fix]) {
        expect(text.fr.trim(), f.id).not.toBe('');
        expect(text.en.trim(), f.id).not.toBe('');
        expect(text.fr, f.id).not.toBe(text.en);
      }
      expect(f.source).toMatch(/seed|DOMAIN|Index|issue/i);
      // What school staff see names documents they can find, never the developers' references.
      for (const shown of [f.shownSource.fr, f.shownSource.en]) {
        expect(shown.trim(), f.id).not.toBe('');
        expect(shown, f.id).not.toMatch(/seed|DOMAIN|issue|known failure/i);
      }
      expect(f.shownSource.fr, f.id).not.toBe(f.shownSource.en);
    }
    expect(knownFailure('idpronote-missing').shownSource.fr).toBe('Guide d’intégration Pronote.net ⇄ ENT, § 5 (questions fréquentes)');
    expect(knownFailure('pronote-not-published').shownSource.fr).toContain('Fiche d’assistance Index Éducation 1523');
  });

  it('gives the seed’s fix for the idPronote error: Pronote in the racine field', () => {
    const f = knownFailure('idpronote-missing');
    expect(f.fix.map((s) => s.fr).join(' ')).toMatch(/«\u202fPronote\u202f» dans le champ racine/);
    expect(f.causes[0].fr).toMatch(/identifiant Pronote/);
  });

  it('throws on an unknown id', () => {
    expect(() => knownFailure('nope' as FailureId)).toThrow(/Unknown failure id/);
  });
});

describe('recogniseText: the idPronote message', () => {
  it('recognises the seed’s text and extracts the CAS server and the attribute', () => {
    const r = recogniseText(SEED_IDPRONOTE);
    expect(r.matches[0].id).toBe('idpronote-missing');
    expect(r.casUrl).toBe('https://cas.nomduprojet.fr');
    expect(r.attributeName).toBe('idPronote');
  });

  it('recognises it with the real CAS host, without accents, on one line, with typographic quotes', () => {
    const r = recogniseText(
      "Echec de l'authentification par le serveur CAS https://cas.monbureaunumerique.fr/ : Le serveur CAS doit etre configure pour renvoyer un attribut “idPronote”. Or aucun attribut n’a ete renvoye.",
    );
    expect(r.matches[0].id).toBe('idpronote-missing');
    expect(r.casUrl).toBe('https://cas.monbureaunumerique.fr/');
    expect(r.attributeName).toBe('idPronote');
  });

  it('recognises partial copies', () => {
    expect(first('Or aucun attribut n’a été renvoyé.')).toBe('idpronote-missing');
    expect(first('le serveur CAS doit être configuré pour renvoyer un attribut')).toBe('idpronote-missing');
    expect(first('ÉCHEC DE L’AUTHENTIFICATION PAR LE SERVEUR CAS – idPronote')).toBe('idpronote-missing');
  });

  it('recognises the message broken across lines in the middle of words’ spacing (mail copy)', () => {
    const mail =
      '> Échec de\n> l\'authentification par le serveur\r\n> CAS https://cas.ent27.fr :\n> Le serveur CAS doit être\n> configuré pour renvoyer un attribut\n> "idPronote".';
    const r = recogniseText(mail.replace(/^> /gm, ''));
    expect(r.matches[0].id).toBe('idpronote-missing');
    expect(r.casUrl).toBe('https://cas.ent27.fr');
  });

  it('recognises copies that lost their apostrophes', () => {
    const r = recogniseText('Echec de l authentification par le serveur CAS https://cas.eclat-bfc.fr : Or aucun attribut n a ete renvoye');
    expect(r.matches[0].id).toBe('idpronote-missing');
    expect(r.casUrl).toBe('https://cas.eclat-bfc.fr');
    expect(first('Echec de lauthentification par le serveur CAS. Or aucun attribut na ete renvoye')).toBe('idpronote-missing');
  });

  it('reads another configured attribute name', () => {
    const r = recogniseText('Le serveur CAS doit être configuré pour renvoyer un attribut "ENTPersonIdPronote".');
    expect(r.matches[0].id).toBe('idpronote-missing');
    expect(r.attributeName).toBe('ENTPersonIdPronote');
  });
});

describe('recogniseText: the other failures, with copy variants', () => {
  const cases: [FailureId, string[]][] = [
    ['identification-impossible', ['Identification impossible', 'IDENTIFICATION IMPOSSIBLE.\nVeuillez contacter votre établissement']],
    [
      'cas-service-not-allowed',
      [
        'Application non autorisée à utiliser CAS',
        'Application Not Authorized to Use CAS\nThe application you attempted to authenticate to is not authorized to use CAS.',
        "L'application pour laquelle vous avez tenté de vous authentifier n'est pas autorisee a utiliser CAS.",
        '<cas:authenticationFailure code="UNAUTHORIZED_SERVICE">',
      ],
    ],
    ['pronote-not-published', ['503 Service Unavailable', 'Erreur HTTP 503 – service indisponible', 'la base n’est pas publiée']],
    [
      'duplicate-pronote-account',
      ['Cet identifiant CAS est déjà associé à un autre utilisateur', 'il y a un doublon, le compte a déjà été utilisé pour une connexion depuis l’ENT'],
    ],
    [
      'direct-url-changed',
      [
        "Depuis que le connecteur est en place, l'adresse http://clg-mariecurie.ac-lyon.fr:81/Pronote/ ne fonctionne plus",
        'Le lien Pronote ne marche plus, on est redirigé vers l’ENT',
      ],
    ],
    [
      'export-menu-missing',
      ['Je ne vois pas la fonctionnalité d’export des identifiants dans le client Pronote', "Le menu Exporter les identifiants PRONOTE n'apparait pas"],
    ],
    [
      'guardians-unrecognised',
      ['Lors de l’import, j’ai un nombre important de tuteurs non reconnus', '450 responsables non reconnus à l’étape 3', 'many unrecognised guardians'],
    ],
    ['school-choice-page', ['Une page me demande de choisir l’établissement', 'Sélectionnez votre établissement', 'I have to select the school first']],
  ];
  for (const [id, texts] of cases) {
    for (const text of texts) {
      it(`${id}: ${JSON.stringify(text.slice(0, 50))}`, () => {
        expect(first(text)).toBe(id);
      });
    }
  }

  it('gives the direct URL of the Pronote address quoted, path case and port kept', () => {
    expect(recogniseText("l'adresse http://clg-mariecurie.ac-lyon.fr:81/Pronote/ ne fonctionne plus").directUrl).toBe(
      'http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true',
    );
    expect(recogniseText('voir https://0310047H.index-education.net/pronote/eleve.html.').directUrl).toBe(
      'https://0310047h.index-education.net/pronote/?login=true',
    );
    expect(recogniseText(SEED_IDPRONOTE).directUrl).toBeUndefined();
  });

  it('recognises nothing in unrelated text or in a lone weak signal', () => {
    expect(recogniseText('Bonjour, les notes du trimestre sont en ligne.').matches).toEqual([]);
    expect(recogniseText('').matches).toEqual([]);
    expect(recogniseText('503').matches).toEqual([]);
    expect(recogniseText('doublon').matches).toEqual([]);
  });

  it('ranks the most evident failure first when a ticket mixes several', () => {
    const r = recogniseText(`${SEED_IDPRONOTE}\nAussi : 12 responsables non reconnus.`);
    expect(r.matches.map((m) => m.id)).toEqual(['idpronote-missing', 'guardians-unrecognised']);
  });
});
