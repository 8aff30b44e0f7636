/**
 * Start: the school (UAI, name), the school year, the import mode (`ModeChoice`, advised from the
 * loaded file and the date), the two inputs (drag and drop, file picker, paste), what was read
 * (counts per category, records not read), the mapping screen for a sniffed layout, the structure
 * to keep, and the pairing with its progress.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Localized } from '../../lib/core/localized';
import { CATEGORIES, InputError, type Side } from '../../lib/core/person';
import {
  createRapprochement,
  type InputSummary,
  listProfiles,
  type Mode,
  type ModeSource,
  type PasserelleDB,
  type ProfileRow,
  type Rapprochement,
  type SniffOutcome,
  saveProfile,
  updateRapprochement,
} from '../../lib/store';
import { formatNumber, t } from '../i18n';
import { adviseMode, modeShown, modeToKeep } from '../../lib/rapprochement/import-mode';
import { categoryLabel, layoutLabel, localized, schoolYearAt, tCount } from './format';
import { EXPORT_KIND_KEY } from './message-keys';
import { DecisionsFileInput } from './DecisionsFileInput';
import { dropEntries, toInputFiles, walkDrop } from './input-files';
import { MappingScreen } from './MappingScreen';
import { FollowAdvice, ModeChoice } from './ModeChoice';
import { Pairing } from './Pairing';
import type { ShownStep } from './Steps';
import { CancelledError, type WorkerClient } from './worker-client';

interface Props {
  db: PasserelleDB;
  client: WorkerClient;
  r: Rapprochement | undefined;
  /** `shown`: the step to show first, as the pairing gave it. */
  onChange: (r: Rapprochement, shown?: ShownStep) => void;
}

const UAI = /^\d{7}[A-Z]$/;

