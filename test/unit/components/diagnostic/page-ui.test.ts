import { afterEach, describe, expect, it } from 'vitest';
import { shadowOf } from '../../../../components/page-host/closed-host';
import { mountDiagnosis, mountDirectUrlHint } from '../../../../components/diagnostic/page-ui';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the UI put on Pronote pages', () => {
  it('shows the explanation in an open shadow root on a findable element, once', () => {
    mountDiagnosis(document, 'idpronote-missing', 'https://cas.monbureaunumerique.fr');
    const el = mountDiagnosis(document, 'idpronote-missing', 'https://cas.monbureaunumerique.fr');
    expect(document.querySelectorAll('[data-passerelle-diagnosis]')).toHaveLength(1);
    expect(el.getAttribute('data-passerelle-diagnosis')).toBe('idpronote-missing');
    const shadow = shadowOf(el)!;
    expect(shadow.mode).toBe('closed');
    expect(el.shadowRoot).toBeNull();
    expect(shadow.textContent).toContain('Projet ENT\u202f: Mon Bureau Numérique.');
    expect(shadow.querySelector('h3')?.textContent).toMatch(/idPronote/);
    // The page's light DOM holds no text of ours, so the page reading never reads our own words.
    expect(el.textContent).toBe('');
  });

  it('speaks English when asked, and closes', () => {
    const el = mountDiagnosis(document, 'pronote-not-published', undefined, 'en');
    expect(shadowOf(el)!.textContent).toContain('Pronote.net is not published');
    shadowOf(el)!.querySelector('button')!.click();
    expect(document.querySelector('[data-passerelle-diagnosis]')).toBeNull();
  });

  it('the hint shows the direct URL', () => {
    const el = mountDirectUrlHint(document, 'https://0310047h.index-education.net/Pronote/?login=true');
    expect(el.getAttribute('data-passerelle-hint')).toBe('direct-url');
    expect(shadowOf(el)!.querySelector('code')?.textContent).toBe('https://0310047h.index-education.net/Pronote/?login=true');
  });

  it('puts the explanation above the hint whatever the order they come in', () => {
    document.body.innerHTML = '<div id="page"></div>';
    mountDirectUrlHint(document, 'https://0310047h.index-education.net/pronote/?login=true');
    mountDiagnosis(document, 'idpronote-missing');
    mountDirectUrlHint(document, 'https://0310047h.index-education.net/pronote/?login=true');
    expect([...document.body.children].map((e) => e.getAttributeNames().find((n) => n.startsWith('data-passerelle')) ?? e.id)).toEqual([
      'data-passerelle-diagnosis',
      'data-passerelle-hint',
      'page',
    ]);
  });
});
