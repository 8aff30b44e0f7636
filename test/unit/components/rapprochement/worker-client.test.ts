/**
 * The panel's side of the worker: a load or pairing is answered before its write has ended, so a
 * cancel (or the panel's teardown) must not terminate the worker until the worker says `saved`.
 */
import { describe, expect, it } from 'vitest';
import type { WorkerReply, WorkerRequest } from '../../../../lib/rapprochement/worker-protocol';
import { CancelledError, WorkerClient } from '../../../../components/rapprochement/worker-client';
import type { Rapprochement } from '../../../../lib/store';

/** A Worker-shaped object whose replies the test sends. */
function fakeWorker() {
  const target = new EventTarget();
  const posted: WorkerRequest[] = [];
  let terminated = false;
  const worker = Object.assign(target, {
    postMessage: (req: WorkerRequest) => posted.push(req),
    terminate: () => {
      terminated = true;
    },
  }) as unknown as Worker;
  const reply = (data: WorkerReply) => target.dispatchEvent(new MessageEvent('message', { data }));
  return { worker, posted, reply, terminated: () => terminated };
}

const row = { id: 1, uai: '0310047H' } as Rapprochement;
const ms = () => new Promise((r) => setTimeout(r, 0));

describe('worker client', () => {
  it('cancelling while a write ends: no pairing is stored, the worker is terminated once the write is saved', async () => {
    const fake = fakeWorker();
    const client = new WorkerClient(() => fake.worker);
    const load = client.request({ kind: 'load', rid: 1, side: 'directory', files: [] });
    fake.reply({ kind: 'loaded', seq: 1, outcome: { rapprochement: row, summary: {} as never } });
    expect((await load).kind).toBe('loaded');
    const pairing = client.request({ kind: 'pair', rid: 1 });
    client.cancel();
    await expect(pairing).rejects.toBeInstanceOf(CancelledError);
    expect(fake.posted.at(-1)).toEqual({ kind: 'cancel', seq: 0 });
    expect(fake.terminated()).toBe(false);
    fake.reply({ kind: 'saved', seq: 1, times: { stages: [], receivedAt: 0, repliedAt: 0 } });
    await ms();
    expect(fake.terminated()).toBe(true);
  });

  it('cancelling with no write in progress stops the worker at once', async () => {
    const fake = fakeWorker();
    const client = new WorkerClient(() => fake.worker);
    const pairing = client.request({ kind: 'pair', rid: 1 });
    client.cancel();
    await expect(pairing).rejects.toBeInstanceOf(CancelledError);
    expect(fake.terminated()).toBe(true);
  });

  it('tells the panel when a write that followed an answer failed', async () => {
    const fake = fakeWorker();
    const client = new WorkerClient(() => fake.worker);
    const failures: string[] = [];
    client.onUnsaved = (message) => failures.push(message);
    const pairing = client.request({ kind: 'pair', rid: 1 });
    fake.reply({ kind: 'paired', seq: 1, rapprochement: row, proposals: 3 });
    expect((await pairing).kind).toBe('paired');
    fake.reply({ kind: 'unsaved', seq: 1, message: 'QuotaExceededError' });
    expect(failures).toEqual(['QuotaExceededError']);
  });
});
