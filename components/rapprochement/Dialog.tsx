/**
 * A modal dialog of the workbench: the platform's `<dialog>` opened with `showModal()`, so that the
 * rest of the panel is inert while it is open (focus stays in it), Escape closes it, and focus goes
 * back to where it was when it closes (WAI-ARIA dialog pattern; issue 18 point 7).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  /** Called when the dialog closes without a choice (Escape). */
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`wb-dialog-${Math.random().toString(36).slice(2)}`).current;
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal?.();
    // The choice marked `data-autofocus` (the one that changes nothing) gets the focus, else the first button.
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('button'))?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close?.();
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="wb-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={(e) => {
        // The step's keyboard map must not act behind the dialog.
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          close.current();
        } else if (e.key === 'Tab') {
          // Tab goes round inside the dialog (the platform would leave it for the browser's own controls).
          const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), input, select, textarea, a[href]')];
          const first = focusable[0];
          const last = focusable[focusable.length - 1];
          if (!first) return;
          if (e.shiftKey && document.activeElement === first) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
          }
        }
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
