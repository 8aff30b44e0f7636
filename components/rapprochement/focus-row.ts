/**
 * Moving the keyboard focus to a row of the virtualised list after a jump (Home, End, the arrow
 * keys). The row may not be rendered on the next frame (virtua measures, scrolls, then renders the
 * new range), and when the scroll ends the row kept mounted is moved into the rendered range, which
 * takes the focus from it. So the focus is given again, for a few frames, while it is lost (on the
 * body) or still on another row of the list, and never taken from an element the user moved it to.
 */

/** Frames during which the focus is given back to the row (about half a second at 60 Hz). */
const FRAMES = 30;

/**
 * Focuses the element of id `id` once it is in the document, and again for up to `FRAMES`
 * animation frames whenever the focus is on the body or inside the element matching `within` (the
 * list) but not on the row, until a click. Returns a function that stops trying.
 */
export function focusRowWhenShown(id: string, within: string): () => void {
  let frames = 0;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('pointerdown', stop, true);
  };
  const tick = () => {
    const row = document.getElementById(id);
    const active = document.activeElement;
    const ours = !active || active === document.body || !!active.closest(within);
    if (!ours) return stop(); // the user moved the focus elsewhere: leave it there
    if (row && active !== row) row.focus();
    if (++frames < FRAMES) frame = requestAnimationFrame(tick);
    else stop();
  };
  // A click chooses another row or control: the focus is the user's again.
  document.addEventListener('pointerdown', stop, true);
  frame = requestAnimationFrame(tick);
  return stop;
}
