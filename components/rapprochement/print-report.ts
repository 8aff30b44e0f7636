/**
 * Prints a report written by `lib/report/report-html.ts` from the panel: the document goes into a
 * hidden frame of the panel and that frame is printed, so the printout is the report (the same as
 * the command line's `report.html`), not the panel's screen.
 */

/** The frame that holds the last report printed; kept until the next, for the print preview. */
export const PRINT_FRAME_CLASS = 'wb-print-frame';

/** Prints `html` (a whole document) through a hidden same-origin frame. */
export function printReport(html: string): void {
  document.querySelector(`iframe.${PRINT_FRAME_CLASS}`)?.remove();
  const frame = document.createElement('iframe');
  frame.className = PRINT_FRAME_CLASS;
  frame.title = 'report';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Not display:none: a frame that is not laid out prints blank in Chromium.
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.srcdoc = html;
  document.body.append(frame);
}
