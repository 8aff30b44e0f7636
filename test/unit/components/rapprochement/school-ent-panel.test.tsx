/**
 * « ENT de l'établissement » (issue 16) in happy-dom: proposals from the instance check's CAS host
 * and from the active tab, the admin's confirmation, and a host outside the catalogue only when ticked.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SchoolEntPanel, type SchoolEntSources } from '../../../../components/rapprochement/SchoolEntPanel';
import { type PasserelleDB, type Rapprochement, createRapprochement } from '../../../../lib/store';
import { useStoreAndHost } from '../store-and-host';

let db: PasserelleDB;
let host: HTMLElement;
useStoreAndHost('school-ent-panel', (d, h) => {
  db = d;
  host = h;
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

async function mount(sources: SchoolEntSources) {
  const r = await createRapprochement(db, { uai: '0310047H', schoolName: 'Collège Zola', year: '2026-2027', mode: 'complet' });
  const changes: Rapprochement[] = [];
  act(() => render(<SchoolEntPanel db={db} r={r} sources={sources} onChange={(n) => changes.push(n)} />, host));
  await settle();
  return { r, changes, select: host.querySelector('select') as HTMLSelectElement, confirm: [...host.querySelectorAll('button')].at(-1) as HTMLButtonElement };
}

describe('SchoolEntPanel', () => {
  it('proposes the project of the instance check’s CAS host first, and stores it once confirmed', async () => {
    const { r, changes, select, confirm } = await mount({
      activeTabHost: async () => 'clg.mon-ent-occitanie.fr',
      casHost: async (uai) => (uai === '0310047H' ? 'cas.monbureaunumerique.fr' : undefined),
    });
    expect(select.value).toBe('mon-bureau-numerique');
    expect(host.textContent).toContain('vérification de l’instance Pronote');
    // A catalogue host in the tab: nothing to tick.
    expect(host.querySelector('input[type=checkbox]')).toBeNull();
    await act(async () => confirm.click());
    await settle();
    expect((await db.rapprochements.get(r.id!))?.schoolEnt).toMatchObject({ projectId: 'mon-bureau-numerique', hosts: [] });
    expect(changes.at(-1)?.schoolEnt?.projectId).toBe('mon-bureau-numerique');
    expect(host.textContent).toContain('Suggestions montrées seulement sur\u202f: Mon Bureau Numérique.');
  });

  it('proposes from the active tab when no instance check saw a CAS host', async () => {
    const { select } = await mount({ activeTabHost: async () => 'clg.pdl.kosmoseducation.com', casHost: async () => undefined });
    expect(select.value).toBe('ent-kosmos');
    expect(host.textContent).toContain('d’après l’onglet ouvert');
  });

  it('takes a host outside the catalogue only when the admin ticks it', async () => {
    const { r, confirm } = await mount({ activeTabHost: async () => 'ENT.College-Zola.fr', casHost: async () => undefined });
    expect(confirm.disabled).toBe(true);
    const tick = host.querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(tick.parentElement?.textContent).toContain('ent.college-zola.fr');
    await act(async () => tick.click());
    expect(confirm.disabled).toBe(false);
    await act(async () => confirm.click());
    await settle();
    expect((await db.rapprochements.get(r.id!))?.schoolEnt).toMatchObject({ hosts: ['ent.college-zola.fr'] });
    expect((await db.rapprochements.get(r.id!))?.schoolEnt?.projectId).toBeUndefined();
  });
});
