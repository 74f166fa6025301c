import { availableParallelism } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, Outcome } from './worker.js';

export interface BatchOptions {
  /** Worker processes; default: one per core. */
  readonly workers?: number;
  /** Called for every finished line, in completion order. */
  readonly onOutcome?: (outcome: Outcome) => void;
  /** When aborted, no new line starts; lines already rendering finish and are written whole. */
  readonly signal?: AbortSignal;
}

/**
 * Render the jobs on a pool of worker processes (see worker.ts for why not threads), one line in
 * flight per worker. Resolves with the
 * outcomes in line order once every started line has finished.
 */
export function runBatch(jobs: readonly Job[], options: BatchOptions = {}): Promise<Outcome[]> {
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const outcomes: Outcome[] = [];
  if (jobs.length === 0) return Promise.resolve(outcomes);
  return new Promise((resolve, reject) => {
    let next = 0;
    let busy = 0;
    const workers: ChildProcess[] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const exits = workers.map((w) => new Promise((done) => (w.exitCode === null ? w.once('exit', done) : done(null))));
      // Closing the channel lets each worker's event loop empty, and the process ends by itself.
      for (const w of workers) if (w.connected) w.disconnect();
      void Promise.all(exits).then(() => resolve(outcomes.sort((a, b) => a.line - b.line)));
    };
    const feed = (worker: ChildProcess) => {
      if (next < jobs.length && !options.signal?.aborted) {
        busy++;
        worker.send(jobs[next++]!);
      } else if (busy === 0) {
        finish();
      }
    };
    for (let i = 0; i < count; i++) {
      // The workers ignore SIGINT: on Ctrl-C the batch lets each finish its figure, then stops.
      const worker = fork(fileURLToPath(new URL('./worker.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: false });
      workers.push(worker);
      worker.on('message', (outcome: Outcome) => {
        busy--;
        outcomes.push(outcome);
        options.onOutcome?.(outcome);
        feed(worker);
      });
      worker.on('error', (error) => {
        for (const w of workers) w.kill();
        reject(error);
      });
      worker.on('exit', (code, signal) => {
        if (!finished) {
          for (const w of workers) w.kill();
          reject(new Error(`a batch worker stopped unexpectedly (${signal ?? `exit code ${code}`})`));
        }
      });
      feed(worker);
    }
    options.signal?.addEventListener('abort', () => {
      if (busy === 0) finish();
    });
  });
}
