/**
 * The geometry of the side panel as measured in the page (issue 18 point 6): run by `page.evaluate`,
 * so `probeGeometry` holds everything it uses (it is sent to the page as its source text).
 */

export interface ProbeOptions {
  /** Words that may break anywhere: ids without spaces or hyphens, too long for 320 px. */
  unbreakable: string[];
  /** The action bar that must lie inside the viewport, if the screen has one. */
  actionBar?: string;
  /** An element that must be uncovered at its centre (`elementFromPoint`), if the screen has one. */
  uncovered?: string;
}

export interface Problem {
  check: 'overflow' | 'split word' | 'overlap' | 'outside viewport' | 'covered' | 'missing' | 'page scrolls sideways';
  text: string;
  measure: string;
}

/**
 * Every visible button, table header, summary, tab and heading: its text fits (no horizontal
 * overflow), no word of it is split over two lines (a break after a hyphen is a break between words),
 * no two of them overlap; the action bar lies inside the viewport; the uncovered element is what
 * the page hits at its centre; the page does not scroll sideways.
 */
export function probeGeometry(options: ProbeOptions): Problem[] {
  const problems: Problem[] = [];
  const short = (el: Element) =>
    `<${el.tagName.toLowerCase()}${el.getAttribute('class') ? `.${el.getAttribute('class')?.trim().split(/\s+/).join('.')}` : ''}> «${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80)}»`;
  const px = (n: number) => `${Math.round(n * 10) / 10}px`;
  const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };

  if (document.documentElement.scrollWidth > viewport.width + 1)
    problems.push({ check: 'page scrolls sideways', text: document.title, measure: `scrollWidth ${document.documentElement.scrollWidth} > ${viewport.width}` });

  const visible = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
  // Visually hidden text (the `.wb-sr` pattern: clipped to 1 px) is read by screen readers only.
  const hiddenText = (node: Node, root: Element) => {
    for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.clip !== 'auto' || style.clipPath !== 'none' || (style.position === 'absolute' && el.getBoundingClientRect().width <= 1)) return true;
    }
    return false;
  };

  const checked = [...document.querySelectorAll('button, th, summary, [role="tab"], h1, h2, h3, h4, h5, h6')].filter(visible);
  for (const el of checked) {
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      problems.push({ check: 'overflow', text: short(el), measure: `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}` });
    const rect = el.getBoundingClientRect();
    if (rect.right > viewport.width + 1 || rect.left < -1)
      problems.push({ check: 'outside viewport', text: short(el), measure: `left ${px(rect.left)}, right ${px(rect.right)}, viewport ${viewport.width}px` });

    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (hiddenText(node, el)) continue;
      const text = node.nodeValue ?? '';
      // A word ends at a breakable space, or just after a hyphen (a break there is a break between words).
      for (const m of text.matchAll(/[^ \t\n\r\f\u200b-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const oneLine = Math.max(...rects.map((r) => r.top)) < Math.min(...rects.map((r) => r.bottom)) - 1;
        if (oneLine || options.unbreakable.some((w) => m[0].includes(w))) continue;
        problems.push({ check: 'split word', text: short(el), measure: `«${m[0]}» on ${rects.length} lines (tops ${rects.map((r) => px(r.top)).join(', ')})` });
      }
    }
  }

  // Content scrolls under sticky bars by design: only elements in the flow are compared.
  const inSticky = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) if (['sticky', 'fixed'].includes(getComputedStyle(e).position)) return true;
    return false;
  };
  // What shows of an element: its box cut by every scrolling or clipping ancestor (a list's rows
  // scrolled out of it are drawn nowhere).
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    let { left, top, right, bottom } = r;
    for (let e = el.parentElement; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const c = e.getBoundingClientRect();
      left = Math.max(left, c.left);
      top = Math.max(top, c.top);
      right = Math.min(right, c.right);
      bottom = Math.min(bottom, c.bottom);
    }
    return { left, top, right, bottom };
  };
  const flowing = checked.filter((el) => !inSticky(el) && !el.closest('dialog'));
  for (let i = 0; i < flowing.length; i++) {
    const a = shown(flowing[i]);
    for (let j = i + 1; j < flowing.length; j++) {
      if (flowing[i].contains(flowing[j]) || flowing[j].contains(flowing[i])) continue;
      const b = shown(flowing[j]);
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) problems.push({ check: 'overlap', text: `${short(flowing[i])} and ${short(flowing[j])}`, measure: `${px(x)} × ${px(y)}` });
    }
  }

  if (options.actionBar) {
    const bar = document.querySelector(options.actionBar);
    if (!bar) problems.push({ check: 'missing', text: options.actionBar, measure: 'no such element' });
    else {
      const r = bar.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > viewport.height + 0.5 || r.right > viewport.width + 0.5)
        problems.push({
          check: 'outside viewport',
          text: short(bar),
          measure: `top ${px(r.top)}, bottom ${px(r.bottom)}, left ${px(r.left)}, right ${px(r.right)}; viewport ${viewport.width}×${viewport.height}`,
        });
    }
  }

  if (options.uncovered) {
    const target = document.querySelector(options.uncovered);
    if (!target) problems.push({ check: 'missing', text: options.uncovered, measure: 'no such element' });
    else {
      const r = target.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !target.contains(hit))
        problems.push({
          check: 'covered',
          text: short(target),
          measure: `at (${px(x)}, ${px(y)}) the page shows ${hit ? short(hit) : 'nothing (outside the viewport)'}`,
        });
    }
  }
  return problems;
}
