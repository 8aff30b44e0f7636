/**
 * The command line's `report.html` (PRODUCT.md §5): counts per category, what is left and why, the
 * records not read; French first with the English below each part. A standalone page without
 * script that prints on A4. Every value from the files is escaped (`escapeHtml`): names may hold
 * markup (PRODUCT.md, "Quality bars": markup or script in names shown as text, never run).
 */
import { formatNumber } from '../core/format';
import type { Localized } from '../core/localized';
import { CATEGORY_NAMES, REASON_TEXT, STATUS_NAMES } from '../core/vocabulary';
import type { Proposal, Reason } from '../matching/types';
import { CATEGORIES, type NotRead, type Person, type ReadNote } from '../core/person';
import type { Summary } from './summary';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}



const EXPORT_KIND: Record<Summary['pronote']['exportKind'], Localized> = {
  'all-users': { fr: 'tous les utilisateurs (import «\u202fcomplet\u202f»)', en: 'all users ("complet" import)' },
  'without-cas-only': {
    fr: 'uniquement les utilisateurs sans identifiants CAS (import «\u202fpartiel\u202f»)',
    en: 'only users without CAS identifiers ("partiel" import)',
  },
  unknown: { fr: 'inconnu', en: 'unknown' },
};

const fmt = (n: number) => formatNumber(n, 'fr');

/** File names, the first few only when there are many (an AAF feed comes in dozens of files). */
function fileList(files: string[]): string {
  const shown = files.length > 6 ? files.slice(0, 4) : files;
  const more = files.length - shown.length;
  return (
    shown.map(escapeHtml).join('<br>') +
    (more > 0 ? `<br>… et ${fmt(more)} autres fichiers <span lang="en" class="en">/ and ${more} more files</span> (${fmt(files.length)})` : '')
  );
}

function both(text: Localized, tag = 'p'): string {
  return `<${tag}>${escapeHtml(text.fr)}</${tag}><${tag} lang="en" class="en">${escapeHtml(text.en)}</${tag}>`;
}

function heading(level: 2 | 3, text: Localized): string {
  return `<h${level}>${escapeHtml(text.fr)} <span lang="en" class="en">/ ${escapeHtml(text.en)}</span></h${level}>`;
}

