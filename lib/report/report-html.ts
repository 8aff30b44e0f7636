/**
 * The printed report of a rapprochement, one renderer for the panel's "Imprimer le rapport" and the
 * command line's `report.html` (issue 18, point 5): school, year, mode, counts per category and
 * outcome with a legend on one line, then the people left by name, grouped by reason, with their
 * class, why they are left and what to do. One language per report. A standalone page without
 * script that prints on A4. Every value from the files is escaped (`escapeHtml`): names may hold
 * markup (PRODUCT.md, "Quality bars": markup or script in names shown as text, never run).
 */
import { type FormatLang, formatNumber } from '../core/format';
import type { Localized } from '../core/localized';
import type { NotRead, ReadNote } from '../core/person';
import { CATEGORIES, CATEGORY_NAMES, REASON_TEXT } from '../core/vocabulary';
import { leftGroups, type LeftReason, OUTCOMES, type Outcome, type ReportRow, tallyOutcomes } from './report-rows';
import { LEFT_ADVICE, LEFT_TITLE, LEFT_WHY, OUTCOME_NAMES, REPORT_WORDS as W } from './report-words';
import type { Summary } from './summary';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The report's Content-Security-Policy (issue 16): no script of any kind, no fetch, no frame, no
 * form, no base; only its own inline style and inline images (`frame-ancestors` is not honoured
 * in a meta element, so it is left out). A report opened from a folder of
 * files someone sent keeps names written by others: even markup that escaping missed could run
 * nothing.
 */
export const REPORT_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Outcome colours: greens paired, blue by hand, red rejected, greys without account, amber to do. */
export const OUTCOME_COLOURS: Record<Outcome, string> = {
  auto: '#1f7a3a',
  confirmed: '#3f9c5a',
  manual: '#1f4e99',
  'no-account': '#6d737d',
  rejected: '#b3261e',
  review: '#d08a00',
  unmatched: '#c4c8cf',
};

export interface ReportInput {
  lang: FormatLang;
  /** The persons of the rapprochement (`reportRows`), in step order. */
  rows: readonly ReportRow[];
  school?: { name?: string; uai?: string };
  /** School year `yyyy-yyyy`. */
  year?: string;
  mode?: 'complet' | 'partiel';
  /** When the report was made, as shown (already formatted). */
  generatedAt: string;
  /**
   * The command line's run: files, export kind, counts read per side, unused accounts, seconds
   * (`summary.json`), and the records not read and notes of the readers.
   */
  run?: {
    summary: Summary;
    notRead: { pronote: readonly NotRead[]; directory: readonly NotRead[] };
    notes: { pronote: readonly ReadNote[]; directory: readonly ReadNote[] };
  };
  /** Persons listed at most (default 2,000); the rest is said to be in `fullListIn`. */
  maxRows?: number;
  /** The file that holds every person, named when the list is cut (default `mapping.csv`). */
  fullListIn?: string;
}

const STYLE = `
*{box-sizing:border-box}
body{font:10.5pt/1.4 system-ui,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:180mm;padding:12mm 0;color:#1a1a1a;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:15pt;margin:0 0 2mm}h2{font-size:12pt;margin:6mm 0 2mm;border-bottom:1px solid #bbb}h3{font-size:10.5pt;margin:4mm 0 1mm}
p{margin:1mm 0}.meta{color:#333}
table{border-collapse:collapse;width:100%;margin:1mm 0 2mm}th,td{border:1px solid #c9ced6;padding:.6mm 1.5mm;text-align:left;vertical-align:top}
thead th{background:#f2f3f5;vertical-align:bottom;font-size:9pt}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}
.outcomes{font-size:9.5pt}.outcomes thead th{font-size:8pt;padding:.6mm 1mm}.outcomes td:last-child{width:1%}.outcomes svg{display:block;margin-top:1mm}
.legend{display:flex;flex-wrap:nowrap;gap:0 3mm;white-space:nowrap;font-size:8.5pt;margin:1mm 0}
.legend span{display:inline-flex;align-items:center;gap:1.2mm}
.why{color:#333}.todo{margin-bottom:1.5mm}
.left td:first-child{font-weight:600}
code{font-size:9pt;word-break:break-all}
tr,.group-head{break-inside:avoid}h2,h3,.group-head{break-after:avoid}
@media print{body{padding:0;max-width:none}}
@page{size:A4;margin:15mm}
`;

/**
 * Writes the report as a complete HTML document (UTF-8) in `input.lang`. Long lists are cut at
 * `maxRows` with a line saying how many more are in `fullListIn`.
 */
