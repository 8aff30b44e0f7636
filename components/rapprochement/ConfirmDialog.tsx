/**
 * A question with two answers in a `Dialog`: keep (focused first, changes nothing) or confirm.
 * The step's "valider quand même" and "annuler l'import" asks.
 */
import { Dialog } from './Dialog';

export function ConfirmDialog({
  title,
  text,
  keep,
  confirm,
  primary = false,
  testId,
  onClose,
  onConfirm,
}: {
  title: string;
  text: string;
  /** The label of the answer that changes nothing. */
  keep: string;
  confirm: string;
  /** True when confirming is the expected way on (shown as the main button). */
  primary?: boolean;
  testId?: string;
  /** Called on keep, on Escape, and before `onConfirm`. */
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <p>{text}</p>
      <div class="wb-buttons">
        <button type="button" data-autofocus onClick={onClose}>
          {keep}
        </button>
        <button
          type="button"
          class={primary ? 'wb-primary' : undefined}
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
