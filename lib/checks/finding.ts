import type { Localized } from '../core/localized';

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a rule of `lib/checks` says about a snapshot of a screen (PRODUCT.md, architecture:
 * "pure rules: snapshot → findings {id, severity, message, fix}").
 * - `id`: stable identifier of the rule (e.g. `cas-url-missing`), used by tests and the UI.
 * - `field`: the snapshot field the finding concerns, so the UI mounts it next to that control.
 * - `url`: a URL to show with a copy button, when the fix is a URL.
 * - `covers`: the ids of the other rules this finding also says (several problems of one field
 *   with one fix are one finding: issue 18, point 8).
 */
export interface Finding {
  id: string;
  severity: Severity;
  message: Localized;
  fix: Localized;
  field?: string;
  url?: string;
  covers?: string[];
}
