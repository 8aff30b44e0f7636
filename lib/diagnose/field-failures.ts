/**
 * The failures people actually report, kept as data in `field-failures.json`: the texts quoted in
 * public issue threads of the projects that log into Pronote through ENTs (bain3/pronotepy,
 * Litarvan/pronote-api, delphiki/hass-pronote, PapillonApp, Vexcited/PRONOTE i.e.
 * LiterateInk/Pawnote), each entry with its recognisers, its causes from the most to the least
 * likely, the fix for the admin and for the support person, and the reports it is drawn from
 * (`reports`, `source`). Pronote's numbered errors (`21 | Impossible d'afficher la page`,
 * `3 | Accès refusé`, `25`) are recognised by number and text.
 *
 * In the data, a signal's `pattern` is the source of a regular expression (no flags) run on folded
 * text (see `foldProse`, lib/core/fold.ts), and `guideSections` names the sections of the
 * integration guide shown beside the field reports. A wrong recognition is worse than none, so
 * each entry is tested against the others' texts and ordinary page texts
 * (test/unit/diagnose/field-failures.test.ts).
 */
import type { Localized } from '../core/localized';
import { FAILURE_IDS, type FailureId, type KnownFailure } from './failure';
import data from './field-failures.json';
import { FIELD_REPORTS, guide, sources } from './readable-source';

/** One entry as `field-failures.json` writes it. */
interface FieldFailureData extends Omit<KnownFailure, 'id' | 'signals' | 'shownSource'> {
  id: string;
  signals: { pattern: string; weight: number; why?: string }[];
  guideSections?: number[];
}

const isFailureId = (id: string): id is FailureId => (FAILURE_IDS as readonly string[]).includes(id);

/** @throws Error when the data names an id outside `FAILURE_IDS` or a guide section outside 1–5. */
function fromData(entry: FieldFailureData): KnownFailure {
  const { guideSections = [], signals, id, ...rest } = entry;
  if (!isFailureId(id)) throw new Error(`field-failures.json: unknown failure id ${id}`);
  if (guideSections.some((s) => s < 1 || s > 5)) throw new Error(`field-failures.json: guide section out of 1–5 in ${id}`);
  const guides: Localized[] = guideSections.map((section) => guide(section as 1 | 2 | 3 | 4 | 5));
  return {
    ...rest,
    id,
    signals: signals.map((s) => ({ pattern: new RegExp(s.pattern), weight: s.weight })),
    shownSource: sources(FIELD_REPORTS, ...guides),
  };
}

export const FIELD_FAILURES: readonly KnownFailure[] = (data as FieldFailureData[]).map(fromData);
