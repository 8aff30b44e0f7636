/**
 * Every message that crosses between content scripts, the background and extension pages.
 * One module so that a newcomer finds each exchange by name (issue 2). Pure types and a pure
 * dispatcher: the browser wiring lives in `entrypoints/background.ts` and `components/runtime.ts`.
 */
import type { Finding } from './checks/finding';
import type { Localized } from './core/localized';
import type { Category, ExportKind } from './core/person';
import type { PageExplanation } from './diagnose/page-failure';

/** Message shapes, keyed by `type`. */
export interface MessageMap {
  /** A content script says it runs on a page (tab id is added by the background). */
  'page/ready': { request: { feature: string; url: string }; response: { ok: true } };
  /** A content script publishes the findings of the page it reads; the side panel shows them. */
  'page/findings': { request: { url: string; screen: string; findings: Finding[] }; response: { ok: true } };
  /** The side panel asks the background for the latest findings of a tab. */
  'panel/get-findings': {
    request: { tabId?: number };
    response: { url: string; screen: string; findings: Finding[] } | null;
  };
  /**
   * The ENT import wizard asks which of its unrecognised rows have a suggestion (issue 16): one
   * boolean per row and nothing else, answered only for the open rapprochement's school on a host
   * of that school's ENT project. The booleans stay in the content script's closed UI.
   */
  'suggestions/marks': { request: { uai: string; rows: WizardRow[] }; response: { marks: boolean[] } | Refusal };
  /**
   * The admin clicked « Voir la suggestion » on one row, in Passerelle's own UI: the suggestion
   * of that one person, under the same conditions as the marks.
   */
  'suggestions/reveal': { request: { uai: string; row: WizardRow }; response: { suggestion: Suggestion | null } | Refusal };
  /** The ENT helper asks what the side panel's rapprochement (open, or latest of the school) loaded. */
  'rapprochement/loaded': { request: { uai?: string }; response: { uai: string; exportKind?: ExportKind } | null };
  /** The ENT helper asks the version of the Pronote instance at `url` (instance check, on a click). */
  'instance/version': { request: { url: string }; response: { state: string; version?: number[] } };
  /** A Pronote page tells that CAS delegation is on for its root (redirected to a CAS). */
  'instance/cas-seen': { request: { root: string; casHost: string }; response: { ok: true } };
  /**
   * A hosted Pronote page sends its text (title and body, at most `PAGE_TEXT_MAX` characters of
   * `lib/diagnose/page`); the background answers the known failure it shows, explained in `lang`,
   * or null (lib/diagnose/page-failure): the content script carries no knowledge base (issue 18).
   */
  'instance/diagnose-page': { request: { text: string; lang: keyof Localized }; response: { explanation: PageExplanation | null } };
  /** A Pronote page asks whether delegation is known to be on for its root. */
  'instance/cas-known': { request: { root: string }; response: { casOn: boolean } };
  /** The side panel asks which CAS host an instance check saw for `root` (to propose the school's ENT project). */
  'instance/cas-host': { request: { root: string }; response: { casHost?: string } };
}

/** One row of the ENT import wizard, as the page lists it (lib/pages/ent-import). */
export interface WizardRow {
  lastName: string;
  firstName: string;
  className?: string;
}

/**
 * Why the background did not give stored data (issue 16): no open rapprochement, another school
 * than the open one, or a host that is not (or not yet confirmed as) the school's ENT.
 */
export interface Refusal {
  refused: 'no-rapprochement' | 'other-school' | 'no-ent-project' | 'host-not-school-ent';
}

/** A rapprochement suggestion for an unrecognised ENT account, shown in the ENT import wizard. */
export interface Suggestion {
  lastName: string;
  firstName: string;
  className?: string;
  pronoteId: string;
  /** The Pronote person as the admin knows it: name and classes ("BERNARD Charles (3A)"). */
  pronoteLabel: string;
  category: Category;
  score: number;
  why: string[];
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T; payload: MessageMap[T]['request'] };
export type Response<T extends MessageType> = MessageMap[T]['response'];
/**
 * Who sent a message, as the background reads it from the browser's `MessageSender`: the tab of
 * a content script (`tabId`, `url` the page's), or one of the extension's own pages
 * (`extensionPage`, `url` a `chrome-extension://`/`moz-extension://` URL of this extension).
 */
export interface Sender {
  tabId?: number;
  url?: string;
  extensionPage?: boolean;
}

export type Handlers = {
  [T in MessageType]?: (payload: MessageMap[T]['request'], sender: Sender) => Response<T> | Promise<Response<T>>;
};

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'page/ready',
  'page/findings',
  'panel/get-findings',
  'suggestions/marks',
  'suggestions/reveal',
  'rapprochement/loaded',
  'instance/version',
  'instance/cas-seen',
  'instance/cas-known',
  'instance/diagnose-page',
  'instance/cas-host',
]);

/** True when `value` has the shape `{ type, payload }` with a known type. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    TYPES.has((value as { type: string }).type) &&
    'payload' in value
  );
}

/**
 * Routes a message to its handler. Returns `undefined` for a message that is not ours or has no
 * handler, so that other listeners may answer it. `check` (lib/message-schemas) runs first when
 * given: a message it refuses gets `null`, its handler never runs, and `onRefused` hears why.
 */
export function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Sender,
  check?: (message: Message, sender: Sender) => string | undefined,
  onRefused?: (type: string, reason: string) => void,
): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const handler = handlers[message.type] as ((p: unknown, s: Sender) => unknown) | undefined;
  if (!handler) return undefined;
  const refused = check?.(message, sender);
  if (refused) {
    onRefused?.(message.type, refused);
    return Promise.resolve(null);
  }
  return Promise.resolve(handler(message.payload, sender));
}
