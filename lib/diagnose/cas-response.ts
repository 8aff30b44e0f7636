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

/**
 * How Pronote recognises users arriving from the CAS (DOMAIN.md "How Pronote recognises a user",
 * Guide pratique PRONOTE 2019 p. 131): `identifier` — *avec l'identité PRONOTE de l'utilisateur*,
 * an attribute (`idPronote`) carries the Pronote identifier; `identity` — *avec l'identité de
 * l'utilisateur*, Pronote compares names, birth date and category (Open ENT NG's way:
 * edificeio/entcore `cas/src/main/java/org/entcore/cas/services/PronoteRegisteredService.java`).
 * `auto`: the reading decides from the response.
 */
export type RecognitionMode = 'identifier' | 'identity';

/** The Pronote category that Open ENT NG's `categories` value names (PronoteRegisteredService.java). */
export type IdentityCategory = 'student' | 'guardian' | 'teacher' | 'staff';

const NATIONAL_CATEGORIES: Record<string, IdentityCategory> = { National_1: 'student', National_2: 'guardian', National_3: 'teacher', National_4: 'staff' };

/** The identity attributes Pronote compares, as Open ENT NG names them. */
export const IDENTITY_ATTRIBUTES = ['nom', 'prenom', 'dateNaissance', 'categories', 'codePostal'] as const;
/** The ones Pronote needs to find the person: names and birth date (DOMAIN.md). */
const IDENTITY_REQUIRED = ['nom', 'prenom', 'dateNaissance'] as const;

