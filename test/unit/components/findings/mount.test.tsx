import { afterEach, describe, expect, it } from 'vitest';
import { shadowOf } from '../../../../components/page-host/closed-host';
import { startHostingHelper } from '../../../../features/hosting-console';
import { createFindingsMount } from '../../../../components/findings/mount';
import type { Finding } from '../../../../lib/checks/finding';
import { type LoadedPage, loadConsolePage } from '../../pages/load-fixture';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  document.body.innerHTML = '';
});

const F = (id: string, field?: string, url?: string): Finding => ({
  id,
  severity: id.startsWith('e') ? 'error' : 'info',
  message: { fr: `message ${id}`, en: `message ${id} en` },
  fix: { fr: `fix ${id}`, en: `fix ${id} en` },
  field,
  url,
});

const shown = (root: ParentNode) =>
  [...root.querySelectorAll('[data-passerelle-host]')].flatMap((h) =>
    [...shadowOf(h)!.querySelectorAll('[data-passerelle-finding]')].map((li) => li.getAttribute('data-passerelle-finding')),
  );

describe('createFindingsMount', () => {
  it('puts each finding in an open shadow root right after its field, the rest in a panel', () => {
    document.body.innerHTML = '<p><input id="a"></p><p><input id="b"></p>';
    const mount = createFindingsMount(document, { lang: 'fr' });
    const a = document.getElementById('a')!;
    mount.update([F('e1', 'a', 'https://x.example/?login=true'), F('i2', 'gone'), F('e3', 'a')], (f) => document.getElementById(f) ?? undefined);
    const host = a.nextElementSibling!;
    expect(host.getAttribute('data-passerelle-host')).toBe('findings');
    const items = [...shadowOf(host)!.querySelectorAll('li')];
    expect(items.map((li) => [li.dataset.passerelleFinding, li.dataset.severity])).toEqual([
      ['e1', 'error'],
      ['e3', 'error'],
    ]);
    expect(items[0].textContent).toContain('Erreur');
    expect(items[0].querySelector('code')!.textContent).toBe('https://x.example/?login=true');
    expect(items[0].querySelector('button')!.textContent).toBe('Copier');
    const panel = document.body.lastElementChild!;
    expect(shadowOf(panel)!.querySelector('li')!.dataset.passerelleFinding).toBe('i2');
    // The page's own controls are untouched.
    expect((a as HTMLInputElement).value).toBe('');
    mount.update([F('i2', 'b')], (f) => document.getElementById(f) ?? undefined);
    expect(shown(document)).toEqual(['i2']);
    expect(document.getElementById('b')!.nextElementSibling!.hasAttribute('data-passerelle-host')).toBe(true);
    mount.destroy();
    expect(document.querySelectorAll('[data-passerelle-host]')).toHaveLength(0);
  });

  it('leaves an unchanged list as it is, so that a copy button keeps what it said', async () => {
    document.body.innerHTML = '<p><input id="a"></p>';
    const mount = createFindingsMount(document, { lang: 'fr' });
    const locate = (f: string) => document.getElementById(f) ?? undefined;
    mount.update([F('e1', 'a', 'https://x.example/')], locate);
    const button = shadowOf(document.getElementById('a')!.nextElementSibling!)!.querySelector('button')!;
    button.click();
    await expect.poll(() => button.textContent).not.toBe('Copier');
    mount.update([F('e1', 'a', 'https://x.example/')], locate);
    expect(shadowOf(document.getElementById('a')!.nextElementSibling!)!.querySelector('button')).toBe(button);
    expect(button.textContent).not.toBe('Copier');
    mount.update([F('e2', 'a', 'https://x.example/')], locate);
    expect(shadowOf(document.getElementById('a')!.nextElementSibling!)!.querySelector('button')!.textContent).toBe('Copier');
    mount.destroy();
  });

  it('renders page text as text, never as markup', () => {
    const mount = createFindingsMount(document, { lang: 'en' });
    const evil = F('e1');
    evil.message.en = '<img src=x onerror=alert(1)>';
    mount.update([evil], () => undefined);
    const li = shadowOf(document.body.lastElementChild!)!.querySelector('li')!;
    expect(li.querySelector('img')).toBeNull();
    expect(li.textContent).toContain('<img src=x onerror=alert(1)>');
    mount.destroy();
  });
});

describe('startHostingHelper on the reconstructed pages', () => {
  it('shows the misconfigured delegation screen findings next to their fields, and publishes them', async () => {
    page = loadConsolePage('delegation-table.html');
    const published: string[][] = [];
    const stop = startHostingHelper(page.document, { lang: 'fr', debounceMs: 10, publish: (r) => published.push(r.findings.map((f) => f.id)) });
    const url = page.document.getElementById('GInterface_14_url') as HTMLInputElement;
    const next = url.nextElementSibling!;
    expect([...shadowOf(next)!.querySelectorAll('li')].map((li) => li.dataset.passerelleFinding)).toEqual(['cas-url-wrapped']);
    expect(shown(page.document).sort()).toEqual(['base-not-published', 'cas-url-wrapped', 'direct-url-login-true', 'racine-missing-pronote']);
    expect(published).toHaveLength(1);

    // The admin fixes the URL: the error goes, after the debounce.
    url.value = 'https://cas.mon-ent-occitanie.fr';
    url.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    await new Promise((r) => setTimeout(r, 60));
    expect(shown(page.document)).not.toContain('cas-url-wrapped');
    expect(published.at(-1)!.sort()).toEqual(['base-not-published', 'direct-url-login-true', 'racine-missing-pronote']);
    // Its own insertions do not make it publish again and again.
    await new Promise((r) => setTimeout(r, 60));
    expect(published).toHaveLength(2);
    expect(url.value).toBe('https://cas.mon-ent-occitanie.fr');
    stop();
    expect(page.document.querySelectorAll('[data-passerelle-host]')).toHaveLength(0);
  });

  it('follows an ARIA check box toggled by the page (attribute change, no input event)', async () => {
    page = loadConsolePage('identification-divs.html');
    const stop = startHostingHelper(page.document, { lang: 'fr', debounceMs: 10 });
    expect(shown(page.document)).not.toContain('cas-delegation-off');
    page.document.querySelector('[role=checkbox]')!.setAttribute('aria-checked', 'false');
    await new Promise((r) => setTimeout(r, 80));
    expect(shown(page.document)).toContain('cas-delegation-off');
    stop();
  });

  it('finds nothing to say until a script-drawn screen appears, then shows it', async () => {
    page = loadConsolePage('drawn-by-script.html', { run: true });
    const stop = startHostingHelper(page.document, { lang: 'fr', debounceMs: 10 });
    expect(shown(page.document)).toEqual([]);
    await page.settle();
    await new Promise((r) => setTimeout(r, 60));
    expect(shown(page.document).sort()).toEqual(['cas-attribute-name-unexpected', 'cas-delegation-off']);
    stop();
  });
});
