import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticPanel } from '../../../../components/diagnostic/DiagnosticPanel';
import type { InstanceCheckDeps } from '../../../../components/diagnostic/InstanceCheck';
import type { KeyValueStore } from '../../../../components/diagnostic/RentreeChecklist';
import type { FetchLike } from '../../../../lib/diagnose/instance';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host?.remove();
});

const INFO = {
  version: [2023, 0, 2, 9],
  CAS: { actif: true, casURL: 'https://cas.ent27.fr/' },
  espaces: [{ nom: 'Espace Élèves', URL: 'eleve.html' }],
  nomEtab: 'COLLEGE <b>LES TILLEULS</b>',
};

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => structuredClone(data[key]),
    set: async (key, value) => {
      data[key] = structuredClone(value);
    },
  };
}

function answering(status: number, body: string): FetchLike {
  return vi.fn(async () => ({ status, text: async () => body, headers: { get: () => 'application/json' } }));
}

function mount(deps: Partial<InstanceCheckDeps> = {}, store: KeyValueStore = memoryStore()) {
  host = document.createElement('div');
  document.body.append(host);
  const full: InstanceCheckDeps = {
    fetchFn: answering(200, JSON.stringify(INFO)),
    requestOrigin: vi.fn(async () => true),
    notifyCasSeen: vi.fn(),
    ...deps,
  };
  act(() => render(<DiagnosticPanel deps={full} store={store} />, host));
  return full;
}

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;

