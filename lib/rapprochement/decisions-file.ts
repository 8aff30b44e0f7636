/**
 * An earlier-decisions file, as the command line's `--decisions` and the panel take it: the
 * workbench's decisions CSV (`lib/matching/decisions-file.ts`) or a RapprochementSSO file
 * (`lib/pronote/rapprochement-sso.ts`, PRODUCT.md "Identifiers"), told apart by their first bytes.
 */
import type { InputFile } from '../input/source';
import { readDecisionsCsv } from '../matching/decisions-file';
import type { Decision } from '../matching/types';
import { readRapprochementSso } from '../pronote';
import type { DecisionSource } from './earlier-decisions';

/**
 * Reads the file as a decision source named by the file name.
 * @throws InputError (the readers') when it is neither a decisions CSV nor a RapprochementSSO file.
 */
export function readDecisionsFile(file: InputFile): DecisionSource {
  const head = new TextDecoder().decode(file.bytes.subarray(0, 2000)).replace(/^\uFEFF/, '');
  let decisions: Decision[];
  if (head.trimStart().startsWith('<')) decisions = readRapprochementSso(file);
  else decisions = readDecisionsCsv(new TextDecoder('utf-8').decode(file.bytes), file.name).decisions;
  return { origin: 'file', source: file.name, decisions };
}