/** A stacked bar (auto, review, unmatched) as inline SVG, readable in print. */
function bar(pairs: Record<Proposal['status'], number>): string {
  const total = pairs.auto + pairs.review + pairs.unmatched;
  if (!total) return '';
  const w = 200;
  let x = 0;
  const parts = (['auto', 'review', 'unmatched'] as const).map((s) => {
    const width = (pairs[s] / total) * w;
    const rect = `<rect x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="12" class="s-${s}"/>`;
    x += width;
    return rect;
  });
  const label = `${STATUS_NAMES.auto.fr} ${pairs.auto}, ${STATUS_NAMES.review.fr} ${pairs.review}, ${STATUS_NAMES.unmatched.fr} ${pairs.unmatched}`;
  return `<svg width="${w}" height="12" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}

export interface ReportInput {
  summary: Summary;
  /** The Pronote persons read, in the same order as `proposals`. */
  persons: readonly Person[];
  proposals: readonly Proposal[];
  notRead: { pronote: readonly NotRead[]; directory: readonly NotRead[] };
  notes: { pronote: readonly ReadNote[]; directory: readonly ReadNote[] };
  /** ISO date-time of the run, shown at the top. */
  generatedAt: string;
  /** Rows listed at most in the table of persons left (the rest is in mapping.csv). */
  maxRows?: number;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1a1a1a}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccc}h3{font-size:1em}
.en{color:#555;font-size:.92em;margin-top:-.4em}h1 .en,h2 .en,h3 .en{font-weight:normal}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.s-auto{fill:#2e7d32}.s-review{fill:#f9a825}.s-unmatched{fill:#9e9e9e}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:middle}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
@page{size:A4;margin:15mm}
`;

/**
 * The report's Content-Security-Policy (issue 16): no script of any kind, no fetch, no frame, no
 * form, no base; only its own inline style and inline images (`frame-ancestors` is not honoured
 * in a meta element, so it is left out). A report opened from a folder of
 * files someone sent keeps names written by others: even markup that escaping missed could run
 * nothing.
 */
export const REPORT_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Writes the report as a complete HTML document (UTF-8). Long lists are cut at `maxRows` (default
 * 2,000) with a line saying how many more are in `mapping.csv`.
 */
export function writeReportHtml(input: ReportInput): string {
  const { summary: s } = input;
  const max = input.maxRows ?? 2000;
  const out: string[] = [];
  out.push('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">');
  // First in the head, before anything it governs.
  out.push(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<title>Rapprochement Pronote ⇄ ENT — rapport</title>');
  out.push(`<style>${STYLE}</style></head><body>`);
  out.push(`<h1>Rapprochement Pronote ⇄ ENT <span lang="en" class="en">/ Pronote ⇄ ENT pairing</span></h1>`);
  out.push(
    both({
      fr: `Rapport du ${input.generatedAt}, calculé en ${fmt(s.seconds)}\u202fs sur cette machine (aucune donnée envoyée).`,
      en: `Report of ${input.generatedAt}, computed in ${formatNumber(s.seconds, 'en')} s on this machine (no data sent anywhere).`,
    }),
  );
  out.push('<table><tbody>');
  out.push(`<tr><th>Export Pronote <span lang="en" class="en">/ Pronote export</span></th><td>${fileList(s.pronote.files)}</td></tr>`);
  out.push(
    `<tr><th>Type d'export <span lang="en" class="en">/ Export kind</span></th><td>${escapeHtml(EXPORT_KIND[s.pronote.exportKind].fr)} <span lang="en" class="en">/ ${escapeHtml(EXPORT_KIND[s.pronote.exportKind].en)}</span></td></tr>`,
  );
  out.push(
    `<tr><th>Annuaire ENT <span lang="en" class="en">/ ENT directory</span></th><td>${fileList(s.directory.files)}</td></tr>`,
  );
  if (s.decided) {
    out.push(`<tr><th>Décisions reprises <span lang="en" class="en">/ Earlier decisions applied</span></th><td class="n">${fmt(s.decided)}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push(heading(2, { fr: 'Résultat par catégorie', en: 'Result per category' }));
  out.push(
    '<p class="legend"><span class="s-auto" style="background:#2e7d32"></span>Automatique / automatic<span style="background:#f9a825"></span>À vérifier / to review<span style="background:#9e9e9e"></span>Sans correspondance / unmatched</p>',
  );
  out.push('<table><thead><tr>');
  for (const h of [
    ['Catégorie', 'Category', ''],
    ['Lus Pronote', 'Read, Pronote', 'n'],
    ['Lus ENT', 'Read, ENT', 'n'],
    ['Automatiques', 'Automatic', 'n'],
    ['À vérifier', 'To review', 'n'],
    ['Sans correspondance', 'Unmatched', 'n'],
    ['', '', ''],
  ]) {
    out.push(`<th class="${h[2]}">${escapeHtml(h[0])}${h[1] ? `<br><span lang="en" class="en">${escapeHtml(h[1])}</span>` : ''}</th>`);
  }
  out.push('</tr></thead><tbody>');
  for (const c of CATEGORIES) {
    const p = s.pairs[c];
    out.push(
      `<tr><td>${escapeHtml(CATEGORY_NAMES[c].fr)}<br><span lang="en" class="en">${escapeHtml(CATEGORY_NAMES[c].en)}</span></td>` +
        `<td class="n">${fmt(s.pronote.read[c])}</td><td class="n">${fmt(s.directory.read[c])}</td>` +
        `<td class="n">${fmt(p.auto)}</td><td class="n">${fmt(p.review)}</td><td class="n">${fmt(p.unmatched)}</td><td>${bar(p)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  out.push(
    both({
      fr: `Comptes ENT auxquels aucune personne Pronote n’est rapprochée automatiquement\u202f: ${fmt(s.unusedDirectory)} (anciens élèves, autres établissements du même annuaire, personnes absentes de Pronote, comptes à vérifier).`,
      en: `ENT accounts that no Pronote person is automatically paired with: ${s.unusedDirectory} (former students, other schools of the same directory, persons not in Pronote, accounts to review).`,
    }),
  );

  out.push(heading(2, { fr: 'Ce qui reste, et pourquoi', en: 'What is left, and why' }));
  const reasonRows: string[] = [];
  for (const c of CATEGORIES) {
    for (const [reason, n] of Object.entries(s.reasons[c]) as Array<[Reason, number]>) {
      reasonRows.push(
        `<tr><td>${escapeHtml(CATEGORY_NAMES[c].fr)}</td><td class="n">${fmt(n)}</td><td>${both(REASON_TEXT[reason], 'div')}</td></tr>`,
      );
    }
  }
  if (reasonRows.length) {
    out.push('<table><thead><tr><th>Catégorie <span lang="en" class="en">/ Category</span></th><th class="n">Nombre <span lang="en" class="en">/ Count</span></th><th>Raison probable <span lang="en" class="en">/ Likely reason</span></th></tr></thead><tbody>');
    out.push(...reasonRows, '</tbody></table>');
  } else out.push(both({ fr: 'Tout le monde est rapproché.', en: 'Everyone is paired.' }));

  const left: string[] = [];
  let leftCount = 0;
  for (let i = 0; i < input.proposals.length; i++) {
    const r = input.proposals[i];
    if (r.status === 'auto') continue;
    leftCount++;
    if (left.length >= max) continue;
    const p = input.persons[i];
    left.push(
      `<tr><td>${escapeHtml(CATEGORY_NAMES[r.category].fr)}</td><td>${escapeHtml(p?.lastName)} ${escapeHtml(p?.firstName)}</td>` +
        `<td>${escapeHtml(r.pronoteId)}</td><td>${escapeHtml(STATUS_NAMES[r.status].fr)}</td>` +
        `<td>${r.reason ? escapeHtml(REASON_TEXT[r.reason].fr.split(/[ \u202f]:/)[0].split(' (')[0]) : ''}</td>` +
        `<td>${escapeHtml(r.entId ?? '')}</td><td class="n">${r.status === 'review' ? escapeHtml(r.score.toFixed(3)) : ''}</td></tr>`,
    );
  }
  if (leftCount) {
    out.push(heading(3, { fr: `Personnes restantes (${fmt(leftCount)})`, en: `Persons left (${leftCount})` }));
    out.push(
      '<table><thead><tr><th>Catégorie</th><th>Nom Prénom</th><th>Id Pronote</th><th>Statut</th><th>Raison</th><th>Meilleur compte ENT</th><th class="n">Score</th></tr></thead><tbody>',
    );
    out.push(...left, '</tbody></table>');
    if (leftCount > left.length) {
      out.push(
        both({
          fr: `… et ${fmt(leftCount - left.length)} autres\u202f: la liste complète est dans mapping.csv.`,
          en: `… and ${leftCount - left.length} more: the full list is in mapping.csv.`,
        }),
      );
    }
  }

  out.push(heading(2, { fr: 'Enregistrements non lus', en: 'Records not read' }));
  const notRead = [
    ...input.notRead.pronote.map((n) => ['Pronote', n] as const),
    ...input.notRead.directory.map((n) => ['ENT', n] as const),
  ];
  if (!notRead.length) out.push(both({ fr: 'Aucun\u202f: tous les enregistrements ont été lus.', en: 'None: every record was read.' }));
  else {
    out.push(
      '<table><thead><tr><th>Côté <span lang="en" class="en">/ Side</span></th><th>Fichier, position <span lang="en" class="en">/ File, position</span></th><th>Raison <span lang="en" class="en">/ Reason</span></th><th>Extrait <span lang="en" class="en">/ Excerpt</span></th></tr></thead><tbody>',
    );
    for (const [side, n] of notRead.slice(0, max)) {
      out.push(
        `<tr><td>${side}</td><td>${escapeHtml(n.source)}, ${escapeHtml(n.location)}</td><td>${both(n.reason, 'div')}</td><td><code>${escapeHtml(n.excerpt ?? '')}</code></td></tr>`,
      );
    }
    out.push('</tbody></table>');
    if (notRead.length > max) out.push(both({ fr: `… et ${fmt(notRead.length - max)} autres.`, en: `… and ${notRead.length - max} more.` }));
  }

  const notes = [...input.notes.pronote, ...input.notes.directory];
  if (notes.length) {
    out.push(heading(2, { fr: 'Remarques sur les fichiers', en: 'Notes on the files' }));
    out.push('<ul>');
    for (const n of notes.slice(0, max)) {
      out.push(`<li><strong>${escapeHtml(n.source)}</strong> : ${escapeHtml(n.message.fr)}<br><span lang="en" class="en">${escapeHtml(n.message.en)}</span></li>`);
    }
    out.push('</ul>');
  }
  out.push('</body></html>\n');
  return out.join('\n');
}
