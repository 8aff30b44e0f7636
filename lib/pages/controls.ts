/**
 * What counts as a control on an admin page, and how to read its state without changing it.
 * Covers native controls and the ARIA widgets that script-built screens use (DOMAIN.md: Pronote's
 * own pages are built by script, with generated ids).
 */

export type ControlKind = 'checkbox' | 'text' | 'select' | 'button';

const SELECTORS: Record<ControlKind, string> = {
  checkbox: 'input[type=checkbox], input[type=radio], [role=checkbox], [role=switch], [role=radio]',
  text: 'input:not([type]), input[type=text], input[type=url], input[type=search], input[type=email], textarea, [role=textbox], [contenteditable=""], [contenteditable=true]',
  select: 'select, [role=combobox], [role=listbox]',
  button: 'button, input[type=button], input[type=submit], [role=button], a[href]',
};

const TEXT_INPUT_TYPES = new Set(['', 'text', 'url', 'search', 'email']);
const NOT_LABEL_TAGS = new Set(['SELECT', 'OPTION', 'OPTGROUP', 'DATALIST', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'NOSCRIPT']);

/**
 * The kind of control `el` is, without CSS matching (fast on big pages); `undefined` for an
 * element that is not a control. Same definition as `controlSelector`.
 */
export function controlKind(el: Element): ControlKind | undefined {
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (type === 'checkbox' || type === 'radio') return 'checkbox';
    if (TEXT_INPUT_TYPES.has(type)) return 'text';
    if (type === 'button' || type === 'submit') return 'button';
    return undefined;
  }
  if (tag === 'TEXTAREA') return 'text';
  if (tag === 'SELECT') return 'select';
  if (tag === 'BUTTON') return 'button';
  const role = el.getAttribute('role');
  if (role === 'checkbox' || role === 'switch' || role === 'radio') return 'checkbox';
  if (role === 'textbox') return 'text';
  if (role === 'combobox' || role === 'listbox') return 'select';
  if (role === 'button') return 'button';
  const editable = el.getAttribute('contenteditable');
  if (editable === '' || editable === 'true') return 'text';
  if (tag === 'A' && el.hasAttribute('href')) return 'button';
  return undefined;
}

/** True when the content of `el` is never a label (option lists, scripts, Passerelle's UI). */
export function isNotLabel(el: Element): boolean {
  return NOT_LABEL_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('data-passerelle-host');
}

/** CSS selector of the controls of `kinds` (all kinds but buttons when omitted). */
export function controlSelector(kinds?: ControlKind[]): string {
  return (kinds ?? (['checkbox', 'text', 'select'] as ControlKind[])).map((k) => SELECTORS[k]).join(', ');
}

/** True when `el` is a control of one of `kinds`. */
export function isControl(el: Element, kinds?: ControlKind[]): boolean {
  return el.matches(controlSelector(kinds));
}

/** Elements whose content is never a label: option lists, scripts, and Passerelle's own UI. */
export const NOT_LABEL = 'select, option, optgroup, datalist, script, style, template, textarea, noscript, [data-passerelle-host]';

/**
 * True when `el` or an ancestor is hidden: `hidden` attribute, `aria-hidden`, inline
 * `display:none`, or (where the DOM can tell, `checkVisibility`) a style sheet that hides it, as
 * a closed dialog of the page. An element with `display: contents` has no box of its own but is
 * not hidden.
 */
export function isHidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    if (e.getAttribute('aria-hidden') === 'true') return true;
    const style = (e as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function' && el.isConnected && !check.call(el, { visibilityProperty: true })) {
    const view = el.ownerDocument.defaultView;
    return view?.getComputedStyle(el).display !== 'contents';
  }
  return false;
}

/** The checked state of a checkbox, radio or switch (native or ARIA); `undefined` for other elements. */
export function readChecked(el: Element): boolean | undefined {
  if (el instanceof el.ownerDocument.defaultView!.HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    return el.checked;
  }
  const aria = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
  if (aria !== null) return aria === 'true';
  const role = el.getAttribute('role');
  if (role === 'checkbox' || role === 'switch' || role === 'radio') return false;
  return undefined;
}

/**
 * The value shown by a control, as the admin sees it: the text typed in a field, the text of the
 * chosen option of a list (native or ARIA), the text of an editable element. Empty string when
 * nothing is chosen or typed.
 */
export function readValue(el: Element): string {
  const win = el.ownerDocument.defaultView!;
  if (el instanceof win.HTMLSelectElement) {
    const option = el.selectedOptions?.[0] ?? el.options[el.selectedIndex];
    return option ? (option.textContent ?? '').trim() || option.value : '';
  }
  if (el instanceof win.HTMLInputElement || el instanceof win.HTMLTextAreaElement) return el.value;
  const role = el.getAttribute('role');
  if (role === 'combobox' || role === 'listbox') {
    const inner = el.querySelector('input');
    if (inner) return inner.value;
    const active = el.getAttribute('aria-activedescendant');
    const chosen = (active ? el.ownerDocument.getElementById(active) : null) ?? el.querySelector('[role=option][aria-selected=true]');
    if (chosen) return (chosen.textContent ?? '').trim();
    const valueText = el.getAttribute('aria-valuetext');
    if (valueText !== null) return valueText;
    if (role === 'listbox') return '';
  }
  return (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The option texts of a list (native `select` or ARIA listbox/combobox with `role=option` items). */
export function readOptions(el: Element): string[] {
  const win = el.ownerDocument.defaultView!;
  if (el instanceof win.HTMLSelectElement) return [...el.options].map((o) => (o.textContent ?? '').trim());
  const controlled = el.getAttribute('aria-controls') ?? el.getAttribute('aria-owns');
  const list = (controlled ? el.ownerDocument.getElementById(controlled) : null) ?? el;
  return [...list.querySelectorAll('[role=option]')].map((o) => (o.textContent ?? '').trim());
}

/** True when a control is disabled (native `disabled` or `aria-disabled`). */
export function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}