export function StartScreen({ db, client, r, onChange }: Props) {
  const today = new Date();
  const [uai, setUai] = useState(r?.uai ?? '');
  const [schoolName, setSchoolName] = useState(r?.schoolName ?? '');
  const [year, setYear] = useState(r?.year ?? schoolYearAt(today));
  const [versionChanged, setVersionChanged] = useState(r?.versionChanged ?? false);
  const advice = adviseMode(today, { versionChanged, exportKind: r?.pronote?.exportKind });
  // Undefined while the admin has not chosen: the mode then follows the advice (and the file).
  const [choice, setChoice] = useState<Mode | undefined>(r && r.modeSource !== 'advice' ? r.mode : undefined);
  const shown = modeShown(choice, advice);
  const mode = shown.mode;
  const [formError, setFormError] = useState('');
  const [remembered, setRemembered] = useState(0);

  useEffect(() => {
    const key = uai.trim().toUpperCase();
    if (!UAI.test(key)) {
      setRemembered(0);
      return;
    }
    db.remembered
      .where('uai')
      .equals(key)
      .count()
      .then(setRemembered, () => setRemembered(0));
  }, [db, uai]);

  // A loaded file (or the version box) changes the advice: an unset choice follows it.
  useEffect(() => {
    if (!r?.id) return;
    const keep = modeToKeep(r, advice);
    if (keep.changed) updateRapprochement(db, r.id, { mode: keep.mode }).then(onChange, () => {});
  }, [db, r?.id, r?.mode, r?.modeSource, advice.mode]);

  /** Saves a mode change at once when the rapprochement exists (one click, no « Enregistrer »). */
  const saveMode = async (patch: { mode?: Mode; modeSource?: ModeSource; versionChanged?: boolean }) => {
    if (r?.id) onChange(await updateRapprochement(db, r.id, patch));
  };
  const follow = () => {
    setChoice(undefined);
    void saveMode({ mode: advice.mode, modeSource: 'advice' });
  };

  const submitSchool = async (e: Event) => {
    e.preventDefault();
    const key = uai.trim().toUpperCase();
    if (!UAI.test(key)) {
      setFormError(t('wbUaiInvalid'));
      return;
    }
    if (!/^\d{4}-\d{4}$/.test(year.trim())) {
      setFormError(t('wbYearInvalid'));
      return;
    }
    setFormError('');
    const modeFields = { mode, modeSource: shown.source, versionChanged };
    if (r?.id) onChange(await updateRapprochement(db, r.id, { uai: key, schoolName, year: year.trim(), ...modeFields }));
    else onChange(await createRapprochement(db, { uai: key, schoolName, year, ...modeFields }));
  };

  return (
    <div class="wb-start">
      <form class="wb-card" onSubmit={submitSchool} aria-labelledby="wb-school-title">
        <h2 id="wb-school-title">{t('wbSchoolTitle')}</h2>
        <label>
          {t('wbUai')}
          <input name="uai" value={uai} required maxLength={8} autoComplete="off" placeholder="0310047H" onInput={(e) => setUai(e.currentTarget.value)} />
        </label>
        <label>
          {t('wbSchoolName')}
          <input name="schoolName" value={schoolName} onInput={(e) => setSchoolName(e.currentTarget.value)} />
        </label>
        <label>
          {t('wbYear')}
          <input name="year" value={year} placeholder="2026-2027" onInput={(e) => setYear(e.currentTarget.value)} />
        </label>
        <ModeChoice
          mode={mode}
          advice={advice}
          versionChanged={versionChanged}
          onChoose={(m) => {
            setChoice(m);
            void saveMode({ mode: m, modeSource: 'admin' });
          }}
          onFollow={follow}
          onVersionChanged={(changed) => {
            setVersionChanged(changed);
            void saveMode({ versionChanged: changed });
          }}
        />
        {remembered > 0 && <p class="wb-hint">{tCount('wbRememberedFound', remembered)}</p>}
        {formError && (
          <p role="alert" class="wb-error">
            {formError}
          </p>
        )}
        <button type="submit" class="wb-primary">
          {r ? t('wbSaveSchool') : t('wbStart')}
        </button>
      </form>
      {r?.id !== undefined && (
        <>
          <SideLoader db={db} client={client} r={r} side="pronote" onChange={onChange}>
            {/* Where the admin looks once the file is read: the mode it calls for, if not the one chosen. */}
            {r.pronote && shown.differs && <FollowAdvice mode={mode} advice={advice} onFollow={follow} where="file" />}
          </SideLoader>
          <SideLoader db={db} client={client} r={r} side="directory" onChange={onChange} />
          <DecisionsFileInput db={db} r={r} onChange={onChange} />
          {r.directory?.structures && r.directory.structures.length > 1 && <StructureChoice db={db} r={r} onChange={onChange} />}
          <Pairing db={db} client={client} r={r} onChange={onChange} />
        </>
      )}
    </div>
  );
}

