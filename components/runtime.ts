/**
 * The browser side of `lib/messages`: a typed `send` for content scripts and extension pages.
 */
import { browser } from 'wxt/browser';
import type { MessageMap, MessageType, Response } from '../lib/messages';

/**
 * Sends a typed message to the background and returns its typed answer, or null when the
 * background refused it (lib/message-schemas: wrong shape or sender; the reason is logged there).
 */
export async function send<T extends MessageType>(type: T, payload: MessageMap[T]['request']): Promise<Response<T> | null> {
  return ((await browser.runtime.sendMessage({ type, payload })) ?? null) as Response<T> | null;
}
