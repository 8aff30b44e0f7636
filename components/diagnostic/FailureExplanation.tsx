import type { KnownFailure } from '../../lib/diagnose/known-failures';
import { type Lang, t, uiLang } from '../i18n';

interface Props {
  failure: KnownFailure;
  lang?: Lang;
  /** Heading level of the title, so that it fits the page around it. */
  level?: 3 | 4;
}

/**
 * One known failure explained: what people see, the causes from the most likely, the fix (for the
 * admin, then for the support person when the entry has one), the source. Every text is rendered as text (it comes from the knowledge base, never from the page).
 */
export function FailureExplanation({ failure, lang = uiLang(), level = 3 }: Props) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <article class="diag-failure" data-failure={failure.id}>
      <Heading class="diag-failure-title">{failure.title[lang]}</Heading>
      <p class="diag-symptom">
        <strong>{t('diagSymptom', [], lang)}</strong> {failure.symptom[lang]}
      </p>
      <p class="diag-subtitle">
        <strong>{t('diagCauses', [], lang)}</strong>
      </p>
      <ol class="diag-causes">
        {failure.causes.map((cause) => (
          <li key={cause.fr}>{cause[lang]}</li>
        ))}
      </ol>
      <p class="diag-subtitle">
        <strong>{t('diagFix', [], lang)}</strong>
      </p>
      <ol class="diag-fix">
        {failure.fix.map((step) => (
          <li key={step.fr}>{step[lang]}</li>
        ))}
      </ol>
      {failure.supportFix && failure.supportFix.length > 0 && (
        <>
          <p class="diag-subtitle">
            <strong>{t('diagSupportFix', [], lang)}</strong>
          </p>
          <ol class="diag-fix diag-support-fix">
            {failure.supportFix.map((step) => (
              <li key={step.fr}>{step[lang]}</li>
            ))}
          </ol>
        </>
      )}
      <p class="diag-source">{t('diagSource', [failure.shownSource[lang]], lang)}</p>
    </article>
  );
}
