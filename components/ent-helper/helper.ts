/**
 * The ENT admin helper on a page (PRODUCT.md §2, issue 7): read the ENT admin screens
 * (lib/pages/ent-admin), check them (lib/checks/ent-admin), show the findings next to the fields
 * (components/findings), mark each account the import wizard did not recognise (a suggestion
 * exists or not; the suggestion itself only on the admin's click, issue 16), and run again when the
 * page changes. The content script only passes
 * the ways to reach the background (`deps`), so the helper runs in tests without a browser.
 */
import type { checkEntAdmin } from '../../lib/checks/ent-admin';
import type { Finding } from '../../lib/checks/finding';
import type { Refusal, Suggestion, WizardRow } from '../../lib/messages';
import { type EntAdminReading, entFieldElement } from '../../lib/pages/ent-admin';
import type { ExportKind } from '../../lib/core/person';
import { type Lang, uiLang } from '../i18n';
import { createFindingsMount } from '../findings/mount';
import { watchPage } from '../findings/watch';
import { type RowMark, createSuggestionsMount } from './suggestions';
import { type VersionCheckMount, createVersionCheckMount } from './version-check';

export interface EntHelperDeps {
  /**
   * Which of the wizard's rows have a suggestion (`suggestions/marks`): one boolean per row, or
   * the background's refusal (another school, a host not on the school's ENT…).
   */
  marks(uai: string, rows: WizardRow[]): Promise<boolean[] | Refusal>;
  /** The suggestion of one row, on the admin's click (`suggestions/reveal`); null when none. */
  reveal(uai: string, row: WizardRow): Promise<Suggestion | null>;
  /** The kind of export the side panel's rapprochement loaded (`rapprochement/loaded`). */
  loadedExportKind(uai: string | undefined): Promise<ExportKind | undefined>;
  /**
   * The Pronote version of the instance at `url` (an instance check the admin asked for by a
   * click), e.g. `[2024,3,7,1]`; undefined when the instance did not answer.
   */
  pronoteVersion?(url: string): Promise<number[] | undefined>;
  /** Each run's findings, for the side panel (`page/findings`). */
  publish?(result: { url: string; screen: string; findings: Finding[] }): void;
  /** Today; the import mode depends on the time of the school year. */
  now?(): Date;
}

/** How the feature reads and judges the screen: its declaration's `read` and `check` (features/ent-admin). */
export interface EntAdminPage {
  read(doc: Document): EntAdminReading;
  check: typeof checkEntAdmin;
}

export interface EntHelperOptions {
  lang?: Lang;
  debounceMs?: number;
}

/**
 * Starts the helper on `doc`: one run now, then one after each burst of changes, each reading the
 * screen with `page.read` and judging it with `page.check` (the feature's declaration). Returns a
 * function that stops it and removes what it showed. Never changes the page's controls, except
 * the search field the admin asks to fill by clicking a suggestion's button.
 */
export function startEntHelper(doc: Document, page: EntAdminPage, deps: EntHelperDeps, options: EntHelperOptions = {}): () => void {
  const lang = options.lang ?? uiLang();
  const findings = createFindingsMount(doc, { lang, feature: 'ent-admin' });
  const suggestions = createSuggestionsMount(doc, lang);
  // Rows known to have a suggestion stay marked; the others are asked again on the next run
  // (the rapprochement may have run, or the ENT project been confirmed, meanwhile).
  const available = new Set<string>();
  let fileKind: ExportKind | undefined;
  let kindAsked = false;
  let pronoteVersion: number[] | undefined;
  let version: VersionCheckMount | undefined;
  let last = '';
  let stopped = false;
  let runs = 0;

  const rowKey = (uai: string, p: WizardRow) => JSON.stringify([uai, p.lastName, p.firstName, p.className ?? '']);
  const rowOf = (p: WizardRow): WizardRow => ({ lastName: p.lastName, firstName: p.firstName, ...(p.className ? { className: p.className } : {}) });

  /** One bulk ask per run, for the rows not yet known to have a suggestion; booleans only. */
  const marksFor = async (uai: string, rows: WizardRow[]): Promise<RowMark[]> => {
    const unknown = rows.filter((r) => !available.has(rowKey(uai, r)));
    if (unknown.length) {
      const answer = await deps.marks(uai, unknown.map(rowOf)).catch((): Refusal => ({ refused: 'no-rapprochement' }));
      if (!Array.isArray(answer)) return rows.map((_, i) => (i === 0 ? answer.refused : 'none'));
      unknown.forEach((r, i) => {
        if (answer[i]) available.add(rowKey(uai, r));
      });
    }
    return rows.map((r) => (available.has(rowKey(uai, r)) ? 'available' : 'none'));
  };

  const showVersionCheck = ({ snapshot, anchors }: EntAdminReading) => {
    const anchor = anchors.service?.blocVersion;
    const url = snapshot.service?.settings.pronoteUrl;
    if (!deps.pronoteVersion || !anchor || !url) {
      version?.destroy();
      version = undefined;
      return;
    }
    version ??= createVersionCheckMount(doc, lang, async (u) => {
      const v = await deps.pronoteVersion!(u);
      pronoteVersion = v;
      run();
      return v;
    });
    version.update(anchor, url, pronoteVersion);
  };

  const run = async () => {
    if (stopped) return;
    const id = ++runs;
    const reading = page.read(doc);
    const snap = reading.snapshot;
    if (snap.import?.mode && !kindAsked) {
      kindAsked = true;
      fileKind = await deps.loadedExportKind(snap.import.uai).catch(() => undefined);
      if (stopped || id !== runs) return;
    }
    const list = page.check(snap, { date: deps.now?.() ?? new Date(), fileKind, pronoteVersion });
    findings.update(list, (field) => entFieldElement(reading.anchors, field));
    showVersionCheck(reading);
    const result = { url: doc.location?.href ?? '', screen: snap.screens.map((s) => `ent-${s}`).join('+') || 'none', findings: list };
    const key = JSON.stringify(result);
    if (key !== last) {
      last = key;
      deps.publish?.(result);
    }
    // Rows the background's schema would refuse (lib/message-schemas: names of 1 to 100
    // characters, class up to 40, 500 rows) are not asked about, so that one odd row of the page
    // does not make the whole ask refused.
    const anchors = reading.anchors.import?.rows ?? [];
    const rows = (snap.import?.unrecognised ?? [])
      .map((account, i) => ({ account, anchor: anchors[i] }))
      .filter(
        ({ account: r }) =>
          r.lastName.length >= 1 && r.lastName.length <= 100 && r.firstName.length >= 1 && r.firstName.length <= 100 && (r.className?.length ?? 0) <= 40,
      )
      .slice(0, 500);
    const uai = snap.import?.uai;
    // Without the school's UAI on the page, nothing is asked: suggestions are per school.
    if (!uai || !rows.length) {
      suggestions.update([]);
      return;
    }
    const marks = await marksFor(
      uai,
      rows.map((r) => r.account),
    );
    // A later run (the page changed meanwhile) shows its own rows.
    if (stopped || id !== runs) return;
    suggestions.update(rows.map(({ account, anchor }, i) => ({ account, anchor, mark: marks[i], reveal: () => deps.reveal(uai, rowOf(account)) })));
  };

  run();
  const stop = watchPage(doc, () => void run(), { debounceMs: options.debounceMs });
  return () => {
    stopped = true;
    stop();
    findings.destroy();
    suggestions.destroy();
    version?.destroy();
  };
}
