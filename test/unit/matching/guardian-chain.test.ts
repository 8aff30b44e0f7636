/**
 * No error carried through a link (issue 13, point 5): a guardian's threshold is lowered only by a
 * child pair that is itself sure — decided by the admin, or automatic with its full margin and no
 * disagreement on birth date or class. The 200k case: a student paired automatically (~0.99) with
 * a namesake born another month, in another class, must not vouch for its guardian.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/core/person';
import { type Decision, match, type Proposal } from '../../../lib/matching';
import { ent, filler, pronote } from './persons';

const byId = (proposals: Proposal[]) => new Map(proposals.map((p) => [p.pronoteId, p]));

/** Pronote: Léa Moreau, born `birth`, in `cls`, and her mother Karine under her usage name. */
function pronoteFamily(birth: string, cls: string): Person[] {
  return [
    pronote('student', { id: 'PS', last: 'MOREAU', first: 'Léa', birth, classes: [cls], guardians: ['PG'] }),
    pronote('guardian', { id: 'PG', last: 'MOREAU', first: 'Karine', children: ['PS'] }),
  ];
}

/** 300 students and 300 guardians that look like nobody of the family. */
const fillers = (): Person[] => [...filler(300), ...filler(300, 'guardian').map((p) => ({ ...p, id: `G${p.id}` }))];

/**
 * {@link pronoteFamily}, and in the ENT one Léa Moreau (born `entBirth`, 15/03/2011 unless told, 5A)
 * linked to a Karine under her birth name, Lemaire: only a sure child can pair them, the surnames disagree.
 */
function family(birth: string, cls: string, entBirth = '2011-03-15') {
  const dir: Person[] = [
    ...fillers(),
    ent('student', { id: 'ES', last: 'Moreau', first: 'Léa', birth: entBirth, classes: ['5A'], guardians: ['EG'] }),
    ent('guardian', { id: 'EG', last: 'Lemaire', first: 'Karine', children: ['ES'] }),
  ];
  return { pro: pronoteFamily(birth, cls), dir };
}

describe('a sure child pair lowers the guardian’s threshold', () => {
  it('same birth date and class: the mother pairs through the child despite her other surname', () => {
    const { pro, dir } = family('2011-03-15', '5A');
    const res = byId(match({ pronote: pro, directory: dir }).proposals);
    expect(res.get('PS')).toMatchObject({ status: 'auto', entId: 'ES' });
    expect(res.get('PG')).toMatchObject({ status: 'auto', entId: 'EG' });
  });

  it('day and month exchanged with the class agreeing is the same date typed the other way: sure', () => {
    // The ENT account born 05/03 instead of 03/05.
    const swapped = family('2011-05-03', '5A', '2011-03-05');
    const res = byId(match({ pronote: swapped.pro, directory: swapped.dir }).proposals);
    expect(res.get('PS')).toMatchObject({ status: 'auto', entId: 'ES' });
    expect(res.get('PG')).toMatchObject({ status: 'auto', entId: 'EG' });
  });

  it('a child pair decided by the admin vouches whatever its evidence', () => {
    const { pro, dir } = family('2011-07-15', '4B');
    const decisions: Decision[] = [{ category: 'student', pronoteId: 'PS', kind: 'manual', entId: 'ES', decidedAt: '2026-09-01T10:00:00Z' }];
    const res = byId(match({ pronote: pro, directory: dir, decisions }).proposals);
    expect(res.get('PS')).toMatchObject({ status: 'auto', entId: 'ES', decided: 'manual' });
    expect(res.get('PG')).toMatchObject({ status: 'auto', entId: 'EG' });
  });
});

describe('a child pair that is not sure does not', () => {
  it('another month and another class: the student may pair (~0.99), the guardian is not automatic', () => {
    const { pro, dir } = family('2011-07-15', '4B');
    const res = byId(match({ pronote: pro, directory: dir }).proposals);
    const s = res.get('PS')!;
    expect(s).toMatchObject({ status: 'auto', entId: 'ES' });
    expect(s.score).toBeGreaterThan(0.99);
    expect(res.get('PG')!.status).not.toBe('auto');
  });

  it('another month, same class: not sure either', () => {
    const { pro, dir } = family('2011-07-15', '5A');
    const res = byId(match({ pronote: pro, directory: dir }).proposals);
    expect(res.get('PS')).toMatchObject({ status: 'auto', entId: 'ES' });
    expect(res.get('PG')!.status).not.toBe('auto');
  });

  it('same date, another class: not sure', () => {
    const { pro, dir } = family('2011-03-15', '4B');
    const res = byId(match({ pronote: pro, directory: dir }).proposals);
    expect(res.get('PS')).toMatchObject({ status: 'auto', entId: 'ES' });
    expect(res.get('PG')!.status).not.toBe('auto');
  });

  it('day and month exchanged in another class: not sure', () => {
    const swapped = family('2011-05-03', '4B', '2011-03-05');
    const res = byId(match({ pronote: swapped.pro, directory: swapped.dir }).proposals);
    expect(res.get('PG')!.status).not.toBe('auto');
  });

  it('the 200k case: a namesake student born another month, in another class, and its guardian', () => {
    // The right Léa is absent from the directory; her namesake (another family) takes the pair.
    const pro = pronoteFamily('2011-07-15', '4B');
    const dir: Person[] = [
      ...fillers(),
      ent('student', { id: 'OTHER', last: 'Moreau', first: 'Léa', birth: '2011-03-15', classes: ['5A'], guardians: ['OG'] }),
      // The namesake's mother, also a Karine (birth name); and the right Karine, unlinked.
      ent('guardian', { id: 'OG', last: 'Bertin', first: 'Karine', children: ['OTHER'] }),
      ent('guardian', { id: 'EG', last: 'Moreau', first: 'Karine' }),
    ];
    const res = byId(match({ pronote: pro, directory: dir }).proposals);
    expect(res.get('PS')!.status).toBe('auto');
    const g = res.get('PG')!;
    expect(g.status === 'auto' && g.entId === 'OG').toBe(false);
  });
});
