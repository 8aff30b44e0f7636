/**
 * The workbench component in happy-dom, with its worker run in-process (the same handler as the
 * real worker, over the same store functions): start, load, pair, decide with the keyboard, and
 * resume after the panel is closed and reopened.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkerHandler } from '../../../../lib/rapprochement/worker-handler';
import type { WorkerReply, WorkerRequest } from '../../../../lib/rapprochement/worker-protocol';
import { Workbench } from '../../../../components/rapprochement/Workbench';
import type { Person } from '../../../../lib/core/person';
import { loadDecisions, openRapprochement, type PasserelleDB } from '../../../../lib/store';
import { generate, type Generated } from '../../../../scripts/generator';
import { aafFiles } from '../../../../scripts/generator/write-aaf';
import { contentOf } from '../../../../scripts/generator/write-files';
import { partnerExport } from '../../../../scripts/generator/write-pronote';
import { useStoreAndHost } from '../store-and-host';

/** A Worker-shaped object that runs the worker's handler in this thread. */
function inProcessWorker(db: PasserelleDB): Worker {
  const target = new EventTarget();
  const handle = createWorkerHandler(db, (reply: WorkerReply) => {
    setTimeout(() => target.dispatchEvent(new MessageEvent('message', { data: reply })), 0);
  });
  return Object.assign(target, {
    postMessage: (req: WorkerRequest) => {
      handle(req);
    },
    terminate: () => {},
  }) as unknown as Worker;
}

let g: Generated;
let pronoteXml: string;
let aaf: { name: string; text: string }[];

beforeAll(() => {
  g = generate({ seed: 11, students: 40 });
  // a name holding markup: shown as text, never as HTML
  const teacher = g.pronote.find((p) => p.category === 'teacher') as Person;
  teacher.lastName = '<img src=x onerror="alert(1)">Durand';
  pronoteXml = contentOf(partnerExport(g.pronote));
  aaf = aafFiles(g.directory).map((f) => ({ name: f.name, text: contentOf(f) }));
});

let db: PasserelleDB;
let root: HTMLElement;
useStoreAndHost('wb', (d, h) => {
  db = d;
  root = h;
});

async function until<T>(what: () => T | null | undefined | false, ms = 50_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out; page: ${root.textContent?.slice(-600)}`);
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

const byText = (selector: string, text: string | RegExp) =>
  [...root.querySelectorAll<HTMLElement>(selector)].find((e) => (typeof text === 'string' ? e.textContent?.trim() === text : text.test(e.textContent ?? '')));

function setFiles(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Workbench', () => {
  it('runs from the start screen to a decision made with the keyboard, and resumes when reopened', async () => {
    const mount = () => act(() => render(<Workbench db={db} createWorker={() => inProcessWorker(db)} />, root));
    await mount();
    const uai = await until(() => root.querySelector<HTMLInputElement>('input[name="uai"]'));
    await type(uai, 'bad');
    await act(() => byText('button', 'Commencer le rapprochement')!.click());
    await until(() => byText('[role="alert"]', /7 chiffres/));
    await type(uai, g.school.uai.toLowerCase());
    await act(() => byText('button', 'Commencer le rapprochement')!.click());
    const pronoteInput = await until(() => root.querySelector<HTMLInputElement>('[data-testid="wb-pronote-file"]'));

    setFiles(pronoteInput, [new File([pronoteXml], 'export.xml', { type: 'text/xml' })]);
    await until(() => root.querySelector('[data-testid="wb-pronote-summary"]'));
    setFiles(
      root.querySelector<HTMLInputElement>('[data-testid="wb-directory-file"]')!,
      aaf.map((f) => new File([f.text], f.name, { type: 'text/xml' })),
    );
    await until(() => root.querySelector('[data-testid="wb-directory-summary"]'));
    await act(() => byText('button', 'Lancer le rapprochement')!.click());
    await until(() => byText('h2', /Étape 1\u202f: Enseignants/));

    // Keyboard: next (j) until the teacher whose name holds markup; it is shown as text
    const steps = root.querySelector<HTMLElement>('.wb-steps')!;
    const key = (k: string) =>
      act(() => {
        steps.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      });
    const detailName = () => root.querySelector('#wb-detail-name')?.textContent ?? '';
    await until(() => detailName());
    // The step opens on its worklist (people to confirm and not recognised); "Tous" shows everyone.
    expect(byText('.wb-filters button', /^À traiter/)?.getAttribute('aria-pressed')).toBe('true');
    await act(() => byText('.wb-filters button', /^Tous/)!.click());
    for (let i = 0; i < 20 && !detailName().includes('<img'); i++) await key('j');
    expect(detailName()).toContain('<img src=x onerror="alert(1)">Durand');
    expect(root.querySelector('img')).toBeNull();
    await key('k');
    await key('j');
    expect(detailName()).toContain('<img');
    // "Pas de compte ENT" (n), undo (u), then n again
    await key('n');
    await until(() => root.querySelector('.wb-detail .wb-badge-no-account'));
    await key('u');
    await until(() => !root.querySelector('.wb-detail .wb-badge-no-account'));
    await key('n');
    await until(() => root.querySelector('.wb-detail .wb-badge-no-account'));
    const rid = (await openRapprochement(db))!.id!;
    expect((await loadDecisions(db, rid)).map((d) => [d.category, d.kind])).toEqual([['teacher', 'no-account']]);
    expect(steps.textContent).toContain('Raccourcis clavier');

    // Validate step 1, then close and reopen: step 2 is on screen, step 1 validated
    // People are left: validating asks first, in a dialog saying how many
    await act(() => byText('button', 'Valider l’étape «\u202fEnseignants\u202f»')!.click());
    const ask = await until(() => root.querySelector('[data-testid="wb-validate-dialog"]'));
    expect(ask.textContent).toMatch(/Il reste \d+ personnes? à traiter/);
    await act(() => byText('[data-testid="wb-validate-dialog"] button', 'Valider quand même')!.click());
    await until(() => byText('h2', /Étape 2\u202f: Élèves/));
    await act(() => render(null, root));
    await mount();
    await until(() => byText('h2', /Étape 2\u202f: Élèves/));
    expect(byText('.wb-stepbar button', /Enseignants/)?.textContent).toContain('validée');
    // the storage line says in plain words what this computer keeps, the decision included
    await until(() =>
      /^Données enregistrées sur cet ordinateur\u202f: [\d\u202f]+ personnes, 1 décision\.$/.test(
        root.querySelector('[data-testid="wb-stored"]')?.textContent ?? '',
      ),
    );
  });
});
