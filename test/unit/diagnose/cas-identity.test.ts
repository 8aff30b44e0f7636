import { describe, expect, it } from 'vitest';
import { readCasResponse } from '../../../lib/diagnose/cas-response';

// What Open ENT NG's CAS releases to Pronote (edificeio/entcore,
// cas/src/main/java/org/entcore/cas/services/PronoteRegisteredService.java): nom, prenom,
// dateNaissance turned to dd/mm/yyyy, codePostal, categories National_1..4 joined by ";".
const openEntNg = (attrs: string, user = 'f1e2d3c4-0000-4000-8000-000000000001') =>
  `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>${user}</cas:user><cas:attributes>${attrs}</cas:attributes></cas:authenticationSuccess></cas:serviceResponse>`;
const FULL = openEntNg(
  '<cas:nom>MARTIN</cas:nom><cas:prenom>Léa</cas:prenom><cas:dateNaissance>14/03/2011</cas:dateNaissance><cas:codePostal>77000</cas:codePostal><cas:categories>National_1</cas:categories>',
);

describe('readCasResponse: the two recognition modes', () => {
  it('reads an Open ENT NG response as the identity mode, not as an idPronote failure', () => {
    const r = readCasResponse(FULL);
    expect(r).toMatchObject({ kind: 'success', mode: 'identity', expectedPresent: false });
    if (r.kind !== 'success') throw new Error('not a success');
    expect(r.failureId).toBeUndefined();
    expect(r.identity).toEqual({
      nom: 'MARTIN',
      prenom: 'Léa',
      dateNaissance: '14/03/2011',
      birthDateValid: true,
      codePostal: '77000',
      categories: [{ code: 'National_1', category: 'student' }],
      missing: [],
    });
    expect(r.meaning.fr).toMatch(/identité de l’utilisateur/);
    expect(r.meaning.fr).not.toMatch(/idPronote/);
  });

  it('splits categories joined by ";" (a person both guardian and staff)', () => {
    const r = readCasResponse(
      openEntNg(
        '<cas:nom>DURAND</cas:nom><cas:prenom>Paul</cas:prenom><cas:dateNaissance>02/11/1979</cas:dateNaissance><cas:categories>National_2;National_4</cas:categories>',
      ),
    );
    expect(r.kind === 'success' && r.identity?.categories.map((c) => c.category)).toEqual(['guardian', 'staff']);
  });

  it('checks what the identity mode needs: names, a dd/mm/yyyy birth date, a known category', () => {
    const noDate = readCasResponse(openEntNg('<cas:nom>MARTIN</cas:nom><cas:prenom>Léa</cas:prenom><cas:categories>National_1</cas:categories>'));
    expect(noDate).toMatchObject({ mode: 'identity', failureId: 'identification-impossible', identity: { missing: ['dateNaissance'] } });
    const isoDate = readCasResponse(
      openEntNg(
        '<cas:nom>MARTIN</cas:nom><cas:prenom>Léa</cas:prenom><cas:dateNaissance>2011-03-14</cas:dateNaissance><cas:categories>National_1</cas:categories>',
      ),
    );
    expect(isoDate).toMatchObject({ mode: 'identity', failureId: 'identification-impossible', identity: { birthDateValid: false, missing: [] } });
    const badDay = readCasResponse(
      openEntNg('<cas:nom>A</cas:nom><cas:prenom>B</cas:prenom><cas:dateNaissance>31/02/2011</cas:dateNaissance><cas:categories>National_3</cas:categories>'),
    );
    expect(badDay).toMatchObject({ identity: { birthDateValid: false } });
    const noCategory = readCasResponse(openEntNg('<cas:nom>A</cas:nom><cas:prenom>B</cas:prenom><cas:dateNaissance>01/01/2000</cas:dateNaissance>'));
    expect(noCategory).toMatchObject({ failureId: 'identification-impossible', identity: { missing: ['categories'] } });
  });

  it('says idPronote is missing only when the mode needs it', () => {
    // Configured for the identifier mode, the same response lacks the identifier, with a hint.
    const asIdentifier = readCasResponse(FULL, 'idPronote', 'identifier');
    expect(asIdentifier).toMatchObject({ mode: 'identifier', failureId: 'idpronote-missing' });
    if (asIdentifier.kind === 'success') expect(asIdentifier.meaning.fr).toMatch(/mode «\u202fidentité de l’utilisateur\u202f»/);
    // A response with the identifier is the identifier mode, identity attributes beside it or not.
    const both = readCasResponse(openEntNg('<cas:idPronote>0310047H$12345</cas:idPronote><cas:nom>MARTIN</cas:nom><cas:prenom>Léa</cas:prenom>'));
    expect(both).toMatchObject({ mode: 'identifier', expectedPresent: true, expectedValue: '0310047H$12345' });
    // One identity attribute alone decides nothing: still the identifier mode, idPronote missing.
    expect(readCasResponse(openEntNg('<cas:nom>MARTIN</cas:nom>'))).toMatchObject({ mode: 'identifier', failureId: 'idpronote-missing' });
    // A case variant of the expected attribute keeps the identifier mode.
    expect(readCasResponse(openEntNg('<cas:idpronote>1</cas:idpronote><cas:nom>M</cas:nom><cas:prenom>L</cas:prenom>'))).toMatchObject({
      mode: 'identifier',
      caseVariant: 'idpronote',
    });
    // Configured for the identity mode, a response without identity says what is missing.
    expect(readCasResponse(openEntNg('<cas:idPronote>7</cas:idPronote>'), 'idPronote', 'identity')).toMatchObject({
      mode: 'identity',
      failureId: 'identification-impossible',
      identity: { missing: ['nom', 'prenom', 'dateNaissance', 'categories'] },
    });
  });

  it('reads the identity mode from SAML 1.1 too', () => {
    const saml = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><saml1p:Response xmlns:saml1p="urn:oasis:names:tc:SAML:1.0:protocol"><saml1p:Status><saml1p:StatusCode Value="saml1p:Success"/></saml1p:Status><saml1:Assertion xmlns:saml1="urn:oasis:names:tc:SAML:1.0:assertion"><saml1:AttributeStatement><saml1:Subject><saml1:NameIdentifier>u1</saml1:NameIdentifier></saml1:Subject><saml1:Attribute AttributeName="nom"><saml1:AttributeValue>MARTIN</saml1:AttributeValue></saml1:Attribute><saml1:Attribute AttributeName="prenom"><saml1:AttributeValue>Léa</saml1:AttributeValue></saml1:Attribute><saml1:Attribute AttributeName="dateNaissance"><saml1:AttributeValue>14/03/2011</saml1:AttributeValue></saml1:Attribute><saml1:Attribute AttributeName="categories"><saml1:AttributeValue>National_1</saml1:AttributeValue></saml1:Attribute></saml1:AttributeStatement></saml1:Assertion></saml1p:Response></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    expect(readCasResponse(saml)).toMatchObject({ kind: 'success', protocol: 'saml11', mode: 'identity', identity: { missing: [] } });
  });
});
