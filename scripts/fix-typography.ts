/**
 * `npm run fix:typography`: applies French typography (U+202F before `: ; ? !` and inside `« »`,
 * the apostrophe ’) in place to every French text the typography test walks, with the same walker
 * and rules (`test/unit/text/`), so that the test and the fix never disagree. Prints the files
 * changed and how many texts in each; review the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, walkedFiles } from '../test/unit/text/french-text';
import { fixSource } from '../test/unit/text/fix-source';

let total = 0;
for (const file of walkedFiles()) {
  const path = join(PROJECT_ROOT, file);
  const before = readFileSync(path, 'utf8');
  const { source, texts } = fixSource(file, before);
  if (source === before) continue;
  writeFileSync(path, source);
  total += texts;
  process.stdout.write(`${file}: ${texts}\n`);
}
process.stdout.write(`${total} texts fixed\n`);
