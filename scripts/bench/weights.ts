/**
 * `npm run bench -- weights`: the comparison weights learned per run by EM (issue 13, point 6;
 * lib/matching/em.ts) against the fixed ones (lib/matching/weights.ts).
 *
 * For each generator variant (scripts/generator/variants.ts; the Pronote side written in the
 * partner layout with the variant's links and read back, as variants.ts does) and for exports
 * generated from the real AAF files of ../shared/data/aaf-entcore in each link form: the engine run
 * twice on the same set, `weights: 'fixed'` and `weights: 'estimated'`; per category precision and
 * recall of the automatic pairs, review share, right account first, wrong pairs, both ways. Seeds
 * 1–3 (tuned on) and 4–6 (report) apart. The learned weights are printed beside the fixed ones for
 * the first seed of each set, with the run's note (learned, or fixed and why).
 *
 * Speed and memory: CPU time of the pairing both ways (the smallest of `--reps` runs each, at 10k
 * against 12k), and with `--big` one run each way at 200k against 250k with peak memory.
 *
 * Flags: `--variants=base,hardest`, `--seeds=1,2,3`, `--size=10000`, `--no-aaf`, `--aaf-only`,
 * `--reps=5`, `--big`, `--weights-only` (print the learned weights, no quality tables).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATEGORIES, type Category, type Person } from '../../lib/core/person';
import { readDirectory } from '../../lib/directory';
import { type MatchResult, match } from '../../lib/matching';
import { EM_FIELDS } from '../../lib/matching/em';
import { WEIGHTS } from '../../lib/matching/weights';
import { readPronoteExport } from '../../lib/pronote';
import { generate } from '../generator/index';
import { LINK_FORM_OF_SIDE, VARIANTS } from '../generator/variants';
import { bytesOf } from '../generator/write-files';
import { LINK_FORMS, type LinkForm, partnerExport } from '../generator/write-pronote';
import { measure } from './measure';
import { flag, has, setFlags } from './flags';
import { addTallies, measures, pct, printTable, rowsOf, type Tally, tally } from './quality';

const { chosen, seedGroups, size } = setFlags();
const reps = Number(flag('reps') ?? 5);
const variants = has('aaf-only') ? [] : VARIANTS.filter((v) => !chosen || chosen.includes(v.name));

interface Set_ {
  pronote: Person[];
  directory: Person[];
  truth: { category: Category; pronoteId: string; entId: string }[];
}

function readBack(pronote: Person[], links: LinkForm | undefined): Person[] {
  const file = partnerExport(pronote, { links });
  return readPronoteExport([{ name: file.name, bytes: bytesOf(file) }]).persons;
}

interface Both {
  fixed: Tally;
  estimated: Tally;
}

/** Runs a set both ways; prints the learned weights when `show`. */
function runBoth(s: Set_, show: boolean): Both {
  const fixed = match({ pronote: s.pronote, directory: s.directory, weights: 'fixed' });
  const estimated = match({ pronote: s.pronote, directory: s.directory, weights: 'estimated' });
  if (show) printWeights(estimated, '    ');
  return { fixed: tally(rowsOf(s.truth, fixed.proposals)), estimated: tally(rowsOf(s.truth, estimated.proposals)) };
}

/** The learned weights of a run beside the fixed ones, one line per category. */
function printWeights(r: MatchResult, indent: string): void {
  for (const note of r.weights) {
    if (note.source === 'fixed') {
      console.log(`${indent}${note.category}: fixed weights (${note.reason}; ${note.pairs} candidate pairs)`);
      continue;
    }
    const parts: string[] = [];
    for (const field of EM_FIELDS) {
      for (const [level, w] of Object.entries(note.weights?.[field] ?? {})) {
        const today = WEIGHTS[field][level as keyof (typeof WEIGHTS)[typeof field]];
        parts.push(`${field}.${level} ${today}→${w}`);
      }
    }
    console.log(`${indent}${note.category}: learned from ${note.pairs} candidate pairs: ${parts.join(', ')}`);
  }
}

const results: Array<{ name: string; seeds: number[]; both: Both }> = [];

function report(name: string, seeds: number[], both: Both[]): void {
  const fixed = addTallies(both.map((b) => b.fixed));
  const estimated = addTallies(both.map((b) => b.estimated));
  const head = ['category', 'with acct', 'fixed P', 'fixed R', 'EM P', 'EM R', 'fixed review', 'EM review', 'fixed 1st', 'EM 1st'];
  const lines = [head];
  for (const c of [...CATEGORIES, 'overall'] as const) {
    const f = fixed.get(c)!;
    const e = estimated.get(c)!;
    if (!f.persons) continue;
    const [fm, em] = [measures(f), measures(e)];
    lines.push([c, String(f.withAccount), fm.precision, fm.recall, em.precision, em.recall, fm.review, em.review, fm.first, em.first]);
  }
  printTable(lines, '  ');
  const f = fixed.get('overall')!;
  const e = estimated.get('overall')!;
  console.log(
    `  wrong automatic pairs: fixed ${f.auto - f.right}, EM ${e.auto - e.right}; accounts in two automatic pairs: fixed ${f.accountsTwice}, EM ${e.accountsTwice}`,
  );
  results.push({ name, seeds, both: { fixed, estimated } });
}

