import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';

let host: HTMLElement;
afterEach(() => host?.remove());

function mount() {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<App />, host));
  return host;
}

describe('App shell', () => {
  it('shows three tabs, the first one selected, its panel alone visible', () => {
    const root = mount();
    const tabs = [...root.querySelectorAll('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Rapprochement', 'Vérifications', 'Diagnostic']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector<HTMLElement>('#panel-rapprochement')?.hidden).toBe(false);
    expect(root.querySelector<HTMLElement>('#panel-checks')?.hidden).toBe(true);
  });

  it('holds the tabs and their panels in the one main landmark, the title outside it', () => {
    const root = mount();
    const main = root.querySelectorAll('main');
    expect(main.length).toBe(1);
    expect(main[0].querySelector('[role=tablist]')).not.toBeNull();
    expect(main[0].querySelectorAll('[role=tabpanel]').length).toBe(3);
    expect(main[0].querySelector('h1')).toBeNull();
  });

  it('moves between tabs with the arrow keys, Home and End, wrapping around', () => {
    const root = mount();
    const list = root.querySelector('[role=tablist]')!;
    const press = (key: string) => act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    const selected = () => root.querySelector('[aria-selected=true]')?.id;
    press('ArrowLeft');
    expect(selected()).toBe('tab-diagnostic');
    press('ArrowRight');
    expect(selected()).toBe('tab-rapprochement');
    press('End');
    expect(selected()).toBe('tab-diagnostic');
    press('Home');
    expect(selected()).toBe('tab-rapprochement');
  });
});
