import { describe, expect, it } from 'vitest';
import { type Decision, match, personKey, type Proposal } from '../../../lib/matching';
import type { Person } from '../../../lib/core/person';
import { ent, filler, pronote } from './persons';

/** The engine's proposal for one Pronote person against `accounts`, hidden among `fill` (300 students unless told). */
const proposalFor = (person: Person, accounts: Person[], fill = filler(300)) => match({ pronote: [person], directory: [...fill, ...accounts] }).proposals[0];
const byId = (proposals: Proposal[]) => new Map(proposals.map((p) => [p.pronoteId, p]));

describe('students: the French cases of issue 4 pair automatically', () => {
  const dir: Person[] = [
    ...filler(300),
    ent('student', { id: 'E1', last: 'Legall', first: 'Anne Sophie', birth: '2011-04-03', sex: 'F', classes: ['3A'] }),
    ent('student', { id: 'E2', last: 'NDIAYE', first: 'Moussa', birth: '2010-09-14', sex: 'M', classes: ['4B'] }),
    ent('student', { id: 'E3', last: 'Celik', first: 'Ayse', birth: '2012-01-30', sex: 'F' }),
    ent('student', { id: 'E4', last: 'OEUVRARD', first: 'Théo', birth: '2009-11-02' }),
    ent('student', { id: 'E5', last: 'Durand', birthName: 'MARTIN', first: 'Camille', birth: '2011-06-21' }),
    ent('student', { id: 'E6', last: 'Lambert', first: 'Noé', birth: '2010-03-04' }),
  ];
  const pro: Person[] = [
    pronote('student', { id: 'P1', last: 'LE GALL', first: 'Anne-Sophie', birth: '2011-04-03', sex: 'F', classes: ['3EME A'] }),
    pronote('student', { id: 'P2', last: "N'DIAYE", first: 'MOUSSA', birth: '2010-09-14', sex: 'M' }),
    pronote('student', { id: 'P3', last: 'Çelik', first: 'Ayşe', birth: '2012-01-30' }),
    pronote('student', { id: 'P4', last: 'Œuvrard', first: 'Theo', birth: '2009-11-02' }),
    pronote('student', { id: 'P5', last: 'MARTIN épouse DURAND', first: 'Camille', birth: '2011-06-21' }),
    // Birth date typed 04/03 instead of 03/04.
    pronote('student', { id: 'P6', last: 'LAMBERT', first: 'Noé', birth: '2010-04-03' }),
  ];
  const res = byId(match({ pronote: pro, directory: dir }).proposals);

  it.each([
    ['P1', 'E1'],
    ['P2', 'E2'],
    ['P3', 'E3'],
    ['P4', 'E4'],
    ['P5', 'E5'],
    ['P6', 'E6'],
  ])('%s → %s automatically', (p, e) => {
    const r = res.get(p)!;
    expect(r.status).toBe('auto');
    expect(r.entId).toBe(e);
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('shows the evidence of each field', () => {
    const ev = res.get('P6')!.candidates[0].evidence;
    expect(ev.find((e) => e.field === 'birthDate')).toMatchObject({ level: 'swapped' });
    expect(ev.find((e) => e.field === 'lastName')).toMatchObject({ level: 'exact' });
    expect(res.get('P1')!.candidates[0].evidence.find((e) => e.field === 'class')).toMatchObject({ level: 'exact' });
  });

  it('a wrong birth date with the same names is not automatic', () => {
    const r = proposalFor(pronote('student', { id: 'P', last: 'Lambert', first: 'Noé', birth: '2012-12-25' }), [
      ent('student', { id: 'E', last: 'Lambert', first: 'Noé', birth: '2010-03-04' }),
    ]);
    expect(r.status).not.toBe('auto');
  });
});

describe('homonyms and twins go to review, never automatic', () => {
  it('two teachers MARTIN Julie in the ENT: the Pronote one is reviewed as homonyms', () => {
    const res = proposalFor(
      pronote('teacher', { id: 'T1', last: 'MARTIN', first: 'Julie' }),
      [ent('teacher', { id: 'A', last: 'Martin', first: 'Julie' }), ent('teacher', { id: 'B', last: 'MARTIN', first: 'Julie' })],
      filler(50, 'teacher'),
    );
    expect(res.status).toBe('review');
    expect(res.reason).toBe('homonyms');
    expect(res.candidates.map((c) => c.entId).sort()).toEqual(['A', 'B']);
  });

  it('two Pronote teachers MARTIN Julie and one account: both reviewed', () => {
    const res = match({
      pronote: [pronote('teacher', { id: 'T1', last: 'MARTIN', first: 'Julie' }), pronote('teacher', { id: 'T2', last: 'Martin', first: 'Julie' })],
      directory: [...filler(50, 'teacher'), ent('teacher', { id: 'A', last: 'Martin', first: 'Julie' })],
    }).proposals;
    expect(res.map((r) => r.status)).toEqual(['review', 'review']);
    expect(res.every((r) => r.entId === 'A')).toBe(true);
    expect(res[0].reason).toBe('duplicate-pronote');
  });

  it('twins Louis and Louise born the same day: reviewed, not paired automatically', () => {
    const res = byId(
      match({
        pronote: [
          pronote('student', { id: 'P1', last: 'Garcia', first: 'Louis', birth: '2011-02-02' }),
          pronote('student', { id: 'P2', last: 'Garcia', first: 'Louise', birth: '2011-02-02' }),
        ],
        directory: [
          ...filler(300),
          ent('student', { id: 'E1', last: 'GARCIA', first: 'Louis', birth: '2011-02-02' }),
          ent('student', { id: 'E2', last: 'GARCIA', first: 'Louise', birth: '2011-02-02' }),
        ],
      }).proposals,
    );
    for (const id of ['P1', 'P2']) {
      expect(res.get(id)!.status).toBe('review');
      expect(res.get(id)!.reason).toBe('homonyms');
    }
    // The right account comes first among the candidates.
    expect(res.get('P1')!.entId).toBe('E1');
    expect(res.get('P2')!.entId).toBe('E2');
  });

  it('two accounts for the same student (same names and date): duplicate ENT accounts', () => {
    const r = proposalFor(pronote('student', { id: 'P', last: 'Roussel', first: 'Manon', birth: '2010-05-05' }), [
      ent('student', { id: 'E1', last: 'ROUSSEL', first: 'Manon', birth: '2010-05-05' }),
      ent('student', { id: 'E2', last: 'Roussel', first: 'Manon', birth: '2010-05-05' }),
    ]);
    expect(r.status).toBe('review');
    expect(r.reason).toBe('duplicate-ent');
  });

  it('namesakes told apart by their birth dates pair automatically', () => {
    const res = byId(
      match({
        pronote: [pronote('student', { id: 'P1', last: 'Roussel', first: 'Manon', birth: '2010-05-05' })],
        directory: [
          ...filler(300),
          ent('student', { id: 'E1', last: 'ROUSSEL', first: 'Manon', birth: '2010-05-05' }),
          ent('student', { id: 'E2', last: 'Roussel', first: 'Manon', birth: '2012-11-28' }),
        ],
      }).proposals,
    );
    expect(res.get('P1')).toMatchObject({ status: 'auto', entId: 'E1' });
  });
});

describe('guardians through their paired children', () => {
  const directory: Person[] = [
    ...filler(300),
    ent('student', { id: 'S1', last: 'Petitjean', first: 'Lou', birth: '2011-01-11', guardians: ['G1', 'G2'] }),
    ent('student', { id: 'S2', last: 'Petitjean', first: 'Max', birth: '2013-07-07', guardians: ['G1', 'G2'] }),
    ent('student', { id: 'S3', last: 'Moulin', first: 'Enzo', birth: '2012-03-12', guardians: ['G3'] }),
    // Father and grandfather share a name; only the father is linked to the child.
    ent('guardian', { id: 'G1', last: 'PETITJEAN', first: 'Marc', children: ['S1', 'S2'] }),
    // The mother's ENT account carries her birth name only.
    ent('guardian', { id: 'G2', last: 'Lemaire', first: 'Sophie', children: ['S1', 'S2'] }),
    ent('guardian', { id: 'G3', last: 'Petitjean', first: 'Marc', children: ['S3'] }),
    ent('guardian', { id: 'G4', last: 'Petitjean', first: 'Marc' }),
  ];
  const pro: Person[] = [
    pronote('student', { id: 'PS1', last: 'PETITJEAN', first: 'Lou', birth: '2011-01-11', guardians: ['PG1', 'PG2'] }),
    pronote('student', { id: 'PS2', last: 'PETITJEAN', first: 'Max', birth: '2013-07-07', guardians: ['PG1', 'PG2'] }),
    pronote('guardian', { id: 'PG1', last: 'PETITJEAN', first: 'Marc', children: ['PS1', 'PS2'] }),
    pronote('guardian', { id: 'PG2', last: 'PETITJEAN', first: 'Sophie', children: ['PS1'] }),
    // A guardian whose only child has no account: no pair, and said why.
    pronote('student', { id: 'PS9', last: 'Nouveau', first: 'Arrivé', birth: '2012-09-01', classes: ['5C'], guardians: ['PG9'] }),
    pronote('guardian', { id: 'PG9', last: 'Nouveau', first: 'Paul', children: ['PS9'] }),
  ];
  const res = byId(match({ pronote: pro, directory }).proposals);

  it('the father is paired with the account linked to both children, not his namesakes', () => {
    const r = res.get('PG1')!;
    expect(r).toMatchObject({ status: 'auto', entId: 'G1' });
    const children = r.candidates[0].evidence.find((e) => e.field === 'children')!;
    expect(children.level).toBe('exact');
    expect(children.weight).toBeGreaterThan(10); // two siblings shared
  });

  it('the mother is paired through the child although her ENT surname differs', () => {
    expect(res.get('PG2')).toMatchObject({ status: 'auto', entId: 'G2' });
  });

  it('a guardian of unpaired children is left with that reason', () => {
    expect(res.get('PS9')).toMatchObject({ status: 'unmatched', reason: 'not-in-directory' });
    expect(res.get('PG9')).toMatchObject({ status: 'unmatched', reason: 'guardian-of-unpaired' });
  });

  it('without paired children, namesake guardians are only candidates', () => {
    const r = match({
      pronote: [pronote('guardian', { id: 'X', last: 'PETITJEAN', first: 'Marc' })],
      directory,
    }).proposals[0];
    expect(r.status).toBe('review');
    expect(r.reason).toBe('homonyms');
  });
});

describe('name-only keys are searched when the date or the children found no sure candidate', () => {
  it('a student whose birth year is mistyped is still found by name, past a classmate born that day', () => {
    const r = proposalFor(pronote('student', { id: 'P', last: 'Lambert', first: 'Noé', birth: '2011-03-04' }), [
      // Born the day typed in Pronote, same surname initial: found by the date keys, names differ.
      ent('student', { id: 'OTHER', last: 'Leclerc', first: 'Jade', birth: '2011-03-04' }),
      ent('student', { id: 'E', last: 'Lambert', first: 'Noé', birth: '2010-03-04' }),
    ]);
    expect(r.candidates.map((c) => c.entId)).toContain('E');
    expect(r.entId).toBe('E');
  });

  it('a guardian whose account is not linked to the paired child is still found by name', () => {
    const r = byId(
      match({
        pronote: [
          pronote('student', { id: 'PS', last: 'Garnier', first: 'Lina', birth: '2012-05-06', guardians: ['PG'] }),
          pronote('guardian', { id: 'PG', last: 'Vasseur', first: 'Héloïse', children: ['PS'] }),
        ],
        directory: [
          ...filler(300),
          ent('student', { id: 'S', last: 'Garnier', first: 'Lina', birth: '2012-05-06', guardians: ['G1'] }),
          // The child's only linked guardian is the father; the mother's account lost its link.
          ent('guardian', { id: 'G1', last: 'Garnier', first: 'Yves', children: ['S'] }),
          ent('guardian', { id: 'G2', last: 'Vasseur', first: 'Héloïse' }),
        ],
      }).proposals,
    );
    expect(r.get('PS')).toMatchObject({ status: 'auto', entId: 'S' });
    expect(r.get('PG')!.candidates.map((c) => c.entId)).toContain('G2');
    expect(r.get('PG')!.entId).toBe('G2');
  });
});

describe('supervisors and inspectors', () => {
  it('are compared with teacher and staff accounts; none found is said to be normal', () => {
    const res = byId(
      match({
        pronote: [
          pronote('supervisor', { id: 'M1', last: 'Entreprise', first: 'Tuteur' }),
          pronote('inspector', { id: 'I1', last: 'Vasseur', first: 'Hélène', email: 'helene.vasseur@ac-lille.fr' }),
        ],
        directory: [...filler(40, 'teacher'), ent('staff', { id: 'S', last: 'VASSEUR', first: 'Helene', email: 'helene.vasseur@ac-lille.fr' })],
      }).proposals,
    );
    expect(res.get('M1')).toMatchObject({ status: 'unmatched', reason: 'no-ent-category' });
    expect(res.get('I1')).toMatchObject({ status: 'auto', entId: 'S' });
  });
});

describe('one-to-one within a category', () => {
  it('never gives one account to two automatic pairs', () => {
    const directory = [...filler(300), ent('student', { id: 'E', last: 'Fabre', first: 'Lina', birth: '2010-10-10' })];
    const res = match({
      pronote: [
        pronote('student', { id: 'P1', last: 'FABRE', first: 'Lina', birth: '2010-10-10', classes: [] }),
        pronote('student', { id: 'P2', last: 'Fabre', first: 'Lina', birth: '2010-10-10', classes: ['6A'] }),
      ],
      directory,
    }).proposals;
    expect(res.filter((r) => r.status === 'auto')).toHaveLength(0);
    expect(res.map((r) => r.reason)).toEqual(['duplicate-pronote', 'duplicate-pronote']);
  });

  it('pairs each of many persons to a different account', () => {
    const directory = filler(400);
    const pro = directory.slice(0, 200).map((d) => ({ ...d, side: 'pronote' as const, id: `P-${d.id}` }));
    const res = match({ pronote: pro, directory }).proposals;
    const auto = res.filter((r) => r.status === 'auto');
    expect(new Set(auto.map((r) => r.entId)).size).toBe(auto.length);
    expect(auto.every((r) => r.entId === r.pronoteId.slice(2))).toBe(true);
  });
});

describe('earlier decisions override the engine', () => {
  const directory = [
    ...filler(300),
    ent('student', { id: 'E1', last: 'Fabre', first: 'Lina', birth: '2010-10-10' }),
    ent('student', { id: 'E2', last: 'Vidal', first: 'Hugo', birth: '2011-11-11' }),
  ];
  const pro = [
    pronote('student', { id: 'P1', last: 'Fabre', first: 'Lina', birth: '2010-10-10' }),
    pronote('student', { id: 'P2', last: 'Vidal', first: 'Hugo', birth: '2011-11-11' }),
    pronote('student', { id: 'P3', last: 'Inconnu', first: 'Jean', birth: '2011-01-01' }),
  ];
  const at = '2026-09-01T10:00:00Z';

  it('a manual pair, a rejection and "no ENT account"', () => {
    const decisions: Decision[] = [
      { category: 'student', pronoteId: 'P3', kind: 'manual', entId: 'E2', decidedAt: at },
      { category: 'student', pronoteId: 'P1', kind: 'rejected', entId: 'E1', decidedAt: at },
      { category: 'student', pronoteId: 'P2', kind: 'no-account', decidedAt: at },
    ];
    const res = byId(match({ pronote: pro, directory, decisions }).proposals);
    expect(res.get('P3')).toMatchObject({ status: 'auto', entId: 'E2', decided: 'manual', score: 1 });
    expect(res.get('P1')!.status).toBe('unmatched');
    expect(res.get('P1')!.candidates.map((c) => c.entId)).not.toContain('E1');
    expect(res.get('P2')).toMatchObject({ status: 'unmatched', decided: 'no-account' });
  });

  it('finds a decision again by the person key when the export renumbers people', () => {
    const renumbered = pro.map((p) => ({ ...p, id: `NEW-${p.id}` }));
    const decisions: Decision[] = [{ category: 'student', pronoteId: 'OLD-P3', personKey: personKey(pro[2]), kind: 'manual', entId: 'E2', decidedAt: at }];
    const res = byId(match({ pronote: renumbered, directory, decisions }).proposals);
    expect(res.get('NEW-P3')).toMatchObject({ status: 'auto', entId: 'E2', decided: 'manual' });
    // E2 is taken by the decision: Hugo Vidal is left, not paired twice.
    expect(res.get('NEW-P2')!.status).not.toBe('auto');
  });

  it('ignores a decision whose account is gone from the directory', () => {
    const decisions: Decision[] = [{ category: 'student', pronoteId: 'P1', kind: 'confirmed', entId: 'GONE', decidedAt: at }];
    const r = byId(match({ pronote: pro, directory, decisions }).proposals).get('P1')!;
    expect(r).toMatchObject({ status: 'auto', entId: 'E1' });
    expect(r.decided).toBeUndefined();
  });
});

describe('reasons and progress', () => {
  it('gives a reason to everyone left and reports progress up to "done"', () => {
    const stages: string[] = [];
    const shares: number[] = [];
    const res = match({
      pronote: [
        pronote('student', { id: 'OLD', last: 'Ancien', first: 'Élève', birth: '2005-05-05' }),
        pronote('student', { id: 'NEW', last: 'Arrivée', first: 'Récente', birth: '2012-02-02', classes: ['6B'] }),
        pronote('guardian', { id: 'G', last: 'Voisin', first: 'Gentil' }),
      ],
      directory: filler(100),
      onProgress: (done, stage) => {
        stages.push(stage);
        shares.push(done);
      },
    }).proposals;
    expect(res.map((r) => r.reason)).toEqual(['former-student', 'not-in-directory', 'guardian-of-unpaired']);
    expect(res.every((r) => r.score === 0 && r.entId === undefined)).toBe(true);
    expect(stages[0]).toBe('prepare');
    expect(stages.at(-1)).toBe('done');
    expect(shares.every((s) => s >= 0 && s <= 1)).toBe(true);
  });

  it('returns one proposal per Pronote person, in input order, with all-six-category input', () => {
    const cats = ['teacher', 'student', 'guardian', 'supervisor', 'inspector', 'staff'] as const;
    const pro = cats.map((c, i) => pronote(c, { id: `X${i}`, last: 'Nom', first: 'Prénom' }));
    const r = match({ pronote: pro, directory: [] });
    expect(r.proposals.map((p) => p.pronoteId)).toEqual(pro.map((p) => p.id));
    expect(r.unusedDirectory).toBe(0);
  });
});
