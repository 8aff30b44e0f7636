/**
 * The mapping screen of a sniffed Pronote layout: the reader's proposed mapping, each choice an
 * editable field (element or attribute names), confirmed by the user and saved as a profile
 * (PRODUCT.md §3). The mapping's shape is the reader's (`lib/pronote`): every text value of it is
 * shown under its path, so that the screen follows the reader without knowing its fields.
 */
import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';

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

export function MappingScreen({
  mapping,
  confidence,
  onConfirm,
}: {
  mapping: unknown;
  confidence: number;
  onConfirm: (mapping: unknown, name: string) => Promise<void>;
}) {
  const [value, setValue] = useState<Json>(mapping as Json);
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
      <p class="wb-warning">{t('wbMappingUnsure', [formatNumber(Math.round(confidence * 100))])}</p>
      {leaves(value).map(({ path, value: v }) => (
        <label key={path.join('.')}>
          <span class="wb-path">{path.join(' › ')}</span>
          <input value={v} onInput={(e) => setValue((old) => setLeaf(old, path, e.currentTarget.value))} />
        </label>
      ))}
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
