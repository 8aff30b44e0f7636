/**
 * The mapping screen of a sniffed Pronote layout: the reader's proposed mapping, each choice an
 * editable field (element or attribute names), confirmed by the user and saved as a profile
 * (PRODUCT.md §3). The mapping's shape is the reader's (`lib/pronote`): every text value of it is
 * shown under its path, so that the screen follows the reader without knowing its fields. The
 * fields that most records hold and the mapping reads nowhere are listed under it (issue 13: never
 * kept silently); on a mapping with `fields` (the Pronote profile), each can be picked as a link.
 */
import { useState } from 'preact/hooks';
import type { Category } from '../../lib/core/person';
import { formatNumber, t } from '../i18n';
import { categoryLabel } from './format';
import { USE_AS_KEY } from './message-keys';

/** A field the reader found on most records of one category and the mapping does not read. */
export interface UnusedFieldView {
  category: Category;
  field: string;
  share: number;
  example: string;
}

/** What an unused field can be taken as: the link fields of a Pronote profile. */
const USES = ['children', 'guardians'] as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function leaves(value: Json, path: string[] = []): { path: string[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

function setLeaf(value: Json, path: string[], text: string): Json {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? setLeaf(v, rest, text) : v));
  if (value && typeof value === 'object') return { ...value, [head]: setLeaf(value[head], rest, text) };
  return value;
}

/** The `fields` object of a profile-shaped mapping, else undefined. */
function fieldsOf(value: Json): Record<string, Json> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const f = value.fields;
  return f && typeof f === 'object' && !Array.isArray(f) ? f : undefined;
}

export function MappingScreen({
  mapping,
  confidence,
  sure = false,
  unused = [],
  onConfirm,
}: {
  mapping: unknown;
  confidence: number;
  /** The layout is known (partner, or a sure sniff): the screen is shown for the unused fields. */
  sure?: boolean;
  unused?: UnusedFieldView[];
  onConfirm: (mapping: unknown, name: string) => Promise<void>;
}) {
  const [value, setValue] = useState<Json>(mapping as Json);
  const fields = fieldsOf(value);
  const useOf = (field: string) => USES.find((u) => fields?.[u] === field) ?? '';
  const pick = (field: string, use: string) =>
    setValue((old) => {
      const f = { ...(fieldsOf(old) ?? {}) };
      for (const u of USES) if (f[u] === field) delete f[u];
      if (use) f[use] = field;
      return { ...(old as Record<string, Json>), fields: f };
    });
  const [name, setName] = useState(t('wbProfileDefaultName'));
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="wb-mapping"
      aria-labelledby="wb-mapping-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await onConfirm(value, name.trim() || t('wbProfileDefaultName'));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id="wb-mapping-title">{t('wbMappingTitle')}</h3>
      <p class="wb-warning">{sure ? t('wbMappingCheck') : t('wbMappingUnsure', [formatNumber(Math.round(confidence * 100))])}</p>
      {leaves(value).map(({ path, value: v }) => (
        <label key={path.join('.')}>
          <span class="wb-path">{path.join(' › ')}</span>
          <input value={v} onInput={(e) => setValue((old) => setLeaf(old, path, e.currentTarget.value))} />
        </label>
      ))}
      {unused.length > 0 && (
        <fieldset class="wb-unused" data-testid="wb-unused-fields">
          <legend>{t('wbUnusedTitle')}</legend>
          <ul>
            {unused.map((u) => (
              <li key={`${u.category}.${u.field}`}>
                <span>{t('wbUnusedField', [u.field, categoryLabel(u.category), formatNumber(Math.round(u.share * 100)), u.example])}</span>
                {fields && (
                  <label>
                    {t('wbUseAs')}
                    <select value={useOf(u.field)} onChange={(e) => pick(u.field, e.currentTarget.value)}>
                      <option value="">{t('wbUseAs_none')}</option>
                      {USES.map((use) => (
                        <option key={use} value={use}>
                          {t(USE_AS_KEY[use])}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <label>
        {t('wbProfileName')}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <button type="submit" class="wb-primary" disabled={busy}>
        {t('wbMappingConfirm')}
      </button>
    </form>
  );
}
