import { useState } from 'preact/hooks';
import { type CasReading, type RecognitionMode, readCasResponse } from '../../lib/diagnose/cas-response';
import { knownFailure } from '../../lib/diagnose/known-failures';
import { t, uiLang } from '../i18n';

/**
 * Paste a CAS validation response → success or failure, the user, the released attributes and
 * whether the attribute Pronote expects is among them (PRODUCT.md §4); in the identity recognition
 * mode (Open ENT NG), whether the identity Pronote compares is complete.
 */
export function CasResponseReader() {
  const [xml, setXml] = useState('');
  const [attribute, setAttribute] = useState('idPronote');
  const [mode, setMode] = useState<RecognitionMode | 'auto'>('auto');
  const [reading, setReading] = useState<CasReading | null>(null);

  const read = (e: Event) => {
    e.preventDefault();
    setReading(readCasResponse(xml, attribute.trim() || 'idPronote', mode));
  };

  return (
    <section class="diag-section" aria-labelledby="diag-cas-title">
      <h2 id="diag-cas-title">{t('diagCasResponseTitle')}</h2>
      <form onSubmit={read}>
        <label for="diag-cas-xml">{t('diagCasResponseLabel')}</label>
        <textarea id="diag-cas-xml" rows={5} spellcheck={false} value={xml} onInput={(e) => setXml((e.target as HTMLTextAreaElement).value)} />
        <label for="diag-cas-mode">{t('diagCasModeLabel')}</label>
        <select id="diag-cas-mode" value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value as RecognitionMode | 'auto')}>
          <option value="auto">{t('diagCasModeAuto')}</option>
          <option value="identifier">{t('diagCasModeIdentifier')}</option>
          <option value="identity">{t('diagCasModeIdentity')}</option>
        </select>
        <label for="diag-cas-attribute">{t('diagCasAttributeLabel')}</label>
        <input id="diag-cas-attribute" type="text" spellcheck={false} value={attribute} onInput={(e) => setAttribute((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('diagCasResponseButton')}</button>
      </form>
      <div aria-live="polite" class="diag-result">
        {reading && <ReadingView reading={reading} />}
      </div>
    </section>
  );
}

function ReadingView({ reading }: { reading: CasReading }) {
  const lang = uiLang();
  if (reading.kind === 'unreadable') {
    return (
      <p class="diag-error" data-cas-reading="unreadable">
        {reading.message[lang]}
        {reading.line !== undefined && ` (${t('diagCasLine', [reading.line, reading.column ?? 0])})`}
      </p>
    );
  }
  const protocol = reading.protocol === 'saml11' ? t('diagCasProtocolSaml') : t('diagCasProtocolCas');
  const failure = reading.failureId ? knownFailure(reading.failureId) : undefined;
  if (reading.kind === 'failure') {
    return (
      <div data-cas-reading="failure">
        <p class="diag-error">{t('diagCasFailure', [reading.code])}</p>
        <p class="diag-note">{protocol}</p>
        {reading.message && <p>{t('diagCasServerMessage', [reading.message])}</p>}
        <p>{reading.meaning[lang]}</p>
        {failure && <p class="diag-note">{t('diagSeeFailure', [failure.title[lang]])}</p>}
      </div>
    );
  }
  return (
    <div data-cas-reading="success" data-expected-present={String(reading.expectedPresent)}>
      <p class="diag-ok">{t('diagCasSuccess', [reading.user])}</p>
      <p class="diag-note">{protocol}</p>
      <p class="diag-note" data-cas-mode={reading.mode}>
        {reading.mode === 'identity' ? t('diagCasModeReadIdentity') : t('diagCasModeReadIdentifier', [reading.expectedAttribute])}
      </p>
      {reading.mode === 'identifier' && (
        <p class={reading.expectedPresent ? 'diag-ok' : 'diag-error'}>
          {reading.expectedPresent ? t('diagCasExpectedPresent', [reading.expectedAttribute]) : t('diagCasExpectedMissing', [reading.expectedAttribute])}
        </p>
      )}
      {reading.identity && (
        <p class={reading.failureId ? 'diag-error' : 'diag-ok'} data-identity-complete={String(!reading.failureId)}>
          {reading.failureId
            ? t('diagCasIdentityMissing', [
                [
                  ...reading.identity.missing,
                  ...(reading.identity.dateNaissance && !reading.identity.birthDateValid ? [`dateNaissance = ${reading.identity.dateNaissance}`] : []),
                ].join(', '),
              ])
            : t('diagCasIdentityComplete', [
                [reading.identity.prenom, reading.identity.nom].filter(Boolean).join(' '),
                reading.identity.dateNaissance ?? '',
                reading.identity.categories.map((c) => c.code).join(', '),
              ])}
        </p>
      )}
      <p>{reading.meaning[lang]}</p>
      {failure && <p class="diag-note">{t('diagSeeFailure', [failure.title[lang]])}</p>}
      {reading.attributes.length === 0 ? (
        <p>{t('diagCasNoAttributes')}</p>
      ) : (
        <table class="diag-attributes">
          <caption>{t('diagCasAttributes', [reading.attributes.length])}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diagCasAttributeName')}</th>
              <th scope="col">{t('diagCasAttributeValues')}</th>
            </tr>
          </thead>
          <tbody>
            {reading.attributes.map((a) => (
              <tr key={a.name} class={a.name === reading.expectedAttribute ? 'diag-expected' : undefined}>
                <th scope="row">{a.name}</th>
                <td>{a.values.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
