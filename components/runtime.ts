/**
 * The browser side of `lib/messages`: a typed `send` for content scripts and extension pages.
 */
import { browser } from 'wxt/browser';
import type { MessageMap, MessageType, Response } from '../lib/messages';

/**
 * How the background's webextension-polyfill answers when a handler threw; the polyfill's own
 * `sendMessage` turns it into a rejection, the browser's (content scripts, issue 18) does not.
 */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

const isPolyfillRejection = (answer: unknown): answer is PolyfillRejection =>
  typeof answer === 'object' && answer !== null && (answer as PolyfillRejection).__mozWebExtensionPolyfillReject__ === true;

/**
 * Sends a typed message to the background and returns its typed answer, or null when the
 * background refused it (lib/message-schemas: wrong shape or sender; the reason is logged there).
 * @throws Error when the background's handler failed, with its message.
 */
export async function send<T extends MessageType>(type: T, payload: MessageMap[T]['request']): Promise<Response<T> | null> {
  const answer: unknown = await browser.runtime.sendMessage({ type, payload });
  if (isPolyfillRejection(answer)) throw new Error(answer.message);
  return (answer ?? null) as Response<T> | null;
}
