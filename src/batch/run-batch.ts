import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job, Outcome } from './render-job.js';

export interface BatchOptions {
  /** Renderers working at once; default: one per core. */
  readonly workers?: number;
  /** Called for every finished line, in completion order. */
  readonly onOutcome?: (outcome: Outcome) => void;
  /** When aborted, no new line starts; lines already rendering finish and are written whole. */
  readonly signal?: AbortSignal;
}

/**
 * Each figure leaves a few MB of short-lived garbage (pixel buffers, points); with V8's default
 * 16 MB young generation a worker's memory climbs to ~135 MB before it levels off. 2 MB keeps it
 * near 105 MB and, measured over 1000 figures, is no slower. (The batch process itself keeps
 * Node's default: V8 takes this flag only at start-up.)
 */
const SMALL_YOUNG_GENERATION = '--max-semi-space-size=2';

/** Somewhere lines render: this process, or a worker process. */
interface Slot {
  /** Lines it may hold at once. */
  readonly capacity: number;
  run(job: Job): Promise<Outcome>;
  close(): Promise<void>;
}

/**
 * The batch process renders too, one line at a time, rather than idling beside its workers: one
 * Node process fewer (about 55 MiB) for the same use of the cores.
 */
function localSlot(): Slot {
  let loaded: Promise<typeof import('./render-job.js')> | undefined;
  return {
    capacity: 1,
    run: async (job) => {
      // Let the event loop take the workers' answers first: rendering here is synchronous work
      // that would otherwise run back to back and keep their messages waiting.
      await new Promise((resume) => setImmediate(resume));
      return (await (loaded ??= import('./render-job.js'))).renderJob(job);
    },
    close: async () => {},
  };
}

/**
 * A worker process (see worker.ts for why not a thread). It holds two lines, so it starts the
 * next while this process is busy rendering and cannot answer at once.
 */
function workerSlot(onCrash: (error: Error) => void): Slot {
  // Without NODE_EXTRA_CA_CERTS, as bin/activ runs the main process: Node 20 would spend 50-80 ms
  // of each worker's start-up parsing certificates that no worker uses.
  const { NODE_EXTRA_CA_CERTS: _unused, ...env } = process.env;
  const child: ChildProcess = fork(fileURLToPath(new URL('./worker.js', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [SMALL_YOUNG_GENERATION],
    env,
  });
  const pending = new Map<number, (outcome: Outcome) => void>();
  let closing = false;
  child.on('message', (outcome: Outcome) => {
    pending.get(outcome.line)?.(outcome);
    pending.delete(outcome.line);
  });
  child.on('exit', (code, signal) => {
    if (!closing) onCrash(new Error(`a batch worker stopped unexpectedly (${signal ?? `exit code ${code}`})`));
  });
  return {
    capacity: 2,
    run: (job) =>
      new Promise((resolve) => {
        pending.set(job.line, resolve);
        child.send(job);
      }),
    close: () =>
      new Promise((resolve) => {
        closing = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Closing the channel lets the worker's event loop empty, and the process ends by itself.
        if (child.connected) child.disconnect();
      }),
  };
}

/** Render the jobs across this process and worker processes. Resolves with the outcomes in line order. */
export function runBatch(jobs: readonly Job[], options: BatchOptions = {}): Promise<Outcome[]> {
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const outcomes: Outcome[] = [];
  if (jobs.length === 0) return Promise.resolve(outcomes);
  return new Promise((resolve, reject) => {
    let crashed = false;
    const slots: Slot[] = [localSlot()];
    const crash = (error: Error) => {
      crashed = true;
      void Promise.all(slots.map((s) => s.close())).then(() => reject(error));
    };
    for (let i = 1; i < count; i++) slots.push(workerSlot(crash));
    const load = slots.map(() => 0);
    let next = 0;
    let running = 0;
    let done = false;
    const pump = () => {
      if (crashed || done) return;
      // Workers first: the local slot's rendering blocks this process while it runs.
      for (let s = slots.length - 1; s >= 0; s--) {
        while (load[s]! < slots[s]!.capacity && next < jobs.length && !options.signal?.aborted) {
          const job = jobs[next++]!;
          load[s]!++;
          running++;
          void slots[s]!.run(job).then((outcome) => {
            load[s]!--;
            running--;
            outcomes.push(outcome);
            options.onOutcome?.(outcome);
            pump();
          });
        }
      }
      if (running === 0 && (next >= jobs.length || options.signal?.aborted)) {
        done = true;
        void Promise.all(slots.map((s) => s.close())).then(() => resolve(outcomes.sort((a, b) => a.line - b.line)));
      }
    };
    options.signal?.addEventListener('abort', pump);
    pump();
  });
}
