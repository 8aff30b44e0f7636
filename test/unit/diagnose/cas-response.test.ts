import { describe, expect, it } from 'vitest';
import { looksLikeCasResponse, readCasResponse } from '../../../lib/diagnose/cas-response';

// Layouts of the CAS Protocol 3.0 specification (§2.5.2, §2.5.3, §4.2), values of this project's domain.
const P3_SUCCESS = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>jmartin12</cas:user>
    <cas:attributes>
      <cas:idPronote>74CPUWN8RAJQVM5K</cas:idPronote>
      <cas:nom>MARTIN</cas:nom>
      <cas:prenom>Julie</cas:prenom>
      <cas:categories>National_3</cas:categories>
      <cas:categories>National_4</cas:categories>
    </cas:attributes>
    <cas:proxyGrantingTicket>PGTIOU-84678-8a9d</cas:proxyGrantingTicket>
  </cas:authenticationSuccess>
</cas:serviceResponse>`;

// Open ENT NG's Pronote service releases identity fields, not idPronote (DOMAIN.md).
const OPEN_ENT_NG_SUCCESS = `<?xml version="1.0" encoding="UTF-8"?>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
<cas:authenticationSuccess>
<cas:user>f3a1c2d4-0b1e-4c55-9a7e-2b8c7d6e5f40</cas:user>
<cas:attributes>
<cas:nom>Dupont-Lefèvre</cas:nom>
<cas:prenom>Anne-Sophie</cas:prenom>
<cas:dateNaissance>04/11/2011</cas:dateNaissance>
<cas:codePostal>31000</cas:codePostal>
<cas:categories>National_1</cas:categories>
</cas:attributes>
</cas:authenticationSuccess>
</cas:serviceResponse>`;

const CAS2_NO_ATTRIBUTES = `<cas:serviceResponse xmlns:cas='http://www.yale.edu/tp/cas'>
    <cas:authenticationSuccess>
        <cas:user>jmartin12</cas:user>
    </cas:authenticationSuccess>
</cas:serviceResponse>`;

const SAML_SUCCESS = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
 <SOAP-ENV:Header/>
 <SOAP-ENV:Body>
  <Response xmlns="urn:oasis:names:tc:SAML:1.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion"
    xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" IssueInstant="2026-09-02T07:45:12.033Z" MajorVersion="1"
    MinorVersion="1" Recipient="https://0310047h.index-education.net/pronote/" ResponseID="_5f2c">
   <Status><StatusCode Value="samlp:Success"></StatusCode></Status>
   <Assertion xmlns="urn:oasis:names:tc:SAML:1.0:assertion" AssertionID="_e1d3" IssueInstant="2026-09-02T07:45:12.033Z"
     Issuer="cas.monbureaunumerique.fr" MajorVersion="1" MinorVersion="1">
    <AttributeStatement>
     <Subject><NameIdentifier>jmartin12</NameIdentifier></Subject>
     <Attribute AttributeName="idPronote" AttributeNamespace="http://www.ja-sig.org/products/cas/">
      <AttributeValue>74CPUWN8RAJQVM5K</AttributeValue>
     </Attribute>
     <Attribute AttributeName="mail" AttributeNamespace="http://www.ja-sig.org/products/cas/">
      <AttributeValue>julie.martin@example.fr</AttributeValue>
     </Attribute>
    </AttributeStatement>
    <AuthenticationStatement AuthenticationInstant="2026-09-02T07:45:11.000Z"
      AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:password">
     <Subject><NameIdentifier>jmartin12</NameIdentifier></Subject>
    </AuthenticationStatement>
   </Assertion>
  </Response>
 </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

const SAML_FAILURE = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>
<Response xmlns="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1" ResponseID="_1">
<Status><StatusCode Value="samlp:Responder"/><StatusMessage>Ticket ST-1-abc not recognized</StatusMessage></Status>
</Response></SOAP-ENV:Body></SOAP-ENV:Envelope>`;

