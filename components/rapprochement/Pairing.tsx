/**
 * The pairing run: in the worker, with a progress bar (a live region says where it is) and a
 * cancel button that stops it at once. Nothing is stored until the engine has finished.
 */
import { useState } from 'preact/hooks';
import type { PasserelleDB, Rapprochement } from '../../lib/store';
import { formatNumber, t } from '../i18n';
import { stageLabel } from './format';
import type { ShownStep } from './Steps';
import { CancelledError, type WorkerClient } from './worker-client';

export function Pairing({
  client,
  r,
  onChange,
}: {
  db: PasserelleDB;
  client: WorkerClient;
  r: Rapprochement;
  onChange: (r: Rapprochement, shown?: ShownStep) => void;
}) {
  const [progress, setProgress] = useState<{ done: number; stage: string } | undefined>();
  const [message, setMessage] = useState('');
  const ready = !!r.pronote && !!r.directory && r.id !== undefined;

  const run = async () => {
    if (!r.id) return;
    setMessage('');
    setProgress({ done: 0, stage: 'prepare' });
    try {
      const reply = await client.request({ kind: 'pair', rid: r.id }, (done, stage) => setProgress({ done, stage }));
      // The step on screen comes with the reply: it shows while the worker stores the others.
      if (reply.kind === 'paired') onChange(reply.rapprochement, reply.current && r.id !== undefined ? { rid: r.id, ...reply.current } : undefined);
      else if (reply.kind === 'fault' || reply.kind === 'input-error')
        setMessage(t('wbPairingFailed', [reply.kind === 'fault' ? reply.message : reply.message.fr]));
    } catch (e) {
      setMessage(e instanceof CancelledError ? t('wbPairingCancelled') : String(e));
    } finally {
      setProgress(undefined);
    }
  };

  const percent = progress ? Math.round(progress.done * 100) : 0;
  return (
    <section class="wb-card" aria-labelledby="wb-pair-title">
      <h2 id="wb-pair-title">{t('wbPairTitle')}</h2>
      {!ready && <p class="wb-hint">{t('wbPairNeedsBoth')}</p>}
      {progress ? (
        <div class="wb-progress">
          <div role="progressbar" aria-label={t('wbPairProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} class="wb-bar">
            <div class="wb-bar-fill" style={{ width: `${percent}%` }} />
          </div>
          <p role="status" aria-live="polite">
            {t('wbPairRunning', [formatNumber(percent), stageLabel(progress.stage)])}
          </p>
          <button type="button" onClick={() => client.cancel()}>
            {t('wbCancelPairing')}
          </button>
        </div>
      ) : (
        <button type="button" class="wb-primary" disabled={!ready} onClick={run}>
          {t('wbRunPairing')}
        </button>
      )}
      {message && (
        <p role="status" class="wb-warning">
          {message}
        </p>
      )}
    </section>
  );
}
