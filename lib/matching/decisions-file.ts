/**
 * Earlier decisions read back from the workbench's CSV export (`lib/report/decisions-csv.ts`:
 * `category,pronote_id,ent_id,status,score,last_name,first_name,decision,decided_at`), for the
 * command line's `--decisions` (PRODUCT.md §5). RapprochementSSO files are read by `lib/pronote`.
 */
import Papa from 'papaparse';
import { CATEGORIES, type Category, InputError } from '../core/person';
import type { Decision, DecisionKind } from './types';

const KINDS: readonly DecisionKind[] = ['confirmed', 'manual', 'rejected', 'no-account'];

/**
 * Parses the decisions CSV text. Rows whose `decision` is `auto` (an engine pair left as it was) or
 * `unresolved` are not decisions and are skipped, as are rows with an unknown category.
 * Returns the decisions and how many rows were skipped.
 * @throws InputError when the header lacks `category`, `pronote_id` or `decision`.
 */
export function readDecisionsCsv(text: string, source: string): { decisions: Decision[]; skipped: number } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  for (const f of ['category', 'pronote_id', 'decision']) {
    if (!fields.includes(f)) {
      throw new InputError(
        {
          fr: `Le fichier de décisions « ${source} » n'a pas de colonne « ${f} » : donnez l'export CSV des décisions de l'atelier de rapprochement, ou un fichier RapprochementSSO.`,
          en: `The decisions file "${source}" has no "${f}" column: give the workbench's decisions CSV export, or a RapprochementSSO file.`,
        },
        source,
        'missing-column',
      );
    }
  }
  const decisions: Decision[] = [];
  let skipped = 0;
  for (const row of parsed.data) {
    const kind = row.decision as DecisionKind;
    const category = row.category as Category;
    if (!KINDS.includes(kind) || !CATEGORIES.includes(category) || !row.pronote_id) {
      skipped++;
      continue;
    }
    const d: Decision = { category, pronoteId: row.pronote_id, kind, decidedAt: row.decided_at || '' };
    if (row.ent_id && kind !== 'no-account') d.entId = row.ent_id;
    decisions.push(d);
  }
  return { decisions, skipped };
}