describe('readCasResponse: successes', () => {
  it('p3/serviceValidate with idPronote: the user, every attribute, the identifier', () => {
    const r = readCasResponse(P3_SUCCESS);
    expect(r.kind).toBe('success');
    if (r.kind !== 'success') return;
    expect(r.protocol).toBe('cas');
    expect(r.user).toBe('jmartin12');
    expect(r.expectedPresent).toBe(true);
    expect(r.expectedValue).toBe('74CPUWN8RAJQVM5K');
    expect(r.failureId).toBeUndefined();
    expect(r.attributes).toEqual([
      { name: 'idPronote', values: ['74CPUWN8RAJQVM5K'] },
      { name: 'nom', values: ['MARTIN'] },
      { name: 'prenom', values: ['Julie'] },
      { name: 'categories', values: ['National_3', 'National_4'] },
    ]);
    expect(r.meaning.fr).toContain('74CPUWN8RAJQVM5K');
  });

  it('identity attributes without idPronote are the identity mode (issue 17), an idPronote failure only in the identifier mode', () => {
    const auto = readCasResponse(OPEN_ENT_NG_SUCCESS);
    if (auto.kind !== 'success') throw new Error(auto.kind);
    expect(auto.mode).toBe('identity');
    expect(auto.failureId).toBeUndefined();
    const r = readCasResponse(OPEN_ENT_NG_SUCCESS, 'idPronote', 'identifier');
    if (r.kind !== 'success') throw new Error(r.kind);
    expect(r.expectedPresent).toBe(false);
    expect(r.failureId).toBe('idpronote-missing');
    expect(r.attributes.map((a) => a.name)).toEqual(['nom', 'prenom', 'dateNaissance', 'codePostal', 'categories']);
    expect(r.attributes[0].values).toEqual(['Dupont-Lefèvre']);
    expect(r.meaning.fr).toMatch(/pas «\u202fidPronote\u202f»/);
  });

  it('the same response passes when the configured attribute name is one it carries', () => {
    const r = readCasResponse(OPEN_ENT_NG_SUCCESS, 'dateNaissance');
    if (r.kind !== 'success') throw new Error(r.kind);
    expect(r.expectedPresent).toBe(true);
    expect(r.expectedValue).toBe('04/11/2011');
  });

  it('no attribute at all: the "aucun attribut" case, with the advice to use p3 or samlValidate', () => {
    const r = readCasResponse(CAS2_NO_ATTRIBUTES);
    if (r.kind !== 'success') throw new Error(r.kind);
    expect(r.attributes).toEqual([]);
    expect(r.failureId).toBe('idpronote-missing');
    expect(r.meaning.fr).toMatch(/p3\/serviceValidate/);
  });

  it('an empty idPronote means the account was not paired', () => {
    const r = readCasResponse(P3_SUCCESS.replace('74CPUWN8RAJQVM5K', ''));
    if (r.kind !== 'success') throw new Error(r.kind);
    expect(r.expectedPresent).toBe(false);
    expect(r.meaning.fr).toMatch(/vide/);
  });

  it('an attribute differing only in case is named as such', () => {
    const r = readCasResponse(P3_SUCCESS.replace(/idPronote/g, 'IDPRONOTE'));
    if (r.kind !== 'success') throw new Error(r.kind);
    expect(r.expectedPresent).toBe(false);
    expect(r.caseVariant).toBe('IDPRONOTE');
  });

  it('reads the name-value attribute layout and attributes directly under the success element', () => {
    const nameValue = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>
      <cas:user>u1</cas:user><cas:attribute name="idPronote" value="ABCDEFGH12345678"/></cas:authenticationSuccess></cas:serviceResponse>`;
    const direct = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>
      <cas:user>u1</cas:user><cas:idPronote>ABCDEFGH12345678</cas:idPronote></cas:authenticationSuccess></cas:serviceResponse>`;
    for (const xml of [nameValue, direct]) {
      const r = readCasResponse(xml);
      if (r.kind !== 'success') throw new Error(r.kind);
      expect(r.expectedValue).toBe('ABCDEFGH12345678');
    }
  });

  it('samlValidate success: NameIdentifier and AttributeValue', () => {
    const r = readCasResponse(SAML_SUCCESS);
    if (r.kind !== 'success') throw new Error(r.kind);
    expect(r.protocol).toBe('saml11');
    expect(r.user).toBe('jmartin12');
    expect(r.expectedValue).toBe('74CPUWN8RAJQVM5K');
    expect(r.attributes.map((a) => a.name)).toEqual(['idPronote', 'mail']);
  });

  it('ignores log text around the XML', () => {
    const r = readCasResponse(`2026-09-02 07:45:12 DEBUG response: ${P3_SUCCESS}\n-- end`);
    expect(r.kind).toBe('success');
  });
});

