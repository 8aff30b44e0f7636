/**
 * Size limits of inputs (issue 3, "Everywhere"): files up to 100 MB must be read; above 250 MB a file
 * is refused with the limit named, before any decoding, so that the panel never stalls on it.
 */
import { InputError } from '../core/person';
import type { InputFile } from './source';

export const MAX_INPUT_BYTES = 250 * 1024 * 1024;

function megabytes(n: number): string {
  return String(Math.round(n / (1024 * 1024)));
}

/** @throws InputError when the file is larger than {@link MAX_INPUT_BYTES}. */
export function assertSize(file: InputFile): void {
  assertSizeOf(file.name, file.bytes.length);
}

/**
 * The same refusal from the size alone, before any byte is read: the command line gives the size
 * from `statSync`, the side panel from `File.size` (issue 15, point 7: a 300 MB file was read whole,
 * 671 MB, before the limit refused it).
 * @param name the file name shown to the user.
 * @param bytes the file's size in bytes.
 * @throws InputError (`too-large`) naming the file, its size and the limit, in French and English.
 */
export function assertSizeOf(name: string, bytes: number): void {
  if (bytes <= MAX_INPUT_BYTES) return;
  const size = megabytes(bytes);
  throw new InputError(
    {
      fr: `Le fichier «\u202f${name}\u202f» fait ${size} Mo\u202f: Passerelle lit les fichiers jusqu’à ${megabytes(MAX_INPUT_BYTES)} Mo. Exportez un fichier par catégorie ou par établissement.`,
      en: `The file "${name}" is ${size} MB: Passerelle reads files up to ${megabytes(MAX_INPUT_BYTES)} MB. Export one file per category or per school.`,
    },
    name,
    'too-large',
  );
}