export function writeReportHtml(input: ReportInput): string {
  const { lang } = input;
  const L = (text: Localized, ...subs: (string | number)[]) => escapeHtml(text[lang].replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? '')));
  const fmt = (n: number) => formatNumber(n, lang);
  const max = input.maxRows ?? 2000;
  const out: string[] = [];
  out.push(`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">`);
  // First in the head, before anything it governs.
  out.push(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${L(W.title)}</title>`);
  out.push(`<style>${STYLE}</style></head><body>`);
  out.push(`<h1>${L(W.title)}</h1>`);
  const school = [input.school?.name, input.school?.uai].filter(Boolean).map(escapeHtml).join(' · ');
  const meta = [
    school && `<strong>${school}</strong>`,
    input.year && escapeHtml(input.year),
    input.mode && `${L(W.mode)} ${L(W.modes[input.mode])}`,
    escapeHtml(input.generatedAt),
    input.run && L(W.computedIn, fmt(input.run.summary.seconds)),
  ].filter(Boolean);
  out.push(`<p class="meta">${meta.join(' · ')}</p>`);
  if (input.run) out.push(sources(input.run.summary, L, fmt));

  const table = tallyOutcomes(input.rows);
  const shown = OUTCOMES.filter((o) => CATEGORIES.some((c) => table[c][o] > 0));
  const columns = shown.length ? shown : (['auto'] as Outcome[]);
  const totals = CATEGORIES.map((c) => columns.reduce((n, o) => n + table[c][o], 0));
  const largest = Math.max(1, ...totals);
  out.push(`<h2>${L(W.resultTitle)}</h2>`);
  out.push(`<p class="legend" data-legend>${columns.map((o) => `<span>${swatch(o)}${L(OUTCOME_NAMES[o])}</span>`).join('')}</p>`);
  const read = input.run?.summary;
  out.push('<table class="outcomes"><thead><tr>');
  out.push(`<th>${L(W.category)}</th>`);
  if (read) out.push(`<th class="n">${L(W.readPronote)}</th><th class="n">${L(W.readEnt)}</th>`);
  for (const o of columns) out.push(`<th class="n">${L(OUTCOME_NAMES[o])}</th>`);
  out.push(`<th class="n">${L(W.total)}</th><th>${L(W.chart)}</th></tr></thead><tbody>`);
  CATEGORIES.forEach((c, i) => {
    const cells = [`<th scope="row">${L(CATEGORY_NAMES[c])}</th>`];
    if (read) cells.push(`<td class="n">${fmt(read.pronote.read[c])}</td><td class="n">${fmt(read.directory.read[c])}</td>`);
    for (const o of columns) cells.push(`<td class="n">${fmt(table[c][o])}</td>`);
    cells.push(`<td class="n">${fmt(totals[i])}</td><td>${bar(table[c], columns, largest, lang)}</td>`);
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  if (read) out.push(`<p>${L(W.unusedDirectory, fmt(read.unusedDirectory))}</p>`);

  const groups = leftGroups(input.rows);
  const leftCount = groups.reduce((n, g) => n + g.rows.length, 0);
  out.push(`<h2>${L(W.leftTitle, fmt(leftCount))}</h2>`);
  if (!leftCount) out.push(`<p>${L(W.leftNone)}</p>`);
  let listed = 0;
  for (const g of groups) {
    if (listed >= max) break;
    out.push(`<section class="group" data-reason="${escapeHtml(g.reason)}"><div class="group-head">`);
    out.push(`<h3>${L(LEFT_TITLE[g.reason])} (${fmt(g.rows.length)})</h3>`);
    out.push(`<p class="why"><strong>${L(W.why)}${colon(lang)}</strong> ${L(whyOf(g.reason))}</p>`);
    out.push(`<p class="todo"><strong>${L(W.todo)}${colon(lang)}</strong> ${L(LEFT_ADVICE[g.reason])}</p></div>`);
    out.push(
      `<table class="left"><thead><tr><th>${L(W.name)}</th><th>${L(W.className)}</th><th>${L(W.category)}</th><th>${L(W.outcome)}</th></tr></thead><tbody>`,
    );
    for (const r of g.rows.slice(0, max - listed)) {
      const name = [r.lastName, r.firstName].filter(Boolean).join(' ') || r.pronoteId;
      out.push(
        `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(r.classes.join(', '))}</td><td>${L(CATEGORY_NAMES[r.category])}</td><td>${L(OUTCOME_NAMES[r.outcome])}</td></tr>`,
      );
      listed++;
    }
    out.push('</tbody></table></section>');
  }
  if (leftCount > listed) out.push(`<p>${L(W.more, fmt(leftCount - listed), input.fullListIn ?? 'mapping.csv')}</p>`);

  if (input.run) out.push(...notReadAndNotes(input.run, max, lang, L, fmt));
  out.push('</body></html>\n');
  return out.join('\n');
}

/** A colon as each language sets it (French: U+202F before). */
const colon = (lang: FormatLang) => (lang === 'fr' ? '\u202f:' : ':');

type Say = (text: Localized, ...subs: (string | number)[]) => string;

function whyOf(reason: LeftReason): Localized {
  return reason === 'rejected' || reason === 'none' ? LEFT_WHY[reason] : REASON_TEXT[reason];
}

/** A colour key as inline SVG: it prints even when the browser leaves backgrounds out. */
function swatch(o: Outcome): string {
  return `<svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${OUTCOME_COLOURS[o]}"/></svg>`;
}

