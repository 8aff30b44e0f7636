/**
 * French typography everywhere users read (issue 18, point 3): U+202F before `: ; ? !` and inside
 * `« »`, and the apostrophe ’. The walker (`french-text.ts`) and the rules with their exceptions
 * (`typography-rules.ts`) are shared with `npm run fix:typography`, which fixes what this fails on.
 */
import { describe, expect, it } from 'vitest';
import { fixSource } from './fix-source';
import { allFrenchTexts, frenchTextsOf, walkedFiles } from './french-text';
import { checkTypography, NNBSP, PLACEHOLDER } from './typography-rules';

const N = NNBSP;

describe('typography rules', () => {
  it('wants U+202F before : ; ? ! and inside « »', () => {
    expect(checkTypography('Nom : Dupont ; classe: 3A ? oui!').fixed).toBe(`Nom${N}: Dupont${N}; classe${N}: 3A${N}? oui${N}!`);
    expect(checkTypography('le mode « complet »').fixed).toBe(`le mode «${N}complet${N}»`);
    expect(checkTypography('«complet»').fixed).toBe(`«${N}complet${N}»`);
    expect(checkTypography(`a\u00a0: b`).problems).toHaveLength(1);
    expect(checkTypography(`a  : b`).fixed).toBe(`a${N}: b`);
  });

  it('wants ’ for an apostrophe between letters', () => {
    const r = checkTypography("l'annuaire d'aujourd'hui, jusqu'à l'« ENT »");
    expect(r.fixed).toBe(`l’annuaire d’aujourd’hui, jusqu’à l’«${N}ENT${N}»`);
    expect(r.problems.filter((p) => p.rule.includes('apostrophe'))).toHaveLength(5);
  });

  it('finds nothing in text already right', () => {
    expect(checkTypography(`Rapprochement en cours${N}: $1${N}% ($2)${N}; «${N}partiel${N}»${N}?`).problems).toEqual([]);
  });

  it('leaves tokens alone: URLs, times, XML names, query strings, code quotes, entities, CSS', () => {
    for (const text of [
      'https://ent.example.fr/cas/login?service=x',
      'ouvert de 08:30 à 17:00',
      '<cas:user>dupont</cas:user>',
      "<cas:authenticationFailure code='INVALID_TICKET'>",
      'p3/serviceValidate?ticket=ST-1',
      'Tom &amp; Jerry',
      'font-weight !important',
      'mapping.csv',
      `${PLACEHOLDER}:${PLACEHOLDER}`,
      `Voir https://ent.example.fr/aide?`,
    ]) {
      expect(checkTypography(text).problems, text).toEqual([]);
    }
  });

  it('counts a placeholder as a word and two signs as one', () => {
    expect(checkTypography(`${PLACEHOLDER} : ${PLACEHOLDER}`).fixed).toBe(`${PLACEHOLDER}${N}: ${PLACEHOLDER}`);
    expect(checkTypography('Vraiment ?!').fixed).toBe(`Vraiment${N}?!`);
  });
});

describe('the walker', () => {
  it('finds fr properties, templates, conditionals, JSX text, and not English or code', () => {
    const src = [
      "const a = { fr: 'Nom : x', en: 'Name: x' };",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source code given to the walker
      'const b = { fr: `${n} élève(s) : ${ok ? `oui` : "non"}`, en: `${n} pupil(s)` };',
      "const c = 'Pas : fr';",
      'const d = <p title="Titre : x">Texte : ici{\' ; \'}</p>;',
      'function no(code: string, fr: string, en: string) {}',
      "no('c', 'Pas lu : x', 'Not read: x');",
    ].join('\n');
    const texts = frenchTextsOf('components/x.tsx', src).map((t) => t.text);
    expect(texts).toEqual(['Nom : x', `${PLACEHOLDER} élève(s) : ${PLACEHOLDER}`, 'oui', 'non', 'Texte : ici', ' ; ', 'Pas lu : x']);
  });

  it('fixes in place only the pieces that change, in the way they are written', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code given to the fixer
    const src = "const a = { fr: `${n} : l'an`, en: 'Name : x' };\nconst j = <p>Voir : ici</p>;";
    const { source, texts } = fixSource('components/x.tsx', src);
    expect(texts).toBe(2);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code the fixer writes
    expect(source).toBe("const a = { fr: `${n}\\u202f: l’an`, en: 'Name : x' };\nconst j = <p>Voir&#x202f;: ici</p>;");
    const json = fixSource('public/_locales/fr/messages.json', '{ "k": { "message": "Mode « $1 » : ok", "description": "a : b" } }');
    expect(json.source).toBe('{ "k": { "message": "Mode «\\u202f$1\\u202f»\\u202f: ok", "description": "a : b" } }');
  });

  it('walks the catalogue, lib, components, the command line and the JSON data', () => {
    const files = walkedFiles();
    for (const f of [
      'public/_locales/fr/messages.json',
      'lib/diagnose/field-failures.json',
      'lib/report/report-html.ts',
      'scripts/reconcile.ts',
      'components/rapprochement/Results.tsx',
    ]) {
      expect(files).toContain(f);
    }
  });
});

describe('the French text of Passerelle', () => {
  it('follows French typography (run `npm run fix:typography`)', () => {
    const lines: string[] = [];
    for (const t of allFrenchTexts()) {
      for (const p of checkTypography(t.text).problems) {
        const line = t.line + (t.text.slice(0, p.index).match(/\n/g)?.length ?? 0);
        const around = t.text.slice(Math.max(0, p.index - 25), p.index + 25).replace(/\n/g, '⏎');
        lines.push(`${t.file}:${line}: ${p.rule}: …${around}…`);
      }
    }
    expect(lines, lines.slice(0, 40).join('\n')).toEqual([]);
  });
});
