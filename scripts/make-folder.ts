/**
 * Creates a folder and its missing parents, one level at a time.
 *
 * Not `mkdirSync(path, { recursive: true })`: on Node 20 it loops forever where the system answers
 * ENOENT for a folder it will never create (`/proc/x`), so a mistyped `--out` hung the command line.
 * @throws the system error of the first level that cannot be made (EACCES, ENOENT, EROFS…).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let p = path; !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]);
}