function aafPersons(): Person[] {
  const dir = resolve('../shared/data/aaf-entcore');
  const names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.xml'));
  return readDirectory(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))).persons;
}

async function speed(): Promise<void> {
  const g = generate({ seed: 1, scale: { pronote: 10_000, directory: 12_000 } });
  const best = { fixed: Number.POSITIVE_INFINITY, estimated: Number.POSITIVE_INFINITY };
  for (let i = 0; i < reps; i++) {
    for (const mode of ['fixed', 'estimated'] as const) {
      const t0 = process.cpuUsage();
      match({ pronote: g.pronote, directory: g.directory, weights: mode });
      const t = process.cpuUsage(t0);
      best[mode] = Math.min(best[mode], (t.user + t.system) / 1e6);
    }
  }
  console.log(
    `\npairing 10k against 12k, CPU, smallest of ${reps} runs each: fixed ${best.fixed.toFixed(3)} s, EM ${best.estimated.toFixed(3)} s (${(((best.estimated - best.fixed) / best.fixed) * 100).toFixed(1)} %; target ≤ 10 %)`,
  );
  if (!has('big')) return;
  const big = generate({ seed: 4, scale: { pronote: 200_000, directory: 250_000 } });
  for (const mode of ['fixed', 'estimated'] as const) {
    const t0 = process.cpuUsage();
    const m = await measure(() => match({ pronote: big.pronote, directory: big.directory, weights: mode }));
    const t = process.cpuUsage(t0);
    const o = tally(rowsOf(big.truth, m.value.proposals)).get('overall')!;
    console.log(
      `pairing 200k against 250k, ${mode}: ${m.seconds.toFixed(1)} s wall, ${((t.user + t.system) / 1e6).toFixed(1)} s CPU, peak RSS ${m.peakRssMiB.toFixed(0)} MiB, peak heap ${m.peakHeapMiB.toFixed(0)} MiB; precision ${pct(o.right, o.auto)}, recall ${pct(o.right, o.withAccount)}, wrong ${o.auto - o.right}`,
    );
    if (mode === 'estimated') printWeights(m.value, '  ');
  }
}

async function main(): Promise<void> {
  console.log(`Weights learned by EM against the fixed weights: ${size} Pronote persons against ${Math.round(size * 1.2)} accounts per generated set`);
  for (const v of variants) {
    for (const seeds of seedGroups) {
      console.log(`\n${v.name} (links: ${v.links}), seeds ${seeds.join(', ')}`);
      const both = seeds.map((seed, i) => {
        const g = generate({ seed, scale: { pronote: size, directory: Math.round(size * 1.2) }, variant: v.name });
        return runBoth({ pronote: readBack(g.pronote, LINK_FORM_OF_SIDE[g.variant.links]), directory: g.directory, truth: g.truth }, i === 0);
      });
      if (!has('weights-only')) report(v.name, seeds, both);
    }
  }
  if (!has('no-aaf')) {
    const aaf = aafPersons();
    for (const form of LINK_FORMS) {
      for (const seeds of seedGroups) {
        console.log(`\nAAF-derived export (../shared/data/aaf-entcore), links ${form}, seeds ${seeds.join(', ')}`);
        const both = seeds.map((seed, i) => {
          const g = generate({ seed, fromAaf: aaf });
          return runBoth({ pronote: readBack(g.pronote, form), directory: g.directory, truth: g.truth }, i === 0);
        });
        if (!has('weights-only')) report(`aaf ${form}`, seeds, both);
      }
    }
  }
  if (!has('weights-only') && results.length) {
    console.log('\nSummary (Markdown; overall P and R of automatic pairs, fixed weights then EM):\n');
    console.log('| set | seeds | fixed P | fixed R | EM P | EM R | fixed wrong | EM wrong |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      const f = r.both.fixed.get('overall')!;
      const e = r.both.estimated.get('overall')!;
      console.log(
        `| ${r.name} | ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]} | ${pct(f.right, f.auto)} | ${pct(f.right, f.withAccount)} | ${pct(e.right, e.auto)} | ${pct(e.right, e.withAccount)} | ${f.auto - f.right} | ${e.auto - e.right} |`,
      );
    }
  }
  await speed();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
