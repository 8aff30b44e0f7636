/**
 * Results: counts per category and outcome (table and inline SVG bars, readable when printed on
 * A4), what is left and why, the CSV and RapprochementSSO downloads, the printed report (the
 * command line's renderer, `lib/report/report-html.ts`, in the UI language), the
 * decisions remembered for next year, and the steps (a cancelled one can be taken up again).
 */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../lib/core/person';
import { decisionOf, writeDecisionsCsv } from '../../lib/report/decisions-csv';
import { writePeopleCsv } from '../../lib/report/people-csv';
import { writeRapprochementSso } from '../../lib/report/rapprochement-sso';
import { writeReportHtml } from '../../lib/report/report-html';
import { reportRows } from '../../lib/report/report-rows';
import {
  type DecisionRow,
  loadDecisions,
  loadInput,
  loadStep,
  type PasserelleDB,
  type Rapprochement,
  resultRows,
  resumeStep,
  type StepItem,
  updateRapprochement,
} from '../../lib/store';
import { formatNumber, type MessageKey, t, uiLang } from '../i18n';
import { categoryLabel, download, formatDateTime } from './format';
import { LeftExplained } from './LeftExplained';
import { MODE_KEY, STEP_STATE_KEY } from './message-keys';
import { printReport } from './print-report';
import { StepBar } from './StepBar';

const OUTCOMES = ['auto', 'confirmed', 'manual', 'rejected', 'no-account', 'unresolved'] as const;
type Outcome = (typeof OUTCOMES)[number];
const COLOURS: Record<Outcome, string> = {
  auto: '#1f7a3a',
  confirmed: '#3f9c5a',
  manual: '#1f4e99',
  rejected: '#b3261e',
  'no-account': '#8a8f98',
  unresolved: '#d08a00',
};
const OUTCOME_KEY: Record<Outcome, MessageKey> = {
  auto: 'wbOutcome_auto',
  confirmed: 'wbOutcome_confirmed',
  manual: 'wbOutcome_manual',
  rejected: 'wbOutcome_rejected',
  'no-account': 'wbOutcome_no_account',
  unresolved: 'wbOutcome_unresolved',
};

type Table = Record<Category, Record<Outcome, number>>;

function tally(steps: Record<Category, StepItem[]>, decisions: DecisionRow[]): Table {
  const table = Object.fromEntries(CATEGORIES.map((c) => [c, Object.fromEntries(OUTCOMES.map((o) => [o, 0]))])) as Table;
  for (const row of resultRows(steps, decisions)) table[row.category][decisionOf(row)]++;
  return table;
}

