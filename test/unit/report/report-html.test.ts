/**
 * The printed report (issue 18, point 5): one renderer for the panel and the command line, the
 * people left by name grouped by reason with class and what to do, a legend on one line, escaped
 * names, French or English.
 */
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import type { Proposal } from '../../../lib/matching';
import { escapeHtml, REPORT_CSP, writeReportHtml, type ReportInput } from '../../../lib/report/report-html';
import { type LeftReason, reportRows } from '../../../lib/report/report-rows';
import { LEFT_ADVICE, LEFT_TITLE, OUTCOME_NAMES } from '../../../lib/report/report-words';
import { buildSummary } from '../../../lib/report/summary';
import { checkTypography } from '../text/typography-rules';
import { dir, pro, result } from './small-run';

const proposal = (p: Partial<Proposal> & Pick<Proposal, 'category' | 'pronoteId' | 'status'>): Proposal => ({
  score: p.status === 'auto' ? 0.99 : 0.4,
  candidates: [],
  ...p,
});
const person = (lastName: string, firstName: string, classes: string[] = []) => ({ lastName, firstName, classes });

/** A school at the end of the six steps: most paired, a few decided by the user, some left. */
const items = [
  { proposal: proposal({ category: 'student', pronoteId: 'S1', status: 'auto', entId: 'E1' }), person: person('MARTIN', 'Léa', ['4B']) },
  { proposal: proposal({ category: 'student', pronoteId: 'S2', status: 'review', reason: 'homonyms' }), person: person('BERNARD', 'Hugo', ['5A']) },
  { proposal: proposal({ category: 'student', pronoteId: 'S3', status: 'review', reason: 'homonyms' }), person: person('BERNARD', 'Jules', ['5A']) },
  {
    proposal: proposal({ category: 'student', pronoteId: 'S4', status: 'unmatched', reason: 'not-in-directory' }),
    person: person('<b>Émile</b>', 'Zoé', ['6C']),
  },
  { proposal: proposal({ category: 'student', pronoteId: 'S5', status: 'review', reason: 'low-score' }), person: person('PETIT', 'Noah', ['3A']) },
  { proposal: proposal({ category: 'student', pronoteId: 'S6', status: 'auto', entId: 'E6' }), person: person('ROUX', 'Inès', ['3A']) },
  { proposal: proposal({ category: 'guardian', pronoteId: 'G1', status: 'unmatched', reason: 'guardian-of-unpaired' }), person: person('DURAND', 'Sophie') },
  { proposal: proposal({ category: 'teacher', pronoteId: 'T1', status: 'unmatched', reason: 'not-in-directory' }), person: person('ARNAUD', 'Claire') },
  { proposal: proposal({ category: 'teacher', pronoteId: 'T2', status: 'review', reason: 'low-score' }), person: person('LEROY', 'Paul') },
  { proposal: proposal({ category: 'supervisor', pronoteId: 'M1', status: 'unmatched', reason: 'no-ent-category' }), person: person('TUTEUR', 'Jean') },
];
/** S5 confirmed, T2 rejected, M1 answered "no ENT account". */
const decisions = [
  { category: 'student' as const, pronoteId: 'S5', kind: 'confirmed' as const },
  { category: 'teacher' as const, pronoteId: 'T2', kind: 'rejected' as const },
  { category: 'supervisor' as const, pronoteId: 'M1', kind: 'no-account' as const },
];
const rows = reportRows(items, decisions);

const panel = (lang: 'fr' | 'en', extra: Partial<ReportInput> = {}) =>
  writeReportHtml({
    lang,
    rows,
    school: { name: 'Collège <b>Émile</b> Zola', uai: '0310047H' },
    year: '2026-2027',
    mode: 'complet',
    generatedAt: '04/12/2026 18:50',
    fullListIn: 'rapprochement-0310047H-2026-2027-tableau.csv',
    ...extra,
  });
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const groupsOf = (doc: Document) =>
  [...doc.querySelectorAll('section.group')].map((s) => ({
    reason: s.getAttribute('data-reason'),
    names: [...s.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')]
        .slice(0, 2)
        .map((td) => td.textContent)
        .join(' | '),
    ),
  }));

