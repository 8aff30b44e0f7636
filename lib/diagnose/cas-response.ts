/**
 * Reads a CAS validation response that support staff paste: the XML of `/serviceValidate`,
 * `/p3/serviceValidate` (CAS protocol 2 and 3, same layout) or `/samlValidate` (SAML 1.1 in SOAP).
 * It says whether authentication succeeded, for whom, which attributes were released, and whether
 * the attribute that Pronote expects (`idPronote` in the seed) is among them.
 *
 * Sources: Apereo, *CAS Protocol 3.0 Specification* (§2.5.2 response, §2.5.3 error codes, §4.2
 * samlValidate); attribute layouts seen in CAS clients (phpCAS: `<cas:attributes>` children, the
 * "name-value" `<cas:attribute name value/>` form, attributes directly under the success element);
 * seed §5 FAQ (the idPronote error).
 */
import { foldProse } from '../core/fold';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineColumn, xmlFaultWords } from '../input/xml';
import type { Localized } from '../core/localized';
import type { FailureId } from './known-failures';

export type CasProtocol = 'cas' | 'saml11';

export interface CasAttribute {
  name: string;
  values: string[];
}

export interface CasSuccess {
  kind: 'success';
  protocol: CasProtocol;
  user: string;
  attributes: CasAttribute[];
  /** The attribute name looked for (`idPronote` unless configured otherwise). */
  expectedAttribute: string;
  /** The expected attribute is released under exactly that name with a non-empty value. */
  expectedPresent: boolean;
  /** Its first value, when present. */
  expectedValue?: string;
  /** The attribute is released under a name that differs only by case (`idpronote`). */
  caseVariant?: string;
  /** What this means for a Pronote login. */
  meaning: Localized;
  /** The known failure this reading points to, when it explains one. */
  failureId?: FailureId;
}

export interface CasFailure {
  kind: 'failure';
  protocol: CasProtocol;
  /** `INVALID_TICKET`, `INVALID_SERVICE`… (CAS) or the SAML status without prefix (`Responder`). */
  code: string;
  /** The server's own text, trimmed. */
  message: string;
  meaning: Localized;
  failureId?: FailureId;
}

export interface CasUnreadable {
  kind: 'unreadable';
  reason: 'empty' | 'malformed' | 'entities' | 'not-cas';
  message: Localized;
  line?: number;
  column?: number;
}

export type CasReading = CasSuccess | CasFailure | CasUnreadable;

/** A parsed element: local name (namespace prefix removed), attributes, children, own text. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Meaning of each failure code of the CAS protocol (§2.5.3), and of the common non-standard one. */
const CAS_CODES: Record<string, { meaning: Localized; failureId?: FailureId }> = {
  INVALID_TICKET: {
    meaning: {
      fr: 'Ticket inconnu, déjà utilisé ou expiré. Un ticket ne se valide qu’une fois et vit quelques secondes : pour tester, demandez un nouveau ticket et validez-le aussitôt. Si Pronote reçoit cette réponse à chaque connexion, son horloge ou son adresse de validation est en cause.',
      en: 'Ticket unknown, already used or expired. A ticket validates once and lives a few seconds: to test, get a fresh ticket and validate it at once. If Pronote gets this answer at every login, its clock or its validation address is at fault.',
    },
  },
  INVALID_SERVICE: {
    meaning: {
      fr: 'Le ticket a été délivré pour une autre adresse de service que celle donnée à la validation : l’adresse de Pronote déclarée dans l’ENT diffère de celle que Pronote annonce (racine, casse du chemin, http/https).',
      en: 'The ticket was issued for another service address than the one given at validation: the Pronote address declared in the ENT differs from the one Pronote announces (root, path case, http/https).',
    },
    failureId: 'cas-service-not-allowed',
  },
  UNAUTHORIZED_SERVICE: {
    meaning: {
      fr: 'Le CAS ne connaît pas ce service : l’adresse de Pronote n’est pas déclarée dans l’ENT.',
      en: 'The CAS does not know this service: the Pronote address is not declared in the ENT.',
    },
    failureId: 'cas-service-not-allowed',
  },
  UNAUTHORIZED_SERVICE_PROXY: {
    meaning: {
      fr: 'Le service n’a pas le droit d’utiliser le mode proxy du CAS. Sans effet sur la connexion ordinaire à Pronote.',
      en: 'The service may not use the CAS proxy mode. No effect on an ordinary Pronote login.',
    },
  },
  INVALID_REQUEST: {
    meaning: {
      fr: 'La requête de validation est incomplète (paramètre « ticket » ou « service » manquant) : l’adresse de validation testée est mal formée.',
      en: 'The validation request is incomplete (“ticket” or “service” parameter missing): the validation address tried is malformed.',
    },
  },
  INVALID_TICKET_SPEC: {
    meaning: {
      fr: 'Le ticket ne satisfait pas la spécification demandée (par exemple un ticket de proxy validé sur /serviceValidate).',
      en: 'The ticket does not meet the validation specification (for example a proxy ticket validated on /serviceValidate).',
    },
  },
  INVALID_PROXY_CALLBACK: {
    meaning: {
      fr: 'L’adresse de rappel du proxy (pgtUrl) est refusée. Sans effet sur la connexion ordinaire à Pronote.',
      en: 'The proxy callback address (pgtUrl) is refused. No effect on an ordinary Pronote login.',
    },
  },
  INTERNAL_ERROR: {
    meaning: {
      fr: 'Erreur interne du serveur CAS : à signaler au projet ENT.',
      en: 'Internal error of the CAS server: report it to the ENT project.',
    },
  },
};

