import { useState } from 'preact/hooks';
import { projectForCasUrl } from '../../lib/catalogue';
import { looksLikeCasResponse } from '../../lib/diagnose/cas-response';
import { knownFailure } from '../../lib/diagnose/known-failures';
import { type RecognitionResult, recogniseText } from '../../lib/diagnose/recognise';
import { t } from '../i18n';
import { CopyButton } from './CopyButton';
import { FailureExplanation } from './FailureExplanation';

/** Paste an error message → the known failure it shows, explained (PRODUCT.md §4). */
export function ExplainError() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<RecognitionResult | null>(null);
  const [casResponse, setCasResponse] = useState(false);

  const explain = (e: Event) => {
    e.preventDefault();
    setCasResponse(looksLikeCasResponse(text));
    setResult(recogniseText(text));
  };

  const project = result?.casUrl ? projectForCasUrl(result.casUrl) : undefined;
  const [best, ...others] = result?.matches ?? [];

  return (
    <section class="diag-section" aria-labelledby="diag-explain-title">
      <h2 id="diag-explain-title">{t('diagExplainTitle')}</h2>
      <form onSubmit={explain}>
        <label for="diag-explain-text">{t('diagExplainLabel')}</label>
        <textarea id="diag-explain-text" rows={4} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <button type="submit">{t('diagExplainButton')}</button>
      </form>
      <div aria-live="polite" class="diag-result">
        {result && casResponse && <p class="diag-note">{t('diagExplainLooksCas')}</p>}
        {result && !best && !casResponse && <p class="diag-note">{t('diagExplainNone')}</p>}
        {result?.casUrl && (
          <p class="diag-note">
            {t('diagExplainCasServer', [result.casUrl])} {project ? t('diagExplainCasProject', [project.name]) : t('diagExplainCasUnknown')}
          </p>
        )}
        {result?.pronoteError && (
          <p class="diag-note" data-pronote-error={result.pronoteError.number ?? ''}>
            {result.pronoteError.number !== undefined
              ? t('diagPronoteError', [result.pronoteError.number, result.pronoteError.text])
              : t('diagPronoteErrorNoNumber', [result.pronoteError.text])}
          </p>
        )}
        {result && !result.casUrl && result.entLogin && (
          <p class="diag-note" data-ent-login={result.entLogin.project.id}>
            {t('diagExplainLoginHost', [result.entLogin.project.name, result.entLogin.host])}
          </p>
        )}
        {result?.attributeName && <p class="diag-note">{t('diagExplainAttribute', [result.attributeName])}</p>}
        {result?.directUrl && (
          <p class="diag-note" data-direct-url>
            <strong>{t('diagDirectUrl')}</strong> <code>{result.directUrl}</code> <CopyButton text={result.directUrl} />
          </p>
        )}
        {best && <FailureExplanation failure={knownFailure(best.id)} />}
        {others.length > 0 && (
          <details class="diag-others">
            <summary>{t('diagExplainOthers', [others.length])}</summary>
            {others.map((m) => (
              <FailureExplanation key={m.id} failure={knownFailure(m.id)} level={4} />
            ))}
          </details>
        )}
      </div>
    </section>
  );
}
