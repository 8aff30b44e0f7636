/**
 * The Pronote export with its student–guardian links written in one form (issue 13, point 1): on
 * the student side (the partner layout's `<Responsable Ident>` children), on the guardian side
 * (`<Eleve Ident>` or `<Enfant Ident>` children of the `<Responsable>`, or an `Enfants="a,b"`
 * attribute: the forms met in exports derived from real AAF files), or not at all.
 *
 * This wraps `partnerExport` (write-pronote.ts) rather than writing a second partner writer: the
 * student side and "none" are that writer's output (with or without the students' links), and the
 * guardian side adds the children to each `<Responsable>` it writes. When write-pronote.ts gains
 * its own link-form option, `exportWithLinks` is the one place to call it from.
 */
import type { Person } from '../../lib/core/person';
import type { LinkSide } from './variants';
import type { OutputFile } from './write-aaf';
import { type PronoteWriteOptions, partnerExport } from './write-pronote';
import { escapeAttr } from './xml-text';

/** How a guardian-side link is written: a child element `<Eleve Ident>`, `<Enfant Ident>`, or an `Enfants` attribute. */
export type GuardianLinkForm = 'eleve' | 'enfant' | 'attribute';
export const GUARDIAN_LINK_FORMS: readonly GuardianLinkForm[] = ['eleve', 'enfant', 'attribute'];

/** The export's `Ident` of a person (the generator's `raw.Ident`, else its id), as write-pronote.ts writes it. */
function identOf(p: Person): string {
  return p.raw.Ident ?? p.id;
}

/**
 * The partner-layout export of `persons` with links on `side`. The persons are not changed (links
 * left off are left off in the copies written). `form` only matters for the guardian side.
 */
export function exportWithLinks(persons: Person[], side: LinkSide, form: GuardianLinkForm = 'eleve', options: PronoteWriteOptions = {}): OutputFile {
  if (side === 'student') return partnerExport(persons, options);
  const written = persons.map((p) => (p.category === 'student' && p.guardians.length ? { ...p, guardians: [] } : p));
  const base = partnerExport(written, options);
  if (side === 'none') return base;
  const identById = new Map<string, string>();
  for (const p of persons) if (p.category === 'student') identById.set(p.id, identOf(p));
  const childrenByIdent = new Map<string, string[]>();
  for (const p of persons) {
    if (p.category !== 'guardian' || p.children.length === 0) continue;
    childrenByIdent.set(
      identOf(p),
      p.children.map((c) => identById.get(c.id) ?? c.id),
    );
  }
  return {
    ...base,
    chunks: function* () {
      let inGuardians = false;
      for (const chunk of base.chunks()) {
        if (chunk === '<Responsables>\n') inGuardians = true;
        else if (chunk === '</Responsables>\n') inGuardians = false;
        else if (inGuardians && chunk.startsWith('<Responsable ')) {
          const ident = /\sIdent="([^"]*)"/.exec(chunk)?.[1];
          const kids = ident === undefined ? undefined : childrenByIdent.get(ident);
          if (kids?.length) {
            const head = chunk.slice(0, chunk.lastIndexOf('/>'));
            if (form === 'attribute') yield `${head} Enfants="${escapeAttr(kids.join(','))}"/>\n`;
            else {
              const element = form === 'eleve' ? 'Eleve' : 'Enfant';
              yield `${head}>${kids.map((k) => `<${element} Ident="${escapeAttr(k)}"/>`).join('')}</Responsable>\n`;
            }
            continue;
          }
        }
        yield chunk;
      }
    },
  };
}
