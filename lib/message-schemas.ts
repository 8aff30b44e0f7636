/**
 * One schema per message of `lib/messages` (issue 16): payload shapes, lengths and allowed
 * values, and who may send it. The background runs `checkMessage` before any handler, so a
 * handler only ever sees a payload of its declared shape from an allowed sender.
 *
 * Why a library (valibot, about 1 KB per schema after tree shaking): validation is plumbing, not
 * domain, and its schemas read as the shapes they check. It is imported by the background only;
 * content scripts do not carry it.
 *
 * Limits are generous for real pages and small for abuse: an ENT wizard page lists a few hundred
 * rows at most, names are under 100 characters, URLs under 2,048 (what browsers and servers
 * commonly accept).
 */
import * as v from 'valibot';
import { PAGE_TEXT_MAX } from './diagnose/page';
import type { Message, MessageType, Sender } from './messages';
import { isHostedPronotePage } from './pronote/url';

const MAX_URL = 2048;
const MAX_ROWS = 500;

const webUrl = v.pipe(v.string(), v.maxLength(MAX_URL), v.regex(/^https?:\/\/[^\s/]+/i, 'not an http(s) URL'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
/** UAI (RNE): seven digits and a letter (DOMAIN.md, "UAI"). */
const uai = v.pipe(v.string(), v.regex(/^\d{7}[A-Za-z]$/, 'not a UAI'));
// Empty when the instance said CAS is on without naming its server.
const hostName = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]*$/i, 'not a host name'));
const localized = (max: number) => v.strictObject({ fr: text(max), en: text(max) });

const finding = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(80), v.regex(/^[a-z0-9-]+$/)),
  severity: v.picklist(['error', 'warning', 'info']),
  message: localized(2000),
  fix: localized(2000),
  field: v.optional(text(80)),
  url: v.optional(text(MAX_URL)),
  covers: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(80), v.regex(/^[a-z0-9-]+$/))), v.maxLength(10))),
});

const wizardRow = v.strictObject({ lastName: name, firstName: name, className: v.optional(text(40)) });

/**
 * Who may send a message: a content script in a web page's tab, one of the extension's pages, or
 * both; `pronote-page`, a content script in a tab of a hosted Pronote page (`isHostedPronotePage`).
 */
export type From = 'content' | 'pronote-page' | 'extension' | 'any';

/** The schema and the allowed senders of each message type. */
export const MESSAGE_RULES: { [T in MessageType]: { from: From; payload: v.GenericSchema } } = {
  'page/ready': { from: 'content', payload: v.strictObject({ feature: v.picklist(['hosting-console', 'ent-admin', 'pronote']), url: webUrl }) },
  'page/findings': {
    from: 'content',
    payload: v.strictObject({
      url: v.union([webUrl, v.literal('')]),
      screen: v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z0-9+-]*$/i)),
      findings: v.pipe(v.array(finding), v.maxLength(100)),
    }),
  },
  'panel/get-findings': { from: 'extension', payload: v.strictObject({ tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }) },
  'suggestions/marks': { from: 'content', payload: v.strictObject({ uai, rows: v.pipe(v.array(wizardRow), v.maxLength(MAX_ROWS)) }) },
  'suggestions/reveal': { from: 'content', payload: v.strictObject({ uai, row: wizardRow }) },
  'rapprochement/loaded': { from: 'content', payload: v.strictObject({ uai: v.optional(uai) }) },
  'instance/version': { from: 'content', payload: v.strictObject({ url: webUrl }) },
  'instance/cas-seen': { from: 'any', payload: v.strictObject({ root: webUrl, casHost: hostName }) },
  'instance/cas-known': { from: 'content', payload: v.strictObject({ root: webUrl }) },
  'instance/diagnose-page': { from: 'pronote-page', payload: v.strictObject({ text: text(PAGE_TEXT_MAX), lang: v.picklist(['fr', 'en']) }) },
  'instance/cas-host': { from: 'extension', payload: v.strictObject({ root: webUrl }) },
};

// `URL.canParse` is Chrome 120; the extension supports 116.
const onHostedPronote = (url: string): boolean => {
  try {
    return isHostedPronotePage(new URL(url));
  } catch {
    return false;
  }
};

const senderFits = (from: From, sender: Sender): boolean => {
  const content = !sender.extensionPage && sender.tabId !== undefined && /^https?:\/\//i.test(sender.url ?? '');
  if (from === 'content') return content;
  if (from === 'pronote-page') return content && onHostedPronote(sender.url ?? '');
  if (from === 'extension') return sender.extensionPage === true;
  return content || sender.extensionPage === true;
};

/**
 * Checks `message` (already known to have a known type) against its rule. Returns undefined when
 * it may be handled, else the reason it is refused, e.g. `sender: content script not allowed` or
 * `payload: rows.0.lastName Invalid length…` (never the payload's values, which may be personal data).
 */
export function checkMessage(message: Message, sender: Sender): string | undefined {
  const rule = MESSAGE_RULES[message.type];
  if (!rule) return 'unknown type';
  if (!senderFits(rule.from, sender)) {
    return `sender: ${sender.extensionPage ? 'extension page' : sender.tabId !== undefined ? 'content script' : 'unknown sender'} not allowed (${rule.from} only)`;
  }
  const parsed = v.safeParse(rule.payload, message.payload);
  if (parsed.success) return undefined;
  const issue = parsed.issues[0];
  return `payload: ${v.getDotPath(issue) ?? '(root)'} ${issue.kind}/${issue.type} expected ${issue.expected ?? '?'}`;
}
