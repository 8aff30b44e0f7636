import { afterEach, describe, expect, it } from 'vitest';
import { mountDiagnosis, mountDirectUrlHint } from '../../../../components/diagnostic/page-ui';
import { shadowOf } from '../../../../components/page-host/closed-host';
import { explainFailure, explainPageText } from '../../../../lib/diagnose/page-failure';

afterEach(() => {
  document.body.innerHTML = '';
});

// The CAS error page as Pronote shows it (seed §5 FAQ), as `readPageText` reads it.
const CAS_ERROR = `PRONOTE
Échec de l'authentification par le serveur CAS https://cas.monbureaunumerique.fr :
Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote". Or aucun attribut n'a été renvoyé.`;

describe('the UI put on Pronote pages', () => {
  it('shows the explanation in a closed shadow root on a findable element, once', () => {
    const explanation = explainPageText(CAS_ERROR, 'fr')!;
    mountDiagnosis(document, explanation, 'fr');
    const el = mountDiagnosis(document, explanation, 'fr');
    expect(document.querySelectorAll('[data-passerelle-diagnosis]')).toHaveLength(1);
    expect(el.getAttributeNames()).toEqual(['data-passerelle-diagnosis']);
    expect(el.getAttribute('data-passerelle-diagnosis')).toBe('idpronote-missing');
    const shadow = shadowOf(el)!;
    expect(shadow.mode).toBe('closed');
    expect(el.shadowRoot).toBeNull();
    expect(shadow.querySelector('.note')?.textContent).toBe(
      'Serveur CAS cité\u202f: https://cas.monbureaunumerique.fr. Projet ENT\u202f: Mon Bureau Numérique.',
    );
    expect(shadow.querySelector('h3')?.textContent).toMatch(/idPronote/);
    expect(shadow.querySelector('.box')?.getAttribute('aria-label')).toBe('Explication de Passerelle');
    expect([...shadow.querySelectorAll('ol.diag-causes li')].map((li) => li.textContent)).toEqual(explanation.causes);
    expect([...shadow.querySelectorAll('ol.diag-fix li')].map((li) => li.textContent)).toEqual(explanation.fix);
    expect(shadow.querySelector('.diag-support-fix')).toBeNull();
    expect(shadow.querySelector('.diag-source')?.textContent).toBe('Source\u202f: Guide d’intégration Pronote.net ⇄ ENT, § 5 (questions fréquentes)');
    // The page's light DOM holds no text of ours, so the page reading never reads our own words.
    expect(el.textContent).toBe('');
  });

  it('says when the CAS host is not in the catalogue, and shows the support steps when there are some', () => {
    const el = mountDiagnosis(document, explainFailure('pronote-access-denied', 'fr', 'https://cas.ent-inconnu.fr'), 'fr');
    const shadow = shadowOf(el)!;
    expect(shadow.querySelector('.note')?.textContent).toBe(
      'Serveur CAS cité\u202f: https://cas.ent-inconnu.fr. Cet hôte n’est pas dans le catalogue des projets ENT.',
    );
    expect(shadow.querySelectorAll('.diag-support-fix li').length).toBeGreaterThan(0);
    expect(shadow.querySelectorAll('.diag-subtitle')).toHaveLength(3);
  });

  it('sets every text as text, never as markup', () => {
    const explanation = { ...explainFailure('idpronote-missing', 'fr'), casUrl: 'https://cas.a.fr/<img src=x onerror=alert(1)>' };
    const shadow = shadowOf(mountDiagnosis(document, explanation, 'fr'))!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.note')?.textContent).toContain('https://cas.a.fr/<img src=x onerror=alert(1)>');
  });

  it('speaks English when asked, and closes', () => {
    const el = mountDiagnosis(document, explainFailure('pronote-not-published', 'en'), 'en');
    expect(shadowOf(el)!.textContent).toContain('Pronote.net is not published');
    expect(shadowOf(el)!.querySelector('.note')).toBeNull();
    shadowOf(el)!.querySelector('button')!.click();
    expect(document.querySelector('[data-passerelle-diagnosis]')).toBeNull();
  });

  it('the hint shows the direct URL and copies it', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    const el = mountDirectUrlHint(document, 'https://0310047h.index-education.net/Pronote/?login=true', 'fr');
    expect(el.getAttribute('data-passerelle-hint')).toBe('direct-url');
    const shadow = shadowOf(el)!;
    expect(shadow.querySelector('code')?.textContent).toBe('https://0310047h.index-education.net/Pronote/?login=true');
    const button = shadow.querySelector<HTMLButtonElement>('button.diag-copy')!;
    expect(button.getAttribute('aria-live')).toBe('polite');
    button.click();
    await expect.poll(() => button.textContent).toBe('Copié');
    expect(copied).toEqual(['https://0310047h.index-education.net/Pronote/?login=true']);
  });

  it('puts the explanation above the hint whatever the order they come in', () => {
    document.body.innerHTML = '<div id="page"></div>';
    mountDirectUrlHint(document, 'https://0310047h.index-education.net/pronote/?login=true');
    mountDiagnosis(document, explainFailure('idpronote-missing', 'fr'));
    mountDirectUrlHint(document, 'https://0310047h.index-education.net/pronote/?login=true');
    expect([...document.body.children].map((e) => e.getAttributeNames().find((n) => n.startsWith('data-passerelle')) ?? e.id)).toEqual([
      'data-passerelle-diagnosis',
      'data-passerelle-hint',
      'page',
    ]);
  });
});
