/**
 * Every message that crosses between content scripts, the background and extension pages.
 * One module so that a newcomer finds each exchange by name (issue 2). Pure types and a pure
 * dispatcher: the browser wiring lives in `entrypoints/background.ts` and `components/runtime.ts`.
 */
import type { Finding } from './checks/finding';
import type { ExportKind } from './core/person';

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
  /** A content script asks for rapprochement suggestions (the store lives in extension pages only). */
  'suggestions/query': {
    request: { uai?: string; names: { lastName: string; firstName: string; className?: string }[] };
    response: { suggestions: (Suggestion | null)[] };
  };
  /** The side panel publishes the suggestions of the rapprochement it holds open. */
  'suggestions/publish': { request: { uai: string; suggestions: Suggestion[] }; response: { ok: true } };
  /** The ENT helper asks what the side panel's rapprochement (open, or latest of the school) loaded. */
  'rapprochement/loaded': { request: { uai?: string }; response: { uai: string; exportKind?: ExportKind } | null };
  /** The ENT helper asks the version of the Pronote instance at `url` (instance check, on a click). */
  'instance/version': { request: { url: string }; response: { state: string; version?: number[] } };
  /** A Pronote page tells that CAS delegation is on for its root (redirected to a CAS). */
  'instance/cas-seen': { request: { root: string; casHost: string }; response: { ok: true } };
  /** A Pronote page asks whether delegation is known to be on for its root. */
  'instance/cas-known': { request: { root: string }; response: { casOn: boolean } };
}

/** A rapprochement suggestion for an unrecognised ENT account, shown in the ENT import wizard. */
export interface Suggestion {
  lastName: string;
  firstName: string;
  className?: string;
  pronoteId: string;
  pronoteLabel: string;
  score: number;
  why: string[];
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T; payload: MessageMap[T]['request'] };
export type Response<T extends MessageType> = MessageMap[T]['response'];
export type Handlers = {
  [T in MessageType]?: (payload: MessageMap[T]['request'], sender: { tabId?: number; url?: string }) =>
    | Response<T>
    | Promise<Response<T>>;
};

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'page/ready',
  'page/findings',
  'panel/get-findings',
  'suggestions/query',
  'suggestions/publish',
  'rapprochement/loaded',
  'instance/version',
  'instance/cas-seen',
  'instance/cas-known',
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
 * handler, so that other listeners may answer it.
 */
export function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: { tabId?: number; url?: string },
): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const handler = handlers[message.type] as
    | ((p: unknown, s: { tabId?: number; url?: string }) => unknown)
    | undefined;
  if (!handler) return undefined;
  return Promise.resolve(handler(message.payload, sender));
}
