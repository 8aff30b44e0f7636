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
  // The tab bar, the step bar and the step's action bar stick to the top and bottom of the panel, so
  // whatever the scroll position some button passes under one of them, and axe's target-size rule
  // then measures only the part left showing. The user scrolls it into view (and the focus is kept
  // clear of the bars by scroll-padding): the rule is run with the bars in the flow, so that it
  // measures the targets themselves; every other rule sees the page as it is.
  const { violations: asIs } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['target-size']).analyze();
  const unstick = await page.addStyleTag({ content: '.tabs, .wb-stepbar, .wb-steps > .wb-actions { position: static !important; }' });
  const { violations: sizes } = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  await unstick.evaluate((el) => (el as Element).remove());
  const violations = [...asIs, ...sizes];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${screen} › ${v.id} (${v.impact}): ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').trim()}`),
    );
}