describe('reportRows', () => {
  it('takes the decision over the engine, and leaves only the rejected and the undecided', () => {
    const by = Object.fromEntries(rows.map((r) => [r.pronoteId, r]));
    expect(by.S5).toMatchObject({ outcome: 'confirmed' });
    expect(by.S5.left).toBeUndefined();
    expect(by.T2).toMatchObject({ outcome: 'rejected', left: 'rejected' });
    expect(by.M1).toMatchObject({ outcome: 'no-account' });
    expect(by.M1.left).toBeUndefined();
    expect(by.S2).toMatchObject({ outcome: 'review', left: 'homonyms' });
    expect(rows.filter((r) => r.left).map((r) => r.pronoteId)).toEqual(['S2', 'S3', 'S4', 'G1', 'T1', 'T2']);
  });

  it('keeps a remembered decision (command line --decisions), not a remembered rejection', () => {
    const [kept, rejected] = reportRows([
      { proposal: proposal({ category: 'student', pronoteId: 'A', status: 'unmatched', decided: 'no-account' }), person: person('A', 'a') },
      { proposal: proposal({ category: 'student', pronoteId: 'B', status: 'review', reason: 'low-score', decided: 'rejected' }), person: person('B', 'b') },
    ]);
    expect(kept).toMatchObject({ outcome: 'no-account' });
    expect(kept.left).toBeUndefined();
    expect(rejected).toMatchObject({ outcome: 'review', left: 'low-score' });
  });
});

describe('the report, as the panel prints it', () => {
  const doc = parse(panel('fr'));

  it('names the people left, grouped by reason (largest first, ties by reason), by category then name, with their class', () => {
    expect(groupsOf(doc)).toEqual([
      { reason: 'homonyms', names: ['BERNARD Hugo | 5A', 'BERNARD Jules | 5A'] },
      { reason: 'not-in-directory', names: ['ARNAUD Claire | ', '<b>Émile</b> Zoé | 6C'] },
      { reason: 'guardian-of-unpaired', names: ['DURAND Sophie | '] },
      { reason: 'rejected', names: ['LEROY Paul | '] },
    ]);
    const text = doc.body.textContent ?? '';
    expect(text).toContain('Personnes restantes, par raison (6)');
    for (const paired of ['MARTIN', 'ROUX', 'PETIT', 'TUTEUR']) expect(text).not.toContain(paired);
  });

  it('says why each group is left and what to do', () => {
    const homonyms = doc.querySelector('section[data-reason="homonyms"]')!;
    expect(homonyms.querySelector('h3')?.textContent).toBe('Homonymes (2)');
    expect(homonyms.querySelector('.why')?.textContent).toContain('Même nom qu’une autre personne');
    expect(homonyms.querySelector('.todo')?.textContent).toBe(`À faire\u202f: ${LEFT_ADVICE.homonyms.fr}`);
    expect(doc.querySelector('section[data-reason="rejected"] .todo')?.textContent).toContain('Pas de compte ENT');
  });

  it('heads with the school, year and mode, and counts every category and outcome that occurs', () => {
    expect(doc.querySelector('.meta')?.textContent).toBe('Collège <b>Émile</b> Zola · 0310047H · 2026-2027 · mode complet · 04/12/2026 18:50');
    const heads = [...doc.querySelectorAll('table.outcomes thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Catégorie', 'automatique', 'confirmé', 'pas de compte ENT', 'rejeté', 'à vérifier', 'sans correspondance', 'Total', 'Répartition']);
    const students = [...doc.querySelectorAll('table.outcomes tbody tr')][1];
    expect([...students.children].map((c) => c.textContent).slice(0, 8)).toEqual(['Élèves', '2', '1', '0', '0', '2', '1', '6']);
  });

  it('has its legend on one line: one element, one item per outcome shown, no wrapping', () => {
    const legends = doc.querySelectorAll('[data-legend]');
    expect(legends).toHaveLength(1);
    expect([...legends[0].children].map((s) => s.textContent)).toEqual([
      'automatique',
      'confirmé',
      'pas de compte ENT',
      'rejeté',
      'à vérifier',
      'sans correspondance',
    ]);
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/\.legend\{[^}]*flex-wrap:nowrap[^}]*white-space:nowrap/);
  });

  it('prints on A4 and never breaks inside a person row', () => {
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).toContain('@page{size:A4;margin:15mm}');
    expect(css).toMatch(/(^|[,}\n])tr[,{][^}]*break-inside:avoid/);
  });

  it('shows markup from names and the school as text, and holds no script', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    const html = panel('fr');
    expect(html).not.toContain('<b>Émile</b>');
    expect(html).toContain('&#60;b&#62;Émile&#60;/b&#62;');
    expect(doc.querySelectorAll('b, script')).toHaveLength(0);
    expect(html).toMatch(
      new RegExp(
        `^<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">\\s*<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/[()]/g, '\\$&')}">`,
      ),
    );
  });

  it('follows French typography in its French text', () => {
    const text = (doc.body.textContent ?? '').replace('<b>Émile</b>', 'Émile');
    expect(checkTypography(text).problems).toEqual([]);
  });

  it('in English: the same people and groups, English words, lang="en"', () => {
    const english = parse(panel('en'));
    expect(english.documentElement.lang).toBe('en');
    expect(groupsOf(english)).toEqual(groupsOf(doc));
    const text = english.body.textContent ?? '';
    expect(text).toContain('People left, by reason (6)');
    expect(text).toContain('mode full (complet)');
    expect(english.querySelector('section[data-reason="homonyms"] .todo')?.textContent).toBe(`What to do: ${LEFT_ADVICE.homonyms.en}`);
    expect(english.querySelector('section[data-reason="homonyms"] .why')?.textContent).toContain('Same name as someone else');
    for (const french of ['Personnes restantes', 'À faire', 'Catégorie', 'Élèves', 'automatique', 'Pourquoi']) expect(text).not.toContain(french);
  });

  it('cuts a long list and says which file holds all of it', () => {
    const cut = parse(panel('fr', { maxRows: 3 }));
    expect(groupsOf(cut).flatMap((g) => g.names)).toHaveLength(3);
    expect(cut.body.textContent).toContain('… et 3 autres\u202f: la liste complète est dans rapprochement-0310047H-2026-2027-tableau.csv.');
  });

  it('says so when nobody is left', () => {
    const none = parse(writeReportHtml({ lang: 'fr', rows: rows.filter((r) => !r.left), generatedAt: 'x' }));
    expect(none.querySelectorAll('section.group')).toHaveLength(0);
    expect(none.body.textContent).toContain('Tout le monde est rapproché ou a une réponse.');
  });
});

