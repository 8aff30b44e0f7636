import { useState } from 'preact/hooks';
import { type Lang, t, uiLang } from '../i18n';

/** Copies `text` to the clipboard and says so for a moment (live region for screen readers). */
export function CopyButton({ text, lang = uiLang() }: { text: string; lang?: Lang }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard
      ?.writeText(text)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2_000);
      })
      .catch(() => {});
  };
  return (
    <button type="button" class="diag-copy" onClick={copy} aria-live="polite">
      {copied ? t('diagCopied', [], lang) : t('diagCopy', [], lang)}
    </button>
  );
}
