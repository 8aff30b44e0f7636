import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WELCOME_CLOSED_KEY, Welcome } from '../../../components/Welcome';

let host: HTMLElement;
afterEach(() => host?.remove());

function memoryStore(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (k: string) => data[k],
    set: async (k: string, v: unknown) => {
      data[k] = v;
    },
  };
}

async function mount(store: ReturnType<typeof memoryStore>) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => render(<Welcome store={store} />, host));
  return host;
}

describe('the first-use welcome', () => {
  it('says what the three tabs are for, that nothing leaves the computer, and links the privacy policy', async () => {
    const root = await mount(memoryStore());
    const items = [...root.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^Rapprochement\u202f: /);
    expect(items[1]).toMatch(/^Vérifications\u202f: /);
    expect(items[2]).toMatch(/^Diagnostic\u202f: /);
    expect(root.textContent).toContain('ne quitte cet ordinateur');
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/privacy.html');
    expect(link?.textContent).toBe('Politique de confidentialité');
  });

  it('goes away when closed and keeps the flag, so that it does not come back', async () => {
    const store = memoryStore();
    const root = await mount(store);
    await act(async () => root.querySelector<HTMLButtonElement>('button')?.click());
    expect(root.querySelector('[data-testid=welcome]')).toBeNull();
    expect(store.data[WELCOME_CLOSED_KEY]).toBe(true);
    host.remove();
    const again = await mount(store);
    expect(again.querySelector('[data-testid=welcome]')).toBeNull();
  });

  it('is shown when the setting cannot be read (better once too often than never)', async () => {
    const root = await mount({ data: {}, get: () => Promise.reject(new Error('no storage')), set: async () => {} });
    expect(root.querySelector('[data-testid=welcome]')).not.toBeNull();
  });
});
