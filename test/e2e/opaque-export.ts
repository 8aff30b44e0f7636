/**
 * A partner export whose guardian links stand under a name no synonym knows (`Foyer="K…"`, keys
 * the file's ids do not match): the sniffer cannot place the field, so the mapping screen lists it.
 */
import type { Generated } from '../../scripts/generator';
import { contentOf } from '../../scripts/generator/write-files';
import { partnerExport } from '../../scripts/generator/write-pronote';

/** The text of that export for the Pronote persons of `g`. */
export function opaqueExportText(g: Generated): string {
  return contentOf(partnerExport(g.pronote, { links: 'guardian-attribute' })).replace(/ Enfants="([^"]*)"/g, (_m, v: string) => ` Foyer="K${v}"`);
}