/** What an identity-mode response says about the person. */
export interface IdentityReading {
  nom?: string;
  prenom?: string;
  /** As sent; dd/mm/yyyy expected. */
  dateNaissance?: string;
  /** `dateNaissance` is a real date written dd/mm/yyyy. */
  birthDateValid: boolean;
  codePostal?: string;
  /** Each `categories` value (`National_1;National_2` splits in two), with its category when known. */
  categories: { code: string; category?: IdentityCategory }[];
  /** Required attributes absent or empty, in `IDENTITY_REQUIRED` order; `categories` when none is known. */
  missing: string[];
}

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
  /** The recognition mode this reading was checked for (given, or decided from the response). */
  mode: RecognitionMode;
  /** In identity mode: the identity attributes, read and checked. */
  identity?: IdentityReading;
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
      fr: 'Ticket inconnu, déjà utilisé ou expiré. Un ticket ne se valide qu’une fois et vit quelques secondes\u202f: pour tester, demandez un nouveau ticket et validez-le aussitôt. Si Pronote reçoit cette réponse à chaque connexion, son horloge ou son adresse de validation est en cause.',
      en: 'Ticket unknown, already used or expired. A ticket validates once and lives a few seconds: to test, get a fresh ticket and validate it at once. If Pronote gets this answer at every login, its clock or its validation address is at fault.',
    },
  },
  INVALID_SERVICE: {
    meaning: {
      fr: 'Le ticket a été délivré pour une autre adresse de service que celle donnée à la validation\u202f: l’adresse de Pronote déclarée dans l’ENT diffère de celle que Pronote annonce (racine, casse du chemin, http/https).',
      en: 'The ticket was issued for another service address than the one given at validation: the Pronote address declared in the ENT differs from the one Pronote announces (root, path case, http/https).',
    },
    failureId: 'cas-service-not-allowed',
  },
  UNAUTHORIZED_SERVICE: {
    meaning: {
      fr: 'Le CAS ne connaît pas ce service\u202f: l’adresse de Pronote n’est pas déclarée dans l’ENT.',
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
      fr: 'La requête de validation est incomplète (paramètre «\u202fticket\u202f» ou «\u202fservice\u202f» manquant)\u202f: l’adresse de validation testée est mal formée.',
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
      fr: 'Erreur interne du serveur CAS\u202f: à signaler au projet ENT.',
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
    fr: 'Le CAS refuse de répondre à ce service\u202f: l’adresse de Pronote n’est peut-être pas autorisée.',
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
 * refused, never expanded. `mode` is Pronote's recognition mode when known; with `auto` (the
 * default) a response carrying the expected attribute is read in identifier mode, one carrying at
 * least two identity attributes (`nom`, `prenom`, `dateNaissance`, `categories`) and no
 * attribute named like the expected one in identity mode, any other in identifier mode. "idPronote
 * missing" is said only in identifier mode. Never throws.
 */
export function readCasResponse(pasted: string, expectedAttribute = 'idPronote', mode: RecognitionMode | 'auto' = 'auto'): CasReading {
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
  let parsed: unknown[];
  try {
    parsed = parser.parse(xml) as unknown[];
  } catch {
    // fast-xml-parser throws in English on what its validator let through (`<?xml version="1"".0"?>`).
    return {
      ...unreadable('malformed', { fr: 'ligne 1, déclaration ou instruction mal fermée', en: 'line 1, declaration or instruction not closed properly' }),
      line: 1,
      column: 1,
    };
  }
  const roots = toNodes(parsed);
  const casRoot = findDeep(roots, 'serviceResponse');
  if (casRoot) return readCas(casRoot, expectedAttribute, mode);
  const samlResponse = findDeep(roots, 'Response');
  if (samlResponse && findDeep([samlResponse], 'Status')) return readSaml(samlResponse, expectedAttribute, mode);
  return unreadable('not-cas');
}

function readCas(root: Node, expected: string, mode: RecognitionMode | 'auto'): CasReading {
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
        fr: 'Code d’échec non standard\u202f: lire le message du serveur.',
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
  return success_('cas', user, collected, expected, mode);
}

function readSaml(response: Node, expected: string, mode: RecognitionMode | 'auto'): CasReading {
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
      meaning: SAML_CODES[code] ??
        SAML_CODES[outerCode] ?? {
          fr: 'Échec non standard\u202f: lire le message du serveur.',
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
  return success_('saml11', user, collected, expected, mode);
}

function success_(protocol: CasProtocol, user: string, collected: Map<string, string[]>, expected: string, asked: RecognitionMode | 'auto'): CasSuccess {
  const attributes = [...collected].map(([name, values]) => ({ name, values }));
  const exact = attributes.find((a) => a.name === expected);
  const expectedValue = exact?.values.find((v) => v.trim() !== '');
  const caseVariant = exact ? undefined : attributes.find((a) => a.name.toLowerCase() === expected.toLowerCase())?.name;
  const expectedPresent = expectedValue !== undefined;
  const identityCount = ['nom', 'prenom', 'dateNaissance', 'categories'].filter((n) => attributes.some((a) => a.name === n)).length;
  const mode: RecognitionMode = asked !== 'auto' ? asked : !expectedPresent && !exact && !caseVariant && identityCount >= 2 ? 'identity' : 'identifier';
  if (mode === 'identity') return identitySuccess({ kind: 'success', protocol, user, attributes, expectedAttribute: expected, expectedPresent }, expectedValue);
  const base = { kind: 'success' as const, protocol, user, attributes, expectedAttribute: expected, expectedPresent, mode };
  if (expectedPresent) {
    return {
      ...base,
      expectedValue,
      meaning: {
        fr: `Le CAS renvoie «\u202f${expected}\u202f» = ${expectedValue}. Pronote reconnaîtra cette personne si cet identifiant est celui de sa fiche. Si elle voit encore une erreur, l’identifiant importé est peut-être celui d’un doublon ou d’une ancienne année\u202f: refaire l’export et l’import.`,
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
        fr: `Le CAS renvoie «\u202f${caseVariant}\u202f», pas «\u202f${expected}\u202f»\u202f: le nom diffère par la casse. Le nom de l’attribut réglé dans Pronote doit être écrit exactement comme celui que l’ENT envoie.`,
        en: `The CAS returns “${caseVariant}”, not “${expected}”: the name differs in case. The attribute name set in Pronote must be written exactly as the ENT sends it.`,
      },
    };
  }
  if (exact) {
    return {
      ...base,
      failureId: 'idpronote-missing',
      meaning: {
        fr: `L’attribut «\u202f${expected}\u202f» est envoyé mais vide\u202f: le compte ENT de cette personne ne contient pas d’identifiant Pronote. Elle n’a pas été rapprochée lors de l’import des identifiants\u202f: la rapprocher dans l’ENT.`,
        en: `The “${expected}” attribute is sent but empty: this person’s ENT account holds no Pronote identifier. They were not paired at the identifier import: pair them in the ENT.`,
      },
    };
  }
  if (attributes.length > 0) {
    return {
      ...base,
      failureId: 'idpronote-missing',
      meaning: {
        fr: `Le CAS renvoie des attributs, mais pas «\u202f${expected}\u202f». Soit ce compte ENT n’a pas d’identifiant Pronote (beaucoup d’ENT omettent un attribut vide\u202f: personne non rapprochée), soit le service CAS de Pronote ne libère pas cet attribut. Comparer avec un compte dont on sait qu’il est rapproché.${identityCount >= 2 ? ' Cette réponse porte une identité (nom, prénom, date de naissance…)\u202f: cet ENT travaille en mode «\u202fidentité de l’utilisateur\u202f»\u202f; dans ce cas, c’est ce mode qu’il faut choisir dans Pronote, et aucun identifiant n’est attendu.' : ''}`,
        en: `The CAS returns attributes, but not “${expected}”. Either this ENT account holds no Pronote identifier (many ENTs omit an empty attribute: the person was not paired), or Pronote’s CAS service does not release that attribute. Compare with an account known to be paired.${identityCount >= 2 ? ' This response carries an identity (names, birth date…): this ENT works in “user identity” mode; then that is the mode to choose in Pronote, and no identifier is expected.' : ''}`,
      },
    };
  }
  return {
    ...base,
    failureId: 'idpronote-missing',
    meaning: {
      fr: 'Le CAS ne renvoie aucun attribut\u202f: c’est exactement le message «\u202fOr aucun attribut n’a été renvoyé\u202f». Si la réponse vient de /serviceValidate (protocole CAS 2), refaire l’essai avec /p3/serviceValidate ou /samlValidate, qui portent les attributs\u202f; si elle n’en a toujours aucun, le service CAS de Pronote dans l’ENT ne libère rien.',
      en: 'The CAS returns no attribute at all: this is exactly the message “Or aucun attribut n’a été renvoyé”. If the response comes from /serviceValidate (CAS protocol 2), try again with /p3/serviceValidate or /samlValidate, which carry attributes; if it still has none, Pronote’s CAS service in the ENT releases nothing.',
    },
  };
}

/** Reads and checks the identity attributes of an identity-mode response. */
function identitySuccess(base: Omit<CasSuccess, 'mode' | 'meaning'>, expectedValue: string | undefined): CasSuccess {
  const first = (name: string) =>
    base.attributes
      .find((a) => a.name === name)
      ?.values.find((v) => v.trim() !== '')
      ?.trim();
  const nom = first('nom');
  const prenom = first('prenom');
  const dateNaissance = first('dateNaissance');
  const codePostal = first('codePostal');
  const categories = base.attributes
    .filter((a) => a.name === 'categories')
    .flatMap((a) => a.values)
    .flatMap((v) => v.split(/[;,]/))
    .map((v) => v.trim())
    .filter(Boolean)
    .map((code) => ({ code, ...(NATIONAL_CATEGORIES[code] ? { category: NATIONAL_CATEGORIES[code] } : {}) }));
  const birthDateValid = dateNaissance !== undefined && isDdMmYyyy(dateNaissance);
  const values: Record<string, string | undefined> = { nom, prenom, dateNaissance };
  const missing: string[] = IDENTITY_REQUIRED.filter((n) => !values[n]);
  if (!categories.some((c) => c.category)) missing.push('categories');
  const identity: IdentityReading = { nom, prenom, dateNaissance, birthDateValid, codePostal, categories, missing };
  const who = [prenom, nom].filter(Boolean).join(' ') || base.user;
  if (missing.length > 0 || (dateNaissance !== undefined && !birthDateValid)) {
    const problems = [
      ...missing.map((m) => `« ${m} » absent`),
      ...(dateNaissance !== undefined && !birthDateValid ? [`« dateNaissance » = ${dateNaissance}, pas au format jj/mm/aaaa`] : []),
    ];
    const problemsEn = [
      ...missing.map((m) => `“${m}” missing`),
      ...(dateNaissance !== undefined && !birthDateValid ? [`“dateNaissance” = ${dateNaissance}, not dd/mm/yyyy`] : []),
    ];
    return {
      ...base,
      ...(expectedValue ? { expectedValue } : {}),
      mode: 'identity',
      identity,
      failureId: 'identification-impossible',
      meaning: {
        fr: `Mode «\u202fidentité de l’utilisateur\u202f»\u202f: ${problems.join(', ')}. Pronote compare le nom, le prénom, la date de naissance et la catégorie\u202f; sans eux il ne retrouve pas la personne («\u202fIdentification impossible\u202f»). Le service CAS de Pronote dans l’ENT doit libérer ces attributs.`,
        en: `“User identity” mode: ${problemsEn.join(', ')}. Pronote compares last name, first name, birth date and category; without them it cannot find the person (“Identification impossible”). Pronote’s CAS service in the ENT must release these attributes.`,
      },
    };
  }
  const kinds = categories.map((c) => c.code).join(', ');
  return {
    ...base,
    ...(expectedValue ? { expectedValue } : {}),
    mode: 'identity',
    identity,
    meaning: {
      fr: `Mode «\u202fidentité de l’utilisateur\u202f»\u202f: le CAS envoie l’identité de ${who} (né(e) le ${dateNaissance}, catégorie ${kinds}). Aucun identifiant Pronote n’est attendu dans ce mode. Pronote reconnaîtra la personne si cette identité est écrite comme dans sa fiche\u202f; sinon «\u202fIdentification impossible\u202f», à résoudre dans Communication > Gestion des identités > Résolution des échecs d’interconnexion.`,
      en: `“User identity” mode: the CAS sends the identity of ${who} (born ${dateNaissance}, category ${kinds}). No Pronote identifier is expected in this mode. Pronote will recognise the person if this identity is written as in their record; otherwise “Identification impossible”, solved in Communication > Gestion des identités > Résolution des échecs d’interconnexion.`,
    },
  };
}

/** True for a real calendar date written dd/mm/yyyy (what PronoteRegisteredService.java sends). */
function isDdMmYyyy(text: string): boolean {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y > 1900;
}

function unreadable(reason: CasUnreadable['reason'], detail: Localized = { fr: '', en: '' }): CasUnreadable {
  const messages: Record<CasUnreadable['reason'], Localized> = {
    empty: { fr: 'Rien à lire\u202f: collez la réponse XML du CAS.', en: 'Nothing to read: paste the CAS XML response.' },
    malformed: {
      fr: `XML mal formé (copie incomplète\u202f?)\u202f: ${detail.fr}`,
      en: `Malformed XML (incomplete copy?): ${detail.en}`,
    },
    entities: {
      fr: 'Ce XML déclare des entités\u202f: il est refusé par sécurité. Une réponse CAS n’en contient jamais.',
      en: 'This XML declares entities: it is refused for safety. A CAS response never contains any.',
    },
    'not-cas': {
      fr: 'Ce texte n’est pas une réponse du serveur CAS\u202f: collez le texte XML entier que l’ENT ou son support a transmis, sans le modifier.',
      en: 'This text is not a response of the CAS server: paste the whole XML text that the ENT or its support sent, unchanged.',
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
