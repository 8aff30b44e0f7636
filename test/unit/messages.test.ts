import { describe, expect, it } from 'vitest';
import { dispatch, isMessage } from '../../lib/messages';

describe('messages', () => {
  it('recognises only known message types with a payload', () => {
    expect(isMessage({ type: 'page/ready', payload: { feature: 'x', url: 'https://a/' } })).toBe(true);
    expect(isMessage({ type: 'page/unknown', payload: {} })).toBe(false);
    expect(isMessage({ type: 'page/ready' })).toBe(false);
    expect(isMessage('page/ready')).toBe(false);
    expect(isMessage(null)).toBe(false);
  });

  it('routes a message to its handler with the sender, and leaves others alone', async () => {
    const seen: unknown[] = [];
    const handlers = {
      'instance/cas-known': (p: { root: string }, s: { tabId?: number }) => {
        seen.push([p.root, s.tabId]);
        return { casOn: p.root.endsWith('/pronote/') };
      },
    };
    await expect(dispatch(handlers, { type: 'instance/cas-known', payload: { root: 'https://x/pronote/' } }, { tabId: 4 })).resolves.toEqual({ casOn: true });
    expect(seen).toEqual([['https://x/pronote/', 4]]);
    expect(dispatch(handlers, { type: 'page/ready', payload: {} }, {})).toBeUndefined();
    expect(dispatch(handlers, { hello: 1 }, {})).toBeUndefined();
  });
});