const SAML_CODES: Record<string, Localized> = {
  Requester: {
    fr: 'Le CAS juge la demande incorrecte (ticket inconnu, expiré ou déjà utilisé, ou adresse de service différente).',
    en: 'The CAS finds the request wrong (ticket unknown, expired or already used, or a different service address).',
  },
  Responder: {
    fr: 'Le CAS n’a pas pu répondre (ticket invalide ou erreur du serveur).',
    en: 'The CAS could not answer (invalid ticket or server error).',
  },
  RequestDenied: {
    fr: 'Le CAS refuse de répondre à ce service : l’adresse de Pronote n’est peut-être pas autorisée.',
    en: 'The CAS refuses to answer this service: the Pronote address may not be allowed.',
  },
  VersionMismatch: {
    fr: 'Version SAML non prise en charge par le CAS.',
    en: 'SAML version not supported by the CAS.',
  },
};

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/**
 * Reads `pasted` (text around the XML, such as a log line, is ignored) and returns a success with
 * the user and attributes, a failure with its code, or an unreadable reading with a clear message
 * (and the line and column of a syntax error). `expectedAttribute` is the attribute name set in
 * Pronote's "identité PRONOTE" recognition mode (`idPronote` in the seed). Entity declarations are
 * refused, never expanded. Never throws.
 */
export function readCasResponse(pasted: string, expectedAttribute = 'idPronote'): CasReading {
  const start = pasted.indexOf('<');
  if (start < 0 || !pasted.trim()) {
    return unreadable(pasted.trim() ? 'not-cas' : 'empty');
  }
  const xml = pasted.slice(start, pasted.lastIndexOf('>') + 1);
  if (/<!ENTITY/i.test(xml)) return unreadable('entities');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { code, msg } = valid.err;
    // For unclosed elements the parser points at line 1, column 1; where the paste stops is what helps.
    const cutOff = /^Invalid '\[/.test(msg);
    const end = cutOff ? lineColumn(xml, xml.trimEnd().length) : undefined;
    const line = end?.line ?? valid.err.line;
    const col = end?.column ?? valid.err.col;
    const words = xmlFaultWords(code, msg);
    return {
      ...unreadable('malformed', {
        fr: `ligne ${line}, colonne ${col}, ${words.fr}`,
        en: `line ${line}, column ${col}, ${words.en} (${msg})`,
      }),
      line,
      column: col,
    };
  }
  const roots = toNodes(parser.parse(xml) as unknown[]);
  const casRoot = findDeep(roots, 'serviceResponse');
  if (casRoot) return readCas(casRoot, expectedAttribute);
  const samlResponse = findDeep(roots, 'Response');
  if (samlResponse && findDeep([samlResponse], 'Status')) return readSaml(samlResponse, expectedAttribute);
  return unreadable('not-cas');
}