function type(selector: string, value: string) {
  const el = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(formChild: string) {
  await act(async () => {
    $(formChild)
      .closest('form')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/** Types `text` in the instance check's field, submits it and lets the answer render. */
async function checkInstanceOf(text: string) {
  type('#diag-instance-input', text);
  await submit('#diag-instance-input');
  await settle();
}

/** What the check asks the hosted instance 0310047H for: its public description (lib/diagnose/instance.ts). */
const HOSTED_INFO_URL = 'https://0310047h.index-education.net/pronote/infoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4';

/**
 * Checks `text` in a new panel and expects it to reach the hosted instance 0310047H: no permission
 * asked (`*.index-education.net` is in the manifest's host permissions), the information fetched
 * without credentials.
 */
async function checkHostedInstanceOf(text: string) {
  const deps = mount();
  await checkInstanceOf(text);
  expect(deps.requestOrigin).not.toHaveBeenCalled();
  expect(deps.fetchFn).toHaveBeenCalledWith(HOSTED_INFO_URL, expect.objectContaining({ credentials: 'omit' }));
  return deps;
}

describe('Diagnostic tab: explaining a pasted message', () => {
  it('explains the idPronote error, names the CAS server’s project, lists the causes in order', async () => {
    mount();
    type('#diag-explain-text', 'Echec de l authentification par le serveur CAS https://cas.eclat-bfc.fr : Or aucun attribut n a ete renvoye');
    await submit('#diag-explain-text');
    const article = $('[data-failure="idpronote-missing"]');
    expect(article.querySelectorAll('.diag-causes li')).toHaveLength(3);
    expect(host.textContent).toContain('Projet ENT\u202f: Eclat-BFC.');
    expect($('[data-direct-url]')).toBeNull();
  });

  it('gives the direct URL when the message quotes a Pronote address', async () => {
    mount();
    type('#diag-explain-text', "Depuis le connecteur, l'adresse https://0310047h.index-education.net/Pronote/ ne fonctionne plus");
    await submit('#diag-explain-text');
    expect($('[data-failure="direct-url-changed"]')).not.toBeNull();
    expect($('[data-direct-url] code').textContent).toBe('https://0310047h.index-education.net/Pronote/?login=true');
  });

  it('says so when nothing is recognised, and points a CAS response to the reader', async () => {
    mount();
    type('#diag-explain-text', 'Tout va bien');
    await submit('#diag-explain-text');
    expect(host.textContent).toContain('Aucune panne connue');
    type('#diag-explain-text', '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"/>');
    await submit('#diag-explain-text');
    expect(host.textContent).toContain('réponse de validation CAS');
  });
});

describe('Diagnostic tab: instance check', () => {
  it('hosted instance: no permission asked, facts shown as text, CAS seen sent to the background', async () => {
    const deps = await checkHostedInstanceOf('0310047H');
    expect($('[data-fact="school"]').textContent).toBe('COLLEGE <b>LES TILLEULS</b>');
    expect($('[data-fact="school"] b')).toBeNull();
    expect($('[data-fact="project"]').textContent).toBe('ENT27');
    expect($('[data-fact="direct-url"] code').textContent).toBe('https://0310047h.index-education.net/pronote/?login=true');
    expect(deps.notifyCasSeen).toHaveBeenCalledWith('https://0310047h.index-education.net/pronote/', 'cas.ent27.fr');
  });

  it('self-hosted server: asks the permission for that origin only, and stops when refused', async () => {
    const deps = mount({ requestOrigin: vi.fn(async () => false) });
    await checkInstanceOf('http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
    expect(deps.requestOrigin).toHaveBeenCalledWith('http://clg-mariecurie.ac-lyon.fr:81');
    expect(deps.fetchFn).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Autorisation refusée');
    // An http server the admin named: told that the connection is not encrypted (issue 16).
    expect($('[data-warning="unencrypted"]').textContent).toContain('la connexion n’est pas chiffrée');
  });

  it('a permission prompt that never answers can be cancelled, and its late answer is ignored', async () => {
    let grant: (v: boolean) => void = () => {};
    const deps = mount({
      requestOrigin: vi.fn(
        () =>
          new Promise<boolean>((r) => {
            grant = r;
          }),
      ),
    });
    await checkInstanceOf('http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
    expect($<HTMLButtonElement>('#diag-instance-input ~ button[type="submit"]').disabled).toBe(true);
    await act(async () => $('[data-action="cancel-instance"]').click());
    expect($<HTMLButtonElement>('#diag-instance-input ~ button[type="submit"]').disabled).toBe(false);
    expect($('[data-action="cancel-instance"]')).toBeNull();
    grant(true);
    await settle();
    expect(deps.fetchFn).not.toHaveBeenCalled();
    expect($('[aria-labelledby="diag-instance-title"] .diag-result').getAttribute('data-state')).toBe('idle');
    expect(host.textContent).not.toContain('Autorisation refusée');
  });

  it('a permission request that throws ends as refused', async () => {
    const deps = mount({ requestOrigin: vi.fn(() => Promise.reject(new Error('must be called from a user gesture'))) });
    await checkInstanceOf('http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
    expect(deps.fetchFn).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Autorisation refusée');
    expect($<HTMLButtonElement>('#diag-instance-input ~ button[type="submit"]').disabled).toBe(false);
  });

  it('a Google redirect link is unwrapped: the hosted instance is asked, not www.google.com', async () => {
    await checkHostedInstanceOf('https://www.google.com/url?q=http://0310047h.index-education.net/pronote/');
  });

  it('each failure state has its own message', async () => {
    const states: [FetchLike, string, string][] = [
      [answering(503, ''), 'not-published', 'n’est pas publié'],
      [answering(404, 'Not found'), 'not-pronote', 'pas d’instance Pronote'],
      [answering(200, '<html></html>'), 'not-pronote', 'pas d’instance Pronote'],
      [vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), 'no-answer', 'Aucune réponse'],
      [answering(500, ''), 'http-error', 'erreur HTTP 500'],
    ];
    for (const [fetchFn, state, text] of states) {
      const deps = mount({ fetchFn });
      await checkInstanceOf('https://0310047h.index-education.net/pronote/');
      expect($(`[data-instance-state="${state}"]`).textContent).toContain(text);
      expect(deps.notifyCasSeen).not.toHaveBeenCalled();
      render(null, host);
      host.remove();
    }
  });

  it('a timeout says how long it waited', async () => {
    const never: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    mount({ fetchFn: never, timeoutMs: 50 });
    type('#diag-instance-input', '0310047H');
    await submit('#diag-instance-input');
    await act(async () => new Promise((r) => setTimeout(r, 120)));
    await settle();
    expect($('[data-instance-state="timeout"]').textContent).toContain('Pas de réponse en 0 secondes');
  });
});

describe('Diagnostic tab: CAS response reader', () => {
  it('reads a success without idPronote and a malformed paste', async () => {
    mount();
    type(
      '#diag-cas-xml',
      '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>e1</cas:user><cas:attributes><cas:prenom>Anne-Sophie</cas:prenom></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>',
    );
    await submit('#diag-cas-xml');
    expect($('[data-cas-reading="success"]').dataset.expectedPresent).toBe('false');
    expect($('.diag-attributes tbody').textContent).toContain('Anne-Sophie');
    type('#diag-cas-attribute', 'prenom');
    await submit('#diag-cas-xml');
    expect($('[data-cas-reading="success"]').dataset.expectedPresent).toBe('true');
    type('#diag-cas-xml', '<cas:serviceResponse><cas:authenticationSuccess>');
    await submit('#diag-cas-xml');
    expect($('[data-cas-reading="unreadable"]').textContent).toMatch(/XML mal formé/);
  });
});

describe('Diagnostic tab: rentrée checklist', () => {
  it('keeps ticks per UAI in the store, for the current school year', async () => {
    const store = memoryStore();
    mount({}, store);
    type('#diag-rentree-uai', '0310047h');
    await settle();
    const boxes = () => [...host.querySelectorAll<HTMLInputElement>('.diag-steps input[type=checkbox]')];
    expect(boxes()).toHaveLength(3);
    await act(async () => boxes()[0].click());
    await settle();
    const saved = store.data['diagnose.rentree.0310047H'] as { done: string[] };
    expect(saved.done).toEqual(['export-all']);

    type('#diag-rentree-uai', '0752536Z');
    await settle();
    expect(boxes().some((b) => b.checked)).toBe(false);
    type('#diag-rentree-uai', '0310047H');
    await settle();
    expect(boxes()[0].checked).toBe(true);
  });
});