function SideLoader({ db, client, r, side, onChange, children }: Props & { r: Rapprochement; side: Side; children?: ComponentChildren }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Localized | undefined>();
  const [paste, setPaste] = useState('');
  const [dragging, setDragging] = useState(false);
  /** Files of a dropped folder that are not directory files: not read, and said. */
  const [skipped, setSkipped] = useState<string[]>([]);
  const [sniff, setSniff] = useState<
    { mapping: unknown; confidence: number; sure: boolean; unused: NonNullable<SniffOutcome['unused']>; files: File[]; paste?: string } | undefined
  >();
  const input = useRef<HTMLInputElement>(null);
  const [savedProfiles, setSavedProfiles] = useState<ProfileRow[]>([]);
  useEffect(() => {
    if (!sniff) return;
    listProfiles(db).then(
      (all) => setSavedProfiles(all.filter((p) => p.side === side)),
      () => {},
    );
  }, [db, sniff, side]);
  const summary: InputSummary | undefined = r[side];
  const id = `wb-${side}`;

  // Warm the worker while the user picks files: its start (script, store) is then off the first load.
  useEffect(() => client.warm(), [client]);

  const load = async (source: File[], pasted?: string, profile?: unknown) => {
    if (!r.id) return;
    setBusy(true);
    setError(undefined);
    try {
      const start = performance.now();
      const files = await toInputFiles(source);
      performance.measure('wb-files', { start, end: performance.now() });
      // The bytes are transferred, not copied (megabytes); a re-read with a confirmed mapping reads the files again.
      const transfer = files.map((f) => f.bytes.buffer as ArrayBuffer);
      const reply = await client.request({ kind: 'load', rid: r.id, side, files, paste: pasted, profile }, undefined, transfer);
      if (reply.kind === 'loaded') {
        const s = reply.outcome.sniff;
        const ask = s && !profile && (!s.sure || (s.unused?.length ?? 0) > 0);
        setSniff(ask ? { mapping: s.mapping, confidence: s.confidence, sure: s.sure, unused: s.unused ?? [], files: source, paste: pasted } : undefined);
        onChange(reply.outcome.rapprochement);
      } else if (reply.kind === 'input-error') setError(reply.message);
      else if (reply.kind === 'fault') setError({ fr: `Erreur interne\u202f: ${reply.message}`, en: `Internal error: ${reply.message}` });
    } catch (e) {
      if (e instanceof InputError) setError(e.userMessage);
      else if (!(e instanceof CancelledError)) setError({ fr: String(e), en: String(e) });
    } finally {
      setBusy(false);
    }
  };

  const fromList = async (list: readonly File[], notRead: string[] = []) => {
    setSkipped(notRead);
    if (!list.length) return;
    await load(side === 'pronote' ? [list[0]] : [...list]);
  };

  return (
    <section class="wb-card" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>{t(side === 'pronote' ? 'wbPronoteTitle' : 'wbDirectoryTitle')}</h2>
      <p class="wb-hint">{t(side === 'pronote' ? 'wbPronoteHelp' : 'wbDirectoryHelp')}</p>
      <div
        role="region"
        aria-label={t(side === 'pronote' ? 'wbDropHereOne' : 'wbDropHere')}
        class={`wb-drop${dragging ? ' wb-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const data = e.dataTransfer;
          if (!data) return;
          // Entries are taken now (the drop's items are emptied after the event), folders walked after.
          const entries = dropEntries(data);
          const files = [...data.files];
          walkDrop(entries, files).then(
            (d) => fromList(d.files, d.skipped),
            () => fromList(files),
          );
        }}
      >
        <label>
          {t(side === 'pronote' ? 'wbPronotePick' : 'wbDirectoryPick')}
          <input
            ref={input}
            type="file"
            data-testid={`${id}-file`}
            multiple={side === 'directory'}
            accept={side === 'pronote' ? '.xml,text/xml,application/xml' : '.xml,.dtd,.csv,.tsv,.txt,text/csv,text/xml'}
            disabled={busy}
            onChange={(e) => {
              const list = e.currentTarget.files;
              fromList(list ? [...list] : []).finally(() => {
                if (input.current) input.current.value = '';
              });
            }}
          />
        </label>
        <span class="wb-hint">{t(side === 'pronote' ? 'wbDropHereOne' : 'wbDropHere')}</span>
      </div>
      <details>
        <summary>{t(side === 'pronote' ? 'wbPastePronote' : 'wbPasteTable')}</summary>
        <label>
          {t('wbPasteLabel')}
          <textarea rows={4} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={busy || !paste.trim()} onClick={() => load([], paste)}>
          {t('wbReadPaste')}
        </button>
      </details>
      {busy && (
        <p role="status" class="wb-hint">
          {t('wbReading')}
        </p>
      )}
      {skipped.length > 0 && (
        <p class="wb-hint" data-testid={`${id}-skipped`}>
          {t('wbFolderSkipped', [formatNumber(skipped.length), skipped.slice(0, 20).join(', ') + (skipped.length > 20 ? '…' : '')])}
        </p>
      )}
      {error && (
        <div role="alert" class="wb-error" data-testid={`${id}-error`}>
          {localized(error)}
        </div>
      )}
      {sniff && savedProfiles.length > 0 && (
        <div class="wb-buttons">
          <span>{t('wbSavedProfiles')}</span>
          {savedProfiles.map((p) => (
            <button key={p.id} type="button" disabled={busy} onClick={() => load(sniff.files, sniff.paste, p.profile)}>
              {p.name}
            </button>
          ))}
        </div>
      )}
      {sniff && (
        <MappingScreen
          mapping={sniff.mapping}
          confidence={sniff.confidence}
          sure={sniff.sure}
          unused={sniff.unused}
          onConfirm={async (mapping, name) => {
            await saveProfile(db, name, side, mapping);
            await load(sniff.files, sniff.paste, mapping);
          }}
        />
      )}
      {summary && <SummaryView summary={summary} side={side} />}
      {children}
    </section>
  );
}

function SummaryView({ summary, side }: { summary: InputSummary; side: Side }) {
  const total = CATEGORIES.reduce((n, c) => n + summary.counts[c], 0);
  return (
    <div class="wb-summary" data-testid={`wb-${side}-summary`}>
      <p>{t('wbFilesRead', [formatNumber(summary.files.length)])}</p>
      {/* One name a line, cut with an ellipsis at the card's edge; the full name in its title. */}
      <ul class="wb-files">
        {summary.files.map((name, i) => (
          <li key={i} title={name}>
            {name}
          </li>
        ))}
      </ul>
      {summary.exportKind && summary.exportKind !== 'unknown' && <p>{t(EXPORT_KIND_KEY[summary.exportKind])}</p>}
      {summary.layout && <p class="wb-hint">{t('wbLayout', [layoutLabel(summary.layout)])}</p>}
      {summary.guardianLinks && summary.guardianLinks.guardians > 0 && (
        <p class={summary.guardianLinks.linked === 0 ? 'wb-warning' : 'wb-hint'} data-testid={`wb-${side}-guardian-links`}>
          {summary.guardianLinks.linked === 0
            ? t('wbNoGuardianLinks')
            : t('wbGuardianLinks', [formatNumber(summary.guardianLinks.linked), formatNumber(summary.guardianLinks.guardians)])}
        </p>
      )}
      <table class="wb-counts">
        <caption class="wb-sr">{t('wbCountsCaption')}</caption>
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{categoryLabel(c)}</th>
              <td>{formatNumber(summary.counts[c])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('wbTotal')}</th>
            <td>{formatNumber(total)}</td>
          </tr>
        </tbody>
      </table>
      {summary.synthetic ? <p class="wb-warning">{tCount('wbSynthetic', summary.synthetic)}</p> : null}
      {summary.notes.length > 0 && (
        <ul class="wb-notes">
          {summary.notes.slice(0, 50).map((n, i) => (
            <li key={i}>
              {n.source}&#x202f;: {localized(n.message)}
            </li>
          ))}
        </ul>
      )}
      <details open={summary.notRead.length > 0 && summary.notRead.length <= 20}>
        <summary>{t('wbNotRead', [formatNumber(summary.notRead.length)])}</summary>
        <ul class="wb-notread">
          {summary.notRead.slice(0, 500).map((n, i) => (
            <li key={i}>
              <span class="wb-where">
                {n.source} · {n.location}
              </span>{' '}
              {localized(n.reason)}
              {n.excerpt && <code class="wb-excerpt">{n.excerpt}</code>}
            </li>
          ))}
        </ul>
        {summary.notRead.length > 500 && <p class="wb-hint">{tCount('wbMoreNotRead', summary.notRead.length - 500)}</p>}
      </details>
    </div>
  );
}

function StructureChoice({ db, r, onChange }: { db: PasserelleDB; r: Rapprochement; onChange: (r: Rapprochement) => void }) {
  const structures = r.directory?.structures ?? [];
  return (
    <section class="wb-card">
      <label>
        {t('wbStructure', [formatNumber(structures.length)])}
        <select
          value={r.structure ?? ''}
          onChange={async (e) => {
            if (r.id) onChange(await updateRapprochement(db, r.id, { structure: e.currentTarget.value || undefined }));
          }}
        >
          <option value="">{t('wbAllStructures')}</option>
          {structures.map((s) => (
            <option key={s} value={s}>
              {s}
              {s === r.uai ? ` (${t('wbThisSchool')})` : ''}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