function readCas(root: Node, expected: string): CasReading {
  const failure = root.children.find((c) => c.name === 'authenticationFailure');
  if (failure) {
    const code = (failure.attrs.code ?? '').trim().toUpperCase() || 'UNKNOWN';
    const known = CAS_CODES[code];
    return {
      kind: 'failure',
      protocol: 'cas',
      code,
      message: allText(failure),
      meaning: known?.meaning ?? {
        fr: 'Code d’échec non standard : lire le message du serveur.',
        en: 'Non-standard failure code: read the server’s message.',
      },
      failureId: known?.failureId,
    };
  }
  const success = root.children.find((c) => c.name === 'authenticationSuccess');
  if (!success) return unreadable('not-cas');
  const user = allText(success.children.find((c) => c.name === 'user'));
  const collected = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const values = collected.get(name) ?? [];
    values.push(value);
    collected.set(name, values);
  };
  const skip = new Set(['user', 'proxyGrantingTicket', 'proxies', 'attributes', 'attribute']);
  for (const child of success.children) {
    if (child.name === 'attributes') {
      for (const a of child.children) {
        if (a.name === 'attribute' && a.attrs.name !== undefined) add(a.attrs.name, a.attrs.value ?? allText(a));
        else add(a.name, allText(a));
      }
    } else if (child.name === 'attribute' && child.attrs.name !== undefined) {
      add(child.attrs.name, child.attrs.value ?? allText(child));
    } else if (!skip.has(child.name)) {
      add(child.name, allText(child));
    }
  }
  return success_('cas', user, collected, expected);
}

function readSaml(response: Node, expected: string): CasReading {
  const status = findDeep([response], 'Status')!;
  const codeNode = status.children.find((c) => c.name === 'StatusCode');
  // A second-level StatusCode, when present, is the more precise one.
  const inner = codeNode?.children.find((c) => c.name === 'StatusCode');
  const outerCode = stripPrefix(codeNode?.attrs.Value ?? '');
  if (outerCode !== 'Success') {
    const code = stripPrefix(inner?.attrs.Value ?? '') || outerCode || 'UNKNOWN';
    return {
      kind: 'failure',
      protocol: 'saml11',
      code,
      message: allText(status.children.find((c) => c.name === 'StatusMessage')),
      meaning: SAML_CODES[code] ?? SAML_CODES[outerCode] ?? {
        fr: 'Échec non standard : lire le message du serveur.',
        en: 'Non-standard failure: read the server’s message.',
      },
      failureId: code === 'RequestDenied' || outerCode === 'RequestDenied' ? 'cas-service-not-allowed' : undefined,
    };
  }
  const user = allText(findDeep([response], 'NameIdentifier'));
  const collected = new Map<string, string[]>();
  for (const attr of findAll([response], 'Attribute')) {
    const name = attr.attrs.AttributeName ?? attr.attrs.Name ?? '';
    if (!name) continue;
    const values = attr.children.filter((c) => c.name === 'AttributeValue').map((v) => allText(v));
    collected.set(name, [...(collected.get(name) ?? []), ...values]);
  }
  return success_('saml11', user, collected, expected);
}

function success_(protocol: CasProtocol, user: string, collected: Map<string, string[]>, expected: string): CasSuccess {
  const attributes = [...collected].map(([name, values]) => ({ name, values }));
  const exact = attributes.find((a) => a.name === expected);
  const expectedValue = exact?.values.find((v) => v.trim() !== '');
  const caseVariant = exact
    ? undefined
    : attributes.find((a) => a.name.toLowerCase() === expected.toLowerCase())?.name;
  const expectedPresent = expectedValue !== undefined;
  const base = { kind: 'success' as const, protocol, user, attributes, expectedAttribute: expected, expectedPresent };
  if (expectedPresent) {
    return {
      ...base,
      expectedValue,
      meaning: {
        fr: `Le CAS renvoie « ${expected} » = ${expectedValue}. Pronote reconnaîtra cette personne si cet identifiant est celui de sa fiche. Si elle voit encore une erreur, l’identifiant importé est peut-être celui d’un doublon ou d’une ancienne année : refaire l’export et l’import.`,
        en: `The CAS returns “${expected}” = ${expectedValue}. Pronote will recognise this person if that identifier is the one of their record. If they still get an error, the imported identifier may belong to a duplicate or to a former year: redo the export and the import.`,
      },
    };
  }
  if (caseVariant) {
    return {
      ...base,
      caseVariant,
      failureId: 'idpronote-missing',
      meaning: {
        fr: `Le CAS renvoie « ${caseVariant} », pas « ${expected} » : le nom diffère par la casse. Le nom de l’attribut réglé dans Pronote doit être écrit exactement comme celui que l’ENT envoie.`,
        en: `The CAS returns “${caseVariant}”, not “${expected}”: the name differs in case. The attribute name set in Pronote must be written exactly as the ENT sends it.`,
      },
    };
  }
  if (exact) {
    return {
      ...base,
      failureId: 'idpronote-missing',
      meaning: {
        fr: `L’attribut « ${expected} » est envoyé mais vide : le compte ENT de cette personne ne contient pas d’identifiant Pronote. Elle n’a pas été rapprochée lors de l’import des identifiants : la rapprocher dans l’ENT.`,
        en: `The “${expected}” attribute is sent but empty: this person’s ENT account holds no Pronote identifier. They were not paired at the identifier import: pair them in the ENT.`,
      },
    };
  }
  if (attributes.length > 0) {
    return {
      ...base,
      failureId: 'idpronote-missing',
      meaning: {
        fr: `Le CAS renvoie des attributs, mais pas « ${expected} ». Soit ce compte ENT n’a pas d’identifiant Pronote (beaucoup d’ENT omettent un attribut vide : personne non rapprochée), soit le service CAS de Pronote ne libère pas cet attribut. Comparer avec un compte dont on sait qu’il est rapproché.`,
        en: `The CAS returns attributes, but not “${expected}”. Either this ENT account holds no Pronote identifier (many ENTs omit an empty attribute: the person was not paired), or Pronote’s CAS service does not release that attribute. Compare with an account known to be paired.`,
      },
    };
  }
  return {
    ...base,
    failureId: 'idpronote-missing',
    meaning: {
      fr: 'Le CAS ne renvoie aucun attribut : c’est exactement le message « Or aucun attribut n’a été renvoyé ». Si la réponse vient de /serviceValidate (protocole CAS 2), refaire l’essai avec /p3/serviceValidate ou /samlValidate, qui portent les attributs ; si elle n’en a toujours aucun, le service CAS de Pronote dans l’ENT ne libère rien.',
      en: 'The CAS returns no attribute at all: this is exactly the message “Or aucun attribut n’a été renvoyé”. If the response comes from /serviceValidate (CAS protocol 2), try again with /p3/serviceValidate or /samlValidate, which carry attributes; if it still has none, Pronote’s CAS service in the ENT releases nothing.',
    },
  };
}

