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
    // The first button gets the focus (showModal would give it to the first focusable element anyway).
    dialog.querySelector<HTMLElement>('[data-autofocus], button')?.focus();
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
        }
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
