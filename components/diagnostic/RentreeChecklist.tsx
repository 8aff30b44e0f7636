import { useEffect, useState } from 'preact/hooks';
import { type RentreeProgress, currentProgress, emptyProgress, rentreeSteps, rentreeStorageKey, schoolYear, toggleStep } from '../../lib/diagnose/rentree';
import { t, uiLang } from '../i18n';

/** Where the ticks are kept (the side panel passes `browser.storage.local`). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const UAI = /^[0-9]{7}[A-Z]$/;

/** The two questions that choose the steps (seed §5 FAQ), in the order they are asked. */
const RENTREE_QUESTIONS = [
  { answer: 'newSchoolYear', label: 'diagRentreeNewYear' },
  { answer: 'newPronoteVersion', label: 'diagRentreeNewVersion' },
] as const;

/**
 * The rentrée checklist (seed §5 FAQ): two questions give the ordered steps with the export option
 * and the import mode; each step can be ticked, and the ticks are kept per school (UAI) and school year.
 */
export function RentreeChecklist({ store, now = () => new Date() }: { store: KeyValueStore; now?: () => Date }) {
  const year = schoolYear(now());
  const [uai, setUai] = useState('');
  const [progress, setProgress] = useState<RentreeProgress>(() => emptyProgress(year));
  const [loadedFor, setLoadedFor] = useState('');
  const lang = uiLang();
  const validUai = UAI.test(uai);
  // Until the school's saved ticks are read, a tick would be overwritten by them and not saved.
  const loading = validUai && loadedFor !== uai;

  useEffect(() => {
    if (!validUai) {
      setLoadedFor('');
      return;
    }
    let live = true;
    store
      .get(rentreeStorageKey(uai))
      .then((stored) => {
        if (!live) return;
        setProgress(currentProgress(stored, year));
        setLoadedFor(uai);
      })
      .catch(() => setLoadedFor(uai));
    return () => {
      live = false;
    };
  }, [uai, validUai, year, store]);

  const update = (next: RentreeProgress) => {
    setProgress(next);
    if (validUai && loadedFor === uai) store.set(rentreeStorageKey(uai), next).catch(() => {});
  };

  const setAnswer = (key: (typeof RENTREE_QUESTIONS)[number]['answer'], value: boolean) =>
    update(currentProgress({ ...progress, answers: { ...progress.answers, [key]: value } }, year));

  const steps = rentreeSteps(progress.answers);
  const doneCount = steps.filter((s) => progress.done.includes(s.id)).length;

  return (
    <section class="diag-section" aria-labelledby="diag-rentree-title">
      <h2 id="diag-rentree-title">{t('diagRentreeTitle')}</h2>
      <label for="diag-rentree-uai">{t('diagRentreeUai')}</label>
      <input
        id="diag-rentree-uai"
        type="text"
        maxLength={8}
        autoComplete="off"
        spellcheck={false}
        placeholder="0310047H"
        value={uai}
        onInput={(e) => setUai((e.target as HTMLInputElement).value.trim().toUpperCase())}
      />
      <p class="diag-note">{validUai ? t('diagRentreeYear', [year]) : t('diagRentreeUaiHint')}</p>
      <fieldset>
        <legend>{t('diagRentreeQuestions')}</legend>
        {RENTREE_QUESTIONS.map(({ answer, label }) => (
          <label class="diag-check" key={answer}>
            <input
              type="checkbox"
              checked={progress.answers[answer]}
              disabled={loading}
              onChange={(e) => setAnswer(answer, (e.target as HTMLInputElement).checked)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <p id="diag-rentree-count" aria-live="polite">
        {t('diagRentreeSteps', [doneCount, steps.length])}
      </p>
      <ol class="diag-steps" aria-describedby="diag-rentree-count">
        {steps.map((step) => (
          <li key={step.id} data-step={step.id}>
            <label class="diag-check">
              <input type="checkbox" checked={progress.done.includes(step.id)} disabled={loading} onChange={() => update(toggleStep(progress, step.id))} />
              <span>{step.text[lang]}</span>
            </label>
            {step.exportOption && (
              <p class="diag-tag">{t('diagRentreeExportOption', [step.exportOption === 'checked' ? t('diagRentreeChecked') : t('diagRentreeUnchecked')])}</p>
            )}
            {step.importMode && <p class="diag-tag">{t('diagRentreeImportMode', [step.importMode])}</p>}
            <p class="diag-source">{t('diagSource', [step.shownSource[lang]])}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