function unreadable(reason: CasUnreadable['reason'], detail: Localized = { fr: '', en: '' }): CasUnreadable {
  const messages: Record<CasUnreadable['reason'], Localized> = {
    empty: { fr: 'Rien à lire : collez la réponse XML du CAS.', en: 'Nothing to read: paste the CAS XML response.' },
    malformed: {
      fr: `XML mal formé (copie incomplète ?) : ${detail.fr}`,
      en: `Malformed XML (incomplete copy?): ${detail.en}`,
    },
    entities: {
      fr: 'Ce XML déclare des entités : il est refusé par sécurité. Une réponse CAS n’en contient jamais.',
      en: 'This XML declares entities: it is refused for safety. A CAS response never contains any.',
    },
    'not-cas': {
      fr: 'Ce texte n’est pas une réponse de validation CAS (serviceValidate, p3/serviceValidate ou samlValidate).',
      en: 'This text is not a CAS validation response (serviceValidate, p3/serviceValidate or samlValidate).',
    },
  };
  return { kind: 'unreadable', reason, message: messages[reason] };
}

function stripPrefix(qname: string): string {
  return qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname;
}

function toNodes(items: unknown[]): Node[] {
  const nodes: Node[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const name = Object.keys(record).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const rawChildren = (record[name] as unknown[]) ?? [];
    const text = rawChildren
      .map((c) => (c as Record<string, unknown>)['#text'])
      .filter((v) => v !== undefined)
      .join('');
    nodes.push({
      name,
      attrs: (record[':@'] as Record<string, string>) ?? {},
      children: toNodes(rawChildren),
      text,
    });
  }
  return nodes;
}

function findDeep(nodes: Node[], name: string): Node | undefined {
  for (const node of nodes) {
    if (node.name === name) return node;
    const inner = findDeep(node.children, name);
    if (inner) return inner;
  }
  return undefined;
}

function findAll(nodes: Node[], name: string, out: Node[] = []): Node[] {
  for (const node of nodes) {
    if (node.name === name) out.push(node);
    findAll(node.children, name, out);
  }
  return out;
}

function allText(node: Node | undefined): string {
  if (!node) return '';
  return [node.text, ...node.children.map(allText)].join(' ').replace(/\s+/g, ' ').trim();
}

/** True when `text` looks like a CAS validation response rather than an error message. */
export function looksLikeCasResponse(text: string): boolean {
  const folded = foldProse(text);
  return /<(\w+:)?serviceresponse\b/.test(folded) || /urn:oasis:names:tc:saml:1\.0:protocol/.test(folded);
}