describe('the report, as the command line writes it', () => {
  const notRead = [{ source: 'x<y>.xml', location: 'ligne 3', reason: { fr: 'Nom <vide>', en: 'Empty <name>' }, excerpt: '<Eleve Nom="">' }];
  const summary = buildSummary({
    pronote: { persons: pro, notRead, files: ['x.xml'], exportKind: 'all-users' },
    directory: { persons: dir, notRead: [], files: ['aaf'] },
    proposals: result.proposals,
    unusedDirectory: result.unusedDirectory,
    seconds: 0.5,
  });
  const write = (lang: 'fr' | 'en') =>
    writeReportHtml({
      lang,
      rows: reportRows(result.proposals.map((p, i) => ({ proposal: p, person: pro[i] }))),
      mode: 'complet',
      run: { summary, notRead: { pronote: notRead, directory: [] }, notes: { pronote: [], directory: [] } },
      generatedAt: '29/11/2026',
    });
  const html = write('fr');
  const doc = parse(html);

  it('names the people the engine left, with their class, and escapes every value from the files', () => {
    const names = groupsOf(doc).flatMap((g) => g.names);
    expect(names).toContain('Dupont, "dit" Jean  Marc | 3B');
    expect(names).toContain('<script>alert(1)</script> Élodie & Cie | ');
    expect(names).toContain('Tuteur Jean | ');
    expect(names.some((n) => n.startsWith('LE GALL'))).toBe(false);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('x&#60;y&#62;.xml');
    expect(html).toContain('&#60;Eleve Nom=&#34;&#34;&#62;');
  });

  it('keeps the run: files, export kind, counts read, records not read', () => {
    const text = doc.body.textContent ?? '';
    expect(text).toContain('tous les utilisateurs (import «\u202fcomplet\u202f»)');
    expect(text).toContain('calculé en 0,5\u202fs');
    expect(text).toContain('Enregistrements non lus');
    expect(text).toContain('Nom <vide>');
    expect([...doc.querySelectorAll('table.outcomes thead th')].map((th) => th.textContent).slice(0, 3)).toEqual(['Catégorie', 'Lus Pronote', 'Lus ENT']);
  });

  it('in English, all of it', () => {
    const english = parse(write('en'));
    const text = english.body.textContent ?? '';
    expect(text).toContain('all users ("complet" import)');
    expect(text).toContain('Records not read');
    expect(text).toContain('Empty <name>');
    expect(text).not.toContain('Enregistrements');
  });
});

describe('the report’s words', () => {
  const key = (prefix: string, reason: string) => `${prefix}${reason.replace(/-/g, '_')}` as keyof typeof fr;
  it('are the panel’s for the groups left and the outcomes (the same words on screen and on paper)', () => {
    for (const reason of Object.keys(LEFT_TITLE) as LeftReason[]) {
      for (const [prefix, words] of [
        ['wbLeft_', LEFT_TITLE],
        ['wbAdvice_', LEFT_ADVICE],
      ] as const) {
        const k = key(prefix, reason);
        if (!(k in fr)) continue; // the panel has no group for it yet
        expect(words[reason].fr, k).toBe(fr[k].message);
        expect(words[reason].en, k).toBe((en as typeof fr)[k].message);
      }
    }
    for (const o of ['auto', 'confirmed', 'manual', 'rejected', 'no-account'] as const) {
      expect(OUTCOME_NAMES[o].fr).toBe(fr[key('wbOutcome_', o)].message);
    }
  });
});
