import { describe, expect, it } from 'vitest';
import { projectForWebHost } from '../../../lib/catalogue/web-host';
import type { Proposal } from '../../../lib/matching/types';
import { buildStepItems, createRapprochement, saveInput, saveProposals, setOpenRapprochement } from '../../../lib/store';
import { accessFor, hostFitsSchoolEnt, marksFor, revealFor, setSchoolEnt } from '../../../lib/store/school-ent';
import { freshDb } from './fresh-db';
import { person } from './sample';

const pronote = [person('pronote', 'student', 'S1', 'Çelik', 'Zoé', { classes: ['3A'], birthDate: '2012-04-03' })];
const directory = [person('directory', 'student', 'E-S1', 'CELIK', 'Zoe', { classes: ['3A'] })];
const proposals: Proposal[] = [
  { category: 'student', pronoteId: 'S1', status: 'auto', entId: 'E-S1', score: 0.97, candidates: [{ entId: 'E-S1', score: 0.97, evidence: [] }] },
];
const COUNTS = { teacher: 0, student: 1, guardian: 0, supervisor: 0, inspector: 0, staff: 0 };
const MBN = 'clg-zola.monbureaunumerique.fr';
const ZOE = { lastName: 'CELIK', firstName: 'zoe', className: '3A' };

const store = freshDb('school-ent');

async function paired(uai = '0310047H') {
  const r = await createRapprochement(store.db, { uai, schoolName: 'Collège Zola', year: '2026-2027', mode: 'complet' });
  await saveInput(store.db, r.id!, 'pronote', pronote, { files: ['e.xml'], counts: COUNTS, notRead: [], notes: [] });
  await saveInput(store.db, r.id!, 'directory', directory, { files: ['a.xml'], counts: COUNTS, notRead: [], notes: [] });
  await saveProposals(store.db, r.id!, buildStepItems(proposals, pronote, directory));
  return r.id!;
}

describe('projectForWebHost', () => {
  it('finds the project whose web domains hold a host, the most specific domain winning', () => {
    expect(projectForWebHost(MBN)?.id).toBe('mon-bureau-numerique');
    expect(projectForWebHost('MONBUREAUNUMERIQUE.FR.')?.id).toBe('mon-bureau-numerique');
    expect(projectForWebHost('clg.pdl.kosmoseducation.com')?.id).toBe('ent-kosmos');
    expect(projectForWebHost('lycee.kosmoseducation.com')?.id).toBe('aefe');
    // A look-alike is not a subdomain.
    expect(projectForWebHost('evilmonbureaunumerique.fr')).toBeUndefined();
    expect(projectForWebHost('monbureaunumerique.fr.evil.example')).toBeUndefined();
  });
});

describe("the school's ENT project", () => {
  it('fits its catalogue hosts and the hosts the admin confirmed, nothing else', () => {
    const ent = { projectId: 'mon-bureau-numerique', hosts: ['ent.college-zola.fr'], confirmedAt: '' };
    expect(hostFitsSchoolEnt(ent, MBN)).toBe(true);
    expect(hostFitsSchoolEnt(ent, 'ENT.college-zola.fr')).toBe(true);
    expect(hostFitsSchoolEnt(ent, 'clg.mon-ent-occitanie.fr')).toBe(false);
    expect(hostFitsSchoolEnt(ent, 'other.college-zola.fr')).toBe(false);
    expect(hostFitsSchoolEnt(undefined, MBN)).toBe(false);
  });

  it('is kept on the rapprochement; catalogue hosts are not kept as extra hosts', async () => {
    const rid = await paired();
    const ent = await setSchoolEnt(
      store.db,
      rid,
      { projectId: 'mon-bureau-numerique', hosts: [MBN, ' Ent.College-Zola.fr '] },
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(ent).toEqual({ projectId: 'mon-bureau-numerique', hosts: ['ent.college-zola.fr'], confirmedAt: '2026-12-03T10:00:00.000Z' });
    expect((await store.db.rapprochements.get(rid))?.schoolEnt).toEqual(ent);
    await setSchoolEnt(store.db, rid, undefined);
    expect((await store.db.rapprochements.get(rid))?.schoolEnt).toBeUndefined();
    await expect(setSchoolEnt(store.db, 999, { hosts: [] })).rejects.toThrow('no rapprochement 999');
  });

  it('gates the marks and the suggestion: open school only, its ENT hosts only', async () => {
    expect(await marksFor(store.db, '0310047H', MBN, [ZOE])).toEqual({ refused: 'no-rapprochement' });
    const rid = await paired();
    expect(await marksFor(store.db, '0310047H', MBN, [ZOE])).toEqual({ refused: 'no-ent-project' });
    await setSchoolEnt(store.db, rid, { projectId: 'mon-bureau-numerique' });
    expect(await marksFor(store.db, '0310047H', 'clg.mon-ent-occitanie.fr', [ZOE])).toEqual({ refused: 'host-not-school-ent' });
    expect(await revealFor(store.db, '0310047H', 'evil.example', ZOE)).toEqual({ refused: 'host-not-school-ent' });
    expect(await marksFor(store.db, '0690001A', MBN, [ZOE])).toEqual({ refused: 'other-school' });
    expect(await marksFor(store.db, '0310047h', MBN, [ZOE, { lastName: 'Inconnu', firstName: 'X' }])).toEqual({ marks: [true, false] });
    expect(await revealFor(store.db, '0310047H', MBN, ZOE)).toMatchObject({ suggestion: { pronoteId: 'S1', lastName: 'CELIK', className: '3A' } });

    // Another school's rapprochement opened in the panel: the first school's pages get nothing.
    const other = await paired('0690001A');
    await setOpenRapprochement(store.db, other);
    expect(await revealFor(store.db, '0310047H', MBN, ZOE)).toEqual({ refused: 'other-school' });
    await setOpenRapprochement(store.db, rid);
    expect((await accessFor(store.db, '0310047H', MBN)) as { id?: number }).toMatchObject({ id: rid });
  });
});
