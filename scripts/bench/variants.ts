/**
 * `npm run bench -- variants`: pairing quality on each named variant of the generator (issue 13,
 * "The generator and the benchmark"; scripts/generator/variants.ts), the exact-key baseline and the
 * engine side by side, per category: precision, recall, review share, right account first.
 *
 * Each set is about 10,000 Pronote persons against 12,000 ENT accounts. The Pronote side goes
 * through the files as a user's would: written in the partner layout with the variant's links
 * (student side, guardian side as `<Eleve Ident>` children, none: write-pronote.ts) and read back with `readPronoteExport`, so a
 * link form the readers miss shows here. The directory side is the generator's persons, as the AAF
 * reader gives them (the AAF round trip is timed by matching.ts). The engine is called through its
 * public entry point, `match()`, with no option: what the command line and the side panel run.
 * Seeds 1–3 (the ones tuned on) and 4–6 (never tuned on) are reported apart.
 *
 * Flags: `--variants=base,hardest` (some variants only), `--seeds=1,2,3` (one group of seeds),
 * `--size=10000` (Pronote persons per set; the directory is 1.2 times that).
 */
import { match, type Proposal } from '../../lib/matching';
import { CATEGORIES, type Person } from '../../lib/core/person';
import { readPronoteExport } from '../../lib/pronote';
import { type Generated, generate } from '../generator/index';
import { LINK_FORM_OF_SIDE } from '../generator/variants';
import { partnerExport } from '../generator/write-pronote';
import { VARIANTS } from '../generator/variants';
import { bytesOf } from '../generator/write-files';
import { setFlags } from './flags';
import { addTallies, baseline, pct, printQuality, rowsOf, type Tally, tally } from './quality';

const { chosen, seedGroups, size } = setFlags();
const variants = VARIANTS.filter((v) => !chosen || chosen.includes(v.name));
if (chosen && variants.length !== chosen.length) {
  console.error(`unknown variant in --variants=${chosen.join(',')}; known: ${VARIANTS.map((v) => v.name).join(', ')}`);
  process.exit(2);
}

interface Result {
  variant: string;
  seeds: number[];
  engine: Tally;
  base: Tally;
  seconds: number;
}

function run(variantName: string, seeds: number[]): Result {
  const engine: Tally[] = [];
  const base: Tally[] = [];
  let seconds = 0;
  const counts: Record<string, number> = {};
  let notRead = 0;
  const wrong: string[] = [];
  for (const seed of seeds) {
    const g = generate({ seed, scale: { pronote: size, directory: Math.round(size * 1.2) }, variant: variantName });
    for (const [k, v] of Object.entries(g.variant.counts)) counts[k] = (counts[k] ?? 0) + v;
    const file = partnerExport(g.pronote, { links: LINK_FORM_OF_SIDE[g.variant.links] });
    const read = readPronoteExport([{ name: file.name, bytes: bytesOf(file) }]);
    notRead += read.notRead.length;
    const t0 = performance.now();
    const result = match({ pronote: read.persons, directory: g.directory });
    seconds += (performance.now() - t0) / 1000;
    engine.push(tally(rowsOf(g.truth, result.proposals)));
    if (wrong.length < 3) wrong.push(...wrongPairs(g.truth, read.persons, g.directory, result.proposals, seed).slice(0, 3 - wrong.length));
    base.push(tally(rowsOf(g.truth, baseline(read.persons, g.directory))));
  }
  const changes = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`  changes drawn (all seeds): ${changes || 'none'}${notRead ? `; ${notRead} Pronote records not read` : ''}`);
  for (const w of wrong) console.log(`  wrong pair: ${w}`);
  return { variant: variantName, seeds, engine: addTallies(engine), base: addTallies(base), seconds };
}

const shown = (p: Person | undefined): string =>
  p ? `${p.lastName} ${p.firstName} ${p.birthDate ?? '(no date)'} ${p.classes.join(',')} [${p.structures.join(',')}]`.trim() : 'none';

/** The wrong automatic pairs of one set, described (for whoever looks into them). */
function wrongPairs(truthRows: Generated['truth'], pronote: Person[], directory: Person[], proposals: Proposal[], seed: number): string[] {
  const truth = new Map(truthRows.map((t) => [`${t.category}|${t.pronoteId}`, t.entId]));
  const pById = new Map(pronote.map((p) => [`${p.category}|${p.id}`, p]));
  const dById = new Map(directory.map((d) => [d.id, d]));
  const out: string[] = [];
  for (const pr of proposals) {
    if (pr.status !== 'auto') continue;
    const right = truth.get(`${pr.category}|${pr.pronoteId}`) ?? '';
    if (pr.entId === right) continue;
    out.push(
      `seed ${seed} ${pr.category} ${shown(pById.get(`${pr.category}|${pr.pronoteId}`))} → ${shown(dById.get(pr.entId!))} (score ${pr.score.toFixed(3)}); right account: ${right ? shown(dById.get(right)) : 'none'}`,
    );
  }
  return out;
}

function main(): void {
  console.log(
    `Pairing quality per variant: ${size} Pronote persons against ${Math.round(size * 1.2)} ENT accounts per seed; Pronote side written and read back`,
  );
  const results: Result[] = [];
  for (const v of variants) {
    for (const seeds of seedGroups) {
      console.log(`\n${v.name} (links: ${v.links}; ${v.description}), seeds ${seeds.join(', ')}`);
      const r = run(v.name, seeds);
      printQuality(r.engine, r.base, '  ');
      const e = r.engine.get('overall')!;
      console.log(
        `  engine: ${e.auto - e.right} wrong automatic pair(s) of ${e.auto}; accounts in two automatic pairs: ${e.accountsTwice}; pairing ${r.seconds.toFixed(1)} s in all`,
      );
      results.push(r);
    }
  }
  // One line per variant and seed group, for the README.
  console.log('\nSummary (Markdown; R = recall of automatic pairs, P = precision; review = share of persons sent to review):\n');
  const cats = CATEGORIES.filter((c) => c !== 'supervisor' && c !== 'inspector');
  console.log(`| variant | seeds | baseline P | baseline R | engine P | engine R | ${cats.map((c) => `${c} R`).join(' | ')} | review | right 1st | wrong |`);
  console.log(`| --- | --- | ${['', '', '', '', ...cats, '', '', ''].map(() => '---').join(' | ')} |`);
  for (const r of results) {
    const e = r.engine.get('overall')!;
    const b = r.base.get('overall')!;
    const perCat = cats.map((c) => {
      const s = r.engine.get(c)!;
      return pct(s.right, s.withAccount, 1);
    });
    console.log(
      `| ${r.variant} | ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]} | ${pct(b.right, b.auto)} | ${pct(b.right, b.withAccount, 1)} | ${pct(e.right, e.auto)} | ${pct(e.right, e.withAccount, 1)} | ${perCat.join(' | ')} | ${pct(e.review, e.persons, 1)} | ${pct(e.reviewFirst, e.reviewWithAccount, 1)} | ${e.auto - e.right} |`,
    );
  }
}

main();