describe('readCasResponse: failures', () => {
  it('INVALID_TICKET with the server message', () => {
    const r = readCasResponse(`<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
      <cas:authenticationFailure code="INVALID_TICKET">
        Ticket ST-1856339-aA5Yuvrxzpv8Tau1cYQ7 not recognized
      </cas:authenticationFailure></cas:serviceResponse>`);
    expect(r).toMatchObject({ kind: 'failure', code: 'INVALID_TICKET', message: 'Ticket ST-1856339-aA5Yuvrxzpv8Tau1cYQ7 not recognized' });
    if (r.kind === 'failure') expect(r.failureId).toBeUndefined();
  });

  it('INVALID_SERVICE and UNAUTHORIZED_SERVICE point to the service-not-allowed failure', () => {
    for (const code of ['INVALID_SERVICE', 'UNAUTHORIZED_SERVICE']) {
      const r = readCasResponse(
        `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="${code}">Service https://0310047h.index-education.net/Pronote/ mismatch</cas:authenticationFailure></cas:serviceResponse>`,
      );
      expect(r).toMatchObject({ kind: 'failure', code, failureId: 'cas-service-not-allowed' });
    }
  });

  it('an unknown code is kept and said to be non-standard', () => {
    const r = readCasResponse(
      `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="TICKET_EXPIRED">x</cas:authenticationFailure></cas:serviceResponse>`,
    );
    expect(r).toMatchObject({ kind: 'failure', code: 'TICKET_EXPIRED' });
    if (r.kind === 'failure') expect(r.meaning.en).toMatch(/Non-standard/);
  });

  it('samlValidate failure: the status code without prefix and the status message', () => {
    expect(readCasResponse(SAML_FAILURE)).toMatchObject({ kind: 'failure', protocol: 'saml11', code: 'Responder', message: 'Ticket ST-1-abc not recognized' });
  });
});

describe('readCasResponse: what cannot be read', () => {
  it('malformed XML (a truncated copy) gives the line and a clear message', () => {
    const truncated = P3_SUCCESS.slice(0, P3_SUCCESS.indexOf('</cas:attributes>'));
    const r = readCasResponse(`${truncated}</cas:serviceResponse>`);
    expect(r.kind).toBe('unreadable');
    if (r.kind !== 'unreadable') return;
    expect(r.reason).toBe('malformed');
    expect(r.message.fr).toMatch(/^XML mal formé/);
    expect(r.line).toBeGreaterThan(1);
  });

  it('a paste cut before its closing tags: French names the line, column and unclosed tag, without the parser’s English', () => {
    const cut = P3_SUCCESS.slice(0, P3_SUCCESS.indexOf('</cas:user>') + '</cas:user>'.length);
    const r = readCasResponse(cut);
    if (r.kind !== 'unreadable') throw new Error(`expected unreadable, got ${r.kind}`);
    expect(r.reason).toBe('malformed');
    expect(r.line).toBe(cut.split('\n').length);
    expect(r.message.fr).toContain(`ligne ${r.line}, colonne ${r.column}`);
    expect(r.message.fr).toMatch(/balise <cas:[A-Za-z]+> non fermée/);
    expect(r.message.fr).not.toMatch(/Invalid|found|\[/);
    expect(r.message.en).toContain(`line ${r.line}, column ${r.column}`);
    expect(r.message.en).toContain("Invalid '[");
  });

  it('entity declarations are refused, not expanded', () => {
    const r = readCasResponse(
      `<!DOCTYPE x [<!ENTITY a "aaaa">]><cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>&a;</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
    );
    expect(r).toMatchObject({ kind: 'unreadable', reason: 'entities' });
  });

  it('empty text, plain text and an HTML page are told apart', () => {
    expect(readCasResponse('   ')).toMatchObject({ reason: 'empty' });
    expect(readCasResponse('Identification impossible')).toMatchObject({ reason: 'not-cas' });
    expect(readCasResponse('<html><body><p>Connexion</p></body></html>')).toMatchObject({ reason: 'not-cas' });
  });

  it('looksLikeCasResponse tells a response from an error message', () => {
    expect(looksLikeCasResponse(P3_SUCCESS)).toBe(true);
    expect(looksLikeCasResponse(SAML_FAILURE)).toBe(true);
    expect(looksLikeCasResponse('Or aucun attribut n’a été renvoyé')).toBe(false);
  });
});
