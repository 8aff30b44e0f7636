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
  if (file.bytes.length <= MAX_INPUT_BYTES) return;
  const size = megabytes(file.bytes.length);
  throw new InputError(
    {
      fr: `Le fichier « ${file.name} » fait ${size} Mo : Passerelle lit les fichiers jusqu'à ${megabytes(MAX_INPUT_BYTES)} Mo. Exportez un fichier par catégorie ou par établissement.`,
      en: `The file "${file.name}" is ${size} MB: Passerelle reads files up to ${megabytes(MAX_INPUT_BYTES)} MB. Export one file per category or per school.`,
    },
    file.name,
    'too-large',
  );
}
