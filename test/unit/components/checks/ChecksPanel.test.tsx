import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecksPanel, type TabFindings, manualSettings } from '../../../../components/checks/ChecksPanel';
import { checkHosting } from '../../../../lib/checks/hosting';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

async function mount(tab: TabFindings | null, activate: () => Promise<void> = async () => {}) {
  host = document.createElement('div');
  document.body.append(host);
  await act(() => render(<ChecksPanel lang="fr" refreshMs={0} getTabFindings={async () => tab} activate={activate} />, host));
  await flush();
  return host;
}

function type(root: HTMLElement, selector: string, value: string) {
  const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  el.value = value;
  act(() => {
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}

const ids = (root: ParentNode) => [...root.querySelectorAll('[data-passerelle-finding]')].map((e) => e.getAttribute('data-passerelle-finding'));

describe('Vérifications tab', () => {
  it('shows the findings the content script published for the open tab', async () => {
    const findings = checkHosting({ delegation: true, project: 'Agora06', casUrl: 'https://cas.agora06.fr/login' });
    const root = await mount({ url: 'https://hebergement.index-education.net/x', screen: 'cas-delegation', findings });
    const section = root.querySelector('section')!;
    expect(ids(section)).toEqual(['cas-url-not-base']);
    expect(section.querySelector('code')!.textContent).toBe('https://cas.agora06.fr');
  });

  it('says so when the helper runs on a page whose screen it does not recognise', async () => {
    const root = await mount({ url: 'https://0310047h.index-education.net/admin/', screen: 'none', findings: [] });
    expect(root.textContent).toContain('Aucun écran de la console d’hébergement');
    expect(root.textContent).not.toContain('Aucun problème trouvé sur cet écran');
  });

  it('says when the open tab has no console screen, and reports a failed activation', async () => {
    const root = await mount(null, async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(root.textContent).toContain('Aucun écran de la console d’hébergement');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Activer sur cet onglet')!;
    await act(async () => {
      button.click();
    });
    await flush();
    expect(root.querySelector('[role=status]')!.textContent).toContain('Cannot access contents of the page');
  });

  it('runs the same checks on values typed by hand, updating as they are typed', async () => {
    const root = await mount(null);
    const manual = root.querySelectorAll('section')[1];
    expect(manual.textContent).toContain('Saisissez au moins un réglage');
    type(root, '#checks-delegation', 'on');
    expect(ids(manual)).toEqual(['cas-url-missing']);
    type(root, '#checks-project', 'eclat bfc');
    type(root, '#checks-cas-url', 'http://cas.monbureaunumerique.fr/login?selection=EDU');
    // One finding for the three problems that one address fixes.
    expect(ids(manual)).toEqual(['cas-url-not-https']);
    expect(manual.textContent).toContain('Mon Bureau Numérique');
    type(root, '#checks-cas-url', 'https://cas.eclat-bfc.fr/');
    expect(ids(manual)).toEqual([]);
    expect(manual.textContent).toContain('Aucun problème trouvé');
    type(root, '#checks-mode', 'pronote-identity');
    type(root, '#checks-attribute', 'idpronote');
    type(root, '#checks-racine', 'espaces');
    type(root, '#checks-pronote-url', 'http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
    expect(ids(manual)).toEqual(['cas-attribute-name-unexpected', 'racine-missing-pronote', 'direct-url-login-true']);
    expect(manual.querySelector('[data-passerelle-finding="direct-url-login-true"] code')!.textContent).toBe(
      'http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true',
    );
  });

  it('treats blank fields as not given', () => {
    expect(manualSettings({ delegation: '', project: ' ', casUrl: '', racine: '', pronoteUrl: '', mode: '', attributeName: '' })).toEqual({});
    expect(manualSettings({ delegation: 'on', project: '', casUrl: '', racine: '', pronoteUrl: '', mode: 'identity', attributeName: 'x' })).toEqual({
      delegation: true,
      casUrl: '',
      recognitionMode: 'identity',
    });
  });
});
