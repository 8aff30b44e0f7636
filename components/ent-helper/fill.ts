/**
 * Writes a name into the ENT's own directory search field, as if the admin had typed it, so that
 * the ENT's search runs (PRODUCT.md §2: "one click puts it in the ENT's own search field").
 * Nothing is submitted: no form submission, no click on the ENT's buttons.
 */

/**
 * Sets `text` in `field` (an input, a textarea or an editable element) through the element's own
 * value setter (so that frameworks tracking the value see the change), then dispatches `input`
 * and `change` events that bubble, and focuses it. Throws nothing; returns false when `field` is
 * not something one can type in.
 */
export function fillSearchField(field: Element, text: string): boolean {
  const win = field.ownerDocument.defaultView;
  if (!win) return false;
  if (field instanceof win.HTMLInputElement || field instanceof win.HTMLTextAreaElement) {
    const proto = field instanceof win.HTMLInputElement ? win.HTMLInputElement.prototype : win.HTMLTextAreaElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    field.focus();
    if (setter) setter.call(field, text);
    else field.value = text;
  } else if ((field as HTMLElement).isContentEditable || field.getAttribute('contenteditable') !== null) {
    (field as HTMLElement).focus();
    field.textContent = text;
  } else {
    return false;
  }
  field.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  field.dispatchEvent(new win.Event('change', { bubbles: true }));
  return true;
}
