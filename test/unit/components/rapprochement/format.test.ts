/** Display helpers of the workbench: singular forms, layout labels, and unbreakable percentages at 360 px. */
import { describe, expect, it } from 'vitest';
import { formatPercent, layoutLabel, tCount } from '../../../../components/rapprochement/format';
import { t } from '../../../../components/i18n';

describe('workbench wording', () => {
  it('uses the singular for 0 and 1 in French, for 1 only in English', () => {
    expect(tCount('wbSearchCount', 1, 'fr')).toBe('1 résultat');
    expect(tCount('wbSearchCount', 0, 'fr')).toBe('0 résultat');
    expect(tCount('wbSearchCount', 2, 'fr')).toBe('2 résultats');
    expect(tCount('wbSynthetic', 1, 'fr')).toMatch(/^1 ligne sans identifiant/);
    expect(tCount('wbRememberedFound', 1, 'fr')).toMatch(/^1 décision mémorisée .* sera reprise\.$/);
    expect(tCount('wbSearchCount', 0, 'en')).toBe('0 results');
    expect(tCount('wbSearchCount', 1, 'en')).toBe('1 result');
  });

  it('names the Pronote layouts in words, and shows an unknown one as is', () => {
    // happy-dom's navigator language is en-US; the French labels are checked through the locale file.
    expect(t('wbLayout_partner', [], 'fr')).toBe('export partenaire Index Éducation');
    expect(t('wbLayout_rapprochement_sso', [], 'fr')).toBe('fichier RapprochementSSO');
    expect(t('wbLayout_sniffed', [], 'fr')).toBe('format déduit du fichier');
    expect(layoutLabel('partner')).not.toBe('partner');
    expect(layoutLabel('rapprochement-sso')).not.toBe('rapprochement-sso');
    expect(layoutLabel('some-future-layout')).toBe('some-future-layout');
  });

  it('keeps the number and the percent sign together', () => {
    expect(formatPercent(100)).toMatch(/^100\u202f%$/);
    expect(t('wbPairRunning', ['42', 'élèves'], 'fr')).toContain('42\u202f%');
    expect(t('wbMappingUnsure', ['60'], 'fr')).toContain('60\u202f%');
  });
});
