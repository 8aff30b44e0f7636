/** Copies `text` to the clipboard; falls back to selecting `fallback`'s text when the clipboard is refused. */
export async function copy(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallback) {
      const range = fallback.ownerDocument.createRange();
      range.selectNodeContents(fallback);
      const selection = fallback.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}
