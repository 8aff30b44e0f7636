/**
 * axe-core on a panel page, WCAG 2.2 AA: the violations of impact serious or critical, each with its
 * rule, the nodes it hit and axe's summary of what to fix, so that a failing test says what is wrong.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG levels checked: A and AA of 2.0, 2.1 and 2.2 (2.2 A has no rule of its own in axe). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Lines "screen › rule (impact): target — summary", one per node, for the serious and critical violations. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${screen} › ${v.id} (${v.impact}): ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').trim()}`),
    );
}
