/**
 * The start screen's earlier-decisions file (issue 14: one flow for the panel and the command
 * line's `--decisions`): a decisions CSV, the people's table or a RapprochementSSO file, read by the
 * one reader (`lib/rapprochement/decisions-file.ts`) and stored for the next pairing, where the flow
 * checks it with every other earlier decision (conflicts reported, never applied). Its own file, so
 * that the start screen changes by one line.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Localized } from '../../lib/core/localized';
import { InputError } from '../../lib/core/person';
import { readDecisionsFile } from '../../lib/rapprochement/decisions-file';
import { loadDecisionsFile, type PasserelleDB, type Rapprochement, type StoredDecisionsFile, saveDecisionsFile } from '../../lib/store';
import { formatNumber } from '../i18n';
import { localized } from './format';

const TEXT = {
  title: { fr: 'Décisions déjà prises (facultatif)', en: 'Decisions already made (optional)' },
  help: {
    fr: 'Le fichier des décisions ou le tableau téléchargés l’an dernier, ou un fichier RapprochementSSO\u202f: ses paires sont reprises au rapprochement\u202f; celles qui se contredisent sont signalées, pas appliquées.',
    en: 'The decisions file or the table downloaded last year, or a RapprochementSSO file: its pairs are taken up by the pairing; those that contradict each other are reported, not applied.',
  },
  pick: { fr: 'Choisir le fichier de décisions', en: 'Choose the decisions file' },
} satisfies Record<string, Localized>;

function summaryText(f: StoredDecisionsFile): string {
  const n = formatNumber(f.decisions.length);
  const skipped = f.notRead.length ? formatNumber(f.notRead.length) : '';
  return localized({
    fr: `${f.source}\u202f: ${n} décision(s) lue(s)${skipped ? `\u202f; ${skipped} ligne(s) non lue(s)` : ''}. Elles seront reprises au prochain lancement du rapprochement.`,
    en: `${f.source}: ${n} decision(s) read${skipped ? `; ${skipped} line(s) not read` : ''}. They are taken up at the next pairing.`,
  });
}

export function DecisionsFileInput({ db, r, onChange }: { db: PasserelleDB; r: Rapprochement; onChange: (r: Rapprochement) => void }) {
  const [stored, setStored] = useState<StoredDecisionsFile | undefined>();
  const [error, setError] = useState<Localized | undefined>();
  const rid = r.id as number;
  useEffect(() => {
    loadDecisionsFile(db, rid).then(setStored, () => {});
  }, [db, rid]);

  const load = async (file: File) => {
    setError(undefined);
    try {
      const read = readDecisionsFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      const value: StoredDecisionsFile = {
        source: read.source,
        format: read.format,
        decisions: read.decisions,
        noDecision: read.noDecision,
        notRead: read.notRead,
      };
      onChange(await saveDecisionsFile(db, rid, value));
      setStored(value);
    } catch (e) {
      setError(e instanceof InputError ? e.userMessage : { fr: String(e), en: String(e) });
    }
  };

  return (
    <section class="wb-card" aria-labelledby="wb-decisions-title">
      <h2 id="wb-decisions-title">{localized(TEXT.title)}</h2>
      <p class="wb-hint">{localized(TEXT.help)}</p>
      <label>
        {localized(TEXT.pick)}
        <input
          type="file"
          data-testid="wb-decisions-file"
          accept=".csv,.xml,text/csv,text/xml,application/xml"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file)
              load(file).finally(() => {
                input.value = '';
              });
          }}
        />
      </label>
      {stored && (
        <p class="wb-hint" data-testid="wb-decisions-summary">
          {summaryText(stored)}
        </p>
      )}
      {stored?.notRead.length ? (
        <ul class="wb-hint">
          {stored.notRead.slice(0, 20).map((n) => (
            <li key={n.location}>
              {n.location}
              {'\u202f: '}
              {localized(n.reason)}
            </li>
          ))}
        </ul>
      ) : null}
      {error && (
        <div role="alert" class="wb-error" data-testid="wb-decisions-error">
          {localized(error)}
        </div>
      )}
    </section>
  );
}
