/**
 * One store screenshot made of an admin page and the side panel beside it, as the browser shows
 * them when the panel is open: the page on the left, the panel on the right, both at 800 px high.
 * Drawn by Chromium itself from the two captures (no image library).
 */
import type { BrowserContext } from '@playwright/test';
import { PANEL_WIDTH, STORE_SIZE } from './shots';

/**
 * `page` (a PNG of (1280 − PANEL_WIDTH) × 800 px) and `panel` (PANEL_WIDTH × 800 px) side by side
 * with the side panel's border; returns the 1280×800 PNG.
 */
export async function besidePanel(context: BrowserContext, page: Buffer, panel: Buffer): Promise<Buffer> {
  const sheet = await context.newPage();
  try {
    await sheet.setViewportSize(STORE_SIZE);
    const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    const left = STORE_SIZE.width - PANEL_WIDTH;
    const { height } = STORE_SIZE;
    // The border is drawn over the page's last pixel column, so that neither capture is scaled.
    await sheet.setContent(
      `<!doctype html><html><body style="margin:0;position:relative;width:${STORE_SIZE.width}px;height:${height}px;overflow:hidden">` +
        `<img alt="" src="${src(page)}" style="position:absolute;left:0;top:0;width:${left}px;height:${height}px">` +
        `<div style="position:absolute;left:${left - 1}px;top:0;width:1px;height:${height}px;background:#aeb4bd;box-shadow:-3px 0 10px rgb(0 0 0 / 14%)"></div>` +
        `<img alt="" src="${src(panel)}" style="position:absolute;left:${left}px;top:0;width:${PANEL_WIDTH}px;height:${height}px">` +
        '</body></html>',
    );
    await sheet.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    return await sheet.screenshot();
  } finally {
    await sheet.close();
  }
}