/** Stacked bars, one per category, in an inline SVG with a text legend (prints in colour or grey). */
function Chart({ table }: { table: Table }) {
  const max = Math.max(1, ...CATEGORIES.map((c) => OUTCOMES.reduce((n, o) => n + table[c][o], 0)));
  const rowH = 22;
  const labelW = 175;
  const barW = 280;
  return (
    <figure class="wb-chart">
      <svg role="img" aria-label={t('wbChartLabel')} viewBox={`0 0 ${labelW + barW + 60} ${CATEGORIES.length * rowH + 4}`} width="100%">
        {CATEGORIES.map((c, i) => {
          let x = labelW;
          const total = OUTCOMES.reduce((n, o) => n + table[c][o], 0);
          return (
            <g key={c} transform={`translate(0 ${i * rowH + 2})`}>
              <text x={labelW - 6} y={rowH / 2 + 4} text-anchor="end" font-size="12">
                {categoryLabel(c)}
              </text>
              {OUTCOMES.map((o) => {
                const w = (table[c][o] / max) * barW;
                const rect = w > 0 ? <rect key={o} x={x} y={3} width={w} height={rowH - 6} fill={COLOURS[o]} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={rowH / 2 + 4} font-size="11">
                {formatNumber(total)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {OUTCOMES.map((o) => (
          <span key={o} class="wb-legend">
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" fill={COLOURS[o]} />
            </svg>{' '}
            {t(OUTCOME_KEY[o])}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Outcomes whose header has a short form, shown when the panel is too narrow for the word. */
const SHORT_HEADERS: Partial<Record<Outcome, MessageKey>> = { auto: 'wbOutcomeShort_auto' };

/** A column header of the outcomes table: the word, or under 360 px its abbreviation (the word as its title). */
function OutcomeHeader({ outcome }: { outcome: Outcome }) {
  const word = t(OUTCOME_KEY[outcome]);
  const short = SHORT_HEADERS[outcome];
  if (!short) return <>{word}</>;
  return (
    <>
      <span class="wb-long">{word}</span>
      <abbr class="wb-short" title={word}>
        {t(short)}
      </abbr>
    </>
  );
}

export function Results({ db, r, onChange, onNew }: { db: PasserelleDB; r: Rapprochement; onChange: (r: Rapprochement) => void; onNew: () => void }) {
  const [data, setData] = useState<{ steps: Record<Category, StepItem[]>; decisions: DecisionRow[] } | undefined>();
  const [ssoNote, setSsoNote] = useState('');
  const rid = r.id!;

  useEffect(() => {
    let live = true;
    Promise.all([Promise.all(CATEGORIES.map((c) => loadStep(db, rid, c))), loadDecisions(db, rid)]).then(([lists, decisions]) => {
      if (!live) return;
      setData({ steps: Object.fromEntries(CATEGORIES.map((c, i) => [c, lists[i]])) as Record<Category, StepItem[]>, decisions });
    });
    return () => {
      live = false;
    };
  }, [db, rid, r.updatedAt]);

  const base = `rapprochement-${r.uai}-${r.year}`;
  const table = data && tally(data.steps, data.decisions);
  const allItems = data ? CATEGORIES.flatMap((c) => data.steps[c]) : [];

  return (
    <div class="wb-results">
      <StepBar r={r} onGo={async (i) => onChange(await updateRapprochement(db, rid, { currentStep: i, position: 0, phase: 'steps' }))} />
      <div class="wb-report" id="wb-report">
        <h2>{t('wbResultsTitle')}</h2>
        <p class="wb-print-only">
          {[r.schoolName, r.uai].filter(Boolean).join(' · ')} · {r.year} · {t(MODE_KEY[r.mode])} · {formatDateTime(new Date().toISOString())}
        </p>
        <ul class="wb-step-states">
          {CATEGORIES.map((c) => (
            <li key={c} data-testid={`wb-state-${c}`}>
              {categoryLabel(c)}&#x202f;: {t(STEP_STATE_KEY[r.steps[c]])}
              {r.steps[c] === 'cancelled' && (
                <button type="button" class="wb-no-print" onClick={async () => onChange(await resumeStep(db, rid, c))}>
                  {t('wbResume')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {table && (
          <>
            <Chart table={table} />
            <table class="wb-outcomes">
              <caption>{t('wbOutcomesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wbCategory')}</th>
                  {OUTCOMES.map((o) => (
                    <th key={o} scope="col">
                      <OutcomeHeader outcome={o} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {CATEGORIES.map((c) => (
                  <tr key={c}>
                    <th scope="row">{categoryLabel(c)}</th>
                    {OUTCOMES.map((o) => (
                      <td key={o}>{formatNumber(table[c][o])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <LeftExplained items={allItems} decisions={data.decisions} open />
            {r.pronote?.counts.staff ? <p class="wb-hint">{t('wbStaffNoIdpn')}</p> : null}
          </>
        )}
      </div>
      <div class="wb-actions wb-no-print">
        {(
          [
            ['-tableau.csv', writePeopleCsv, 'wbDownloadTable'],
            ['.csv', writeDecisionsCsv, 'wbDownloadCsv'],
          ] as const
        ).map(([suffix, write, label]) => (
          <button
            key={suffix}
            type="button"
            class="wb-primary"
            disabled={!data}
            onClick={() => {
              if (data) download(`${base}${suffix}`, write(resultRows(data.steps, data.decisions)), 'text/csv;charset=utf-8');
            }}
          >
            {t(label)}
          </button>
        ))}
        <button
          type="button"
          disabled={!data}
          onClick={async () => {
            if (!data) return;
            const pronote = await loadInput(db, rid, 'pronote');
            const sso = writeRapprochementSso(resultRows(data.steps, data.decisions, pronote), {
              uai: r.uai,
              name: r.schoolName,
            });
            download(`${base}-RapprochementSSO.xml`, sso.xml, 'application/xml;charset=utf-8');
            setSsoNote(t('wbSsoWritten', [formatNumber(sso.written), formatNumber(sso.skipped.filter((s) => s.reason !== 'not-paired').length)]));
          }}
        >
          {t('wbDownloadSso')}
        </button>
        <button
          type="button"
          disabled={!data}
          onClick={() => {
            if (!data) return;
            printReport(
              writeReportHtml({
                lang: uiLang(),
                rows: reportRows(allItems, data.decisions),
                school: { name: r.schoolName, uai: r.uai },
                year: r.year,
                mode: r.mode,
                generatedAt: formatDateTime(new Date().toISOString()),
                fullListIn: `${base}-tableau.csv`,
              }),
            );
          }}
        >
          {t('wbPrint')}
        </button>
        <button type="button" onClick={onNew}>
          {t('wbNewRapprochement')}
        </button>
      </div>
      {ssoNote && (
        <p role="status" class="wb-hint">
          {ssoNote}
        </p>
      )}
      <p class="wb-hint wb-no-print">{t('wbRememberedNote')}</p>
    </div>
  );
}