/** A category's stacked bar, its length the category's share of the largest one. */
function bar(counts: Record<Outcome, number>, columns: readonly Outcome[], largest: number, lang: FormatLang): string {
  const w = 70;
  let x = 0;
  const parts: string[] = [];
  for (const o of columns) {
    const width = (counts[o] / largest) * w;
    if (width > 0) parts.push(`<rect x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="10" fill="${OUTCOME_COLOURS[o]}"/>`);
    x += width;
  }
  const label = columns.map((o) => `${OUTCOME_NAMES[o][lang]} ${formatNumber(counts[o], lang)}`).join(', ');
  return `<svg width="${w}" height="10" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}

/** The command line's input files, export kind and earlier decisions. */
function sources(s: Summary, L: Say, fmt: (n: number) => string): string {
  const files = (list: string[]) => {
    const shown = list.length > 6 ? list.slice(0, 4) : list;
    const more = list.length - shown.length;
    return shown.map(escapeHtml).join('<br>') + (more > 0 ? `<br>${L(W.moreFiles, fmt(more), fmt(list.length))}` : '');
  };
  const rows = [
    `<tr><th>${L(W.pronoteExport)}</th><td>${files(s.pronote.files)}</td></tr>`,
    `<tr><th>${L(W.exportKind)}</th><td>${L(W.exportKinds[s.pronote.exportKind])}</td></tr>`,
    `<tr><th>${L(W.directory)}</th><td>${files(s.directory.files)}</td></tr>`,
  ];
  if (s.decided) rows.push(`<tr><th>${L(W.decided)}</th><td>${fmt(s.decided)}</td></tr>`);
  return `<table class="sources"><tbody>${rows.join('')}</tbody></table>`;
}

/** The records the readers did not read, and their notes on the files (command line). */
function notReadAndNotes(run: NonNullable<ReportInput['run']>, max: number, lang: FormatLang, L: Say, fmt: (n: number) => string): string[] {
  const out = [`<h2>${L(W.notReadTitle)}</h2>`];
  const notRead = [...run.notRead.pronote.map((n) => ['Pronote', n] as const), ...run.notRead.directory.map((n) => ['ENT', n] as const)];
  if (!notRead.length) out.push(`<p>${L(W.notReadNone)}</p>`);
  else {
    out.push(`<table><thead><tr><th>${L(W.side)}</th><th>${L(W.filePosition)}</th><th>${L(W.reason)}</th><th>${L(W.excerpt)}</th></tr></thead><tbody>`);
    for (const [side, n] of notRead.slice(0, max)) {
      out.push(
        `<tr><td>${side}</td><td>${escapeHtml(n.source)}, ${escapeHtml(n.location)}</td><td>${L(n.reason)}</td><td><code>${escapeHtml(n.excerpt ?? '')}</code></td></tr>`,
      );
    }
    out.push('</tbody></table>');
    if (notRead.length > max) out.push(`<p>${L(W.moreRecords, fmt(notRead.length - max))}</p>`);
  }
  const notes = [...run.notes.pronote, ...run.notes.directory];
  if (notes.length) {
    out.push(`<h2>${L(W.notesTitle)}</h2><ul>`);
    for (const n of notes.slice(0, max)) out.push(`<li><strong>${escapeHtml(n.source)}</strong>${colon(lang)} ${L(n.message)}</li>`);
    out.push('</ul>');
  }
  return out;
}
