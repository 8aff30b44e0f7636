import type { Localized } from '../../lib/core/localized';
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
      <Steps title={t('diagCauses', [], lang)} class="diag-causes" items={failure.causes} lang={lang} />
      <Steps title={t('diagFix', [], lang)} class="diag-fix" items={failure.fix} lang={lang} />
      {failure.supportFix && failure.supportFix.length > 0 && (
        <Steps title={t('diagSupportFix', [], lang)} class="diag-fix diag-support-fix" items={failure.supportFix} lang={lang} />
      )}
      <p class="diag-source">{t('diagSource', [failure.shownSource[lang]], lang)}</p>
    </article>
  );
}

/** A titled ordered list of an entry's texts (causes, fix, support fix). */
function Steps({ title, items, lang, class: className }: { title: string; items: Localized[]; lang: Lang; class: string }) {
  return (
    <>
      <p class="diag-subtitle">
        <strong>{title}</strong>
      </p>
      <ol class={className}>
        {items.map((item) => (
          <li key={item.fr}>{item[lang]}</li>
        ))}
      </ol>
    </>
  );
}
