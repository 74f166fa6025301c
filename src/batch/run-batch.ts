import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job, Outcome } from './render-job.js';

export interface BatchOptions {
  /** Renderers working at once; default: one per core. */
  readonly workers?: number;
  /** Called for every finished line, in completion order. */
  readonly onOutcome?: (outcome: Outcome) => void;
  /**
   * When aborted, no new line starts and the worker processes are told to stop at once (a figure
   * in flight is dropped: its file is left as it was). Resolves with the lines done by then.
   */
  readonly signal?: AbortSignal;
}

/**
 * Each figure leaves a few MB of short-lived garbage (pixel buffers, points); with V8's default
 * 16 MB young generation a worker's memory climbs to ~135 MB before it levels off. 2 MB keeps it
 * near 105 MB and, measured over 1000 figures, is no slower. (The batch process itself keeps
 * Node's default: V8 takes this flag only at start-up.)
 */
const SMALL_YOUNG_GENERATION = '--max-semi-space-size=2';

/** A worker that dies this many times in a row without finishing a line is not restarted. */
const MAX_RESTARTS_IN_A_ROW = 3;

/** Somewhere lines render: this process, or a worker process. */
interface Slot {
  /** Lines it may hold at once. */
  readonly capacity: number;
  /** False once a worker has died: it takes no more lines. */
  readonly alive: boolean;
  /** The line's outcome, or undefined when it never started there (give it to another slot). */
  run(job: Job): Promise<Outcome | undefined>;
  close(): Promise<void>;
  /** Stop now, dropping the lines in hand. */
  stop(): Promise<void>;
}

/**
 * The batch process renders too, one line at a time, rather than idling beside its workers: one
 * Node process fewer (about 55 MiB) for the same use of the cores.
 */
function localSlot(): Slot {
  let loaded: Promise<typeof import('./render-job.js')> | undefined;
  return {
    capacity: 1,
    alive: true,
    run: async (job) => {
      // Let the event loop take the workers' answers first: rendering here is synchronous work
      // that would otherwise run back to back and keep their messages waiting.
      await new Promise((resume) => setImmediate(resume));
      return (await (loaded ??= import('./render-job.js'))).renderJob(job);
    },
    close: async () => {},
    stop: async () => {},
  };
}

/**
 * The worker's module beside this one: worker.cjs in the CLI bundle, with the compile cache
 * installed first (register-compile-cache.cjs) as bin/activ.js does; worker.js where tsc
 * compiled the library.
 */
const workerModule = (() => {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.cjs'))
    return { path: fileURLToPath(new URL('./worker.js', import.meta.url)), preload: [] };
  const cache = fileURLToPath(new URL('./register-compile-cache.cjs', import.meta.url));
  return { path: fileURLToPath(new URL('./worker.cjs', import.meta.url)), preload: ['--require', cache] };
})();

/** Why a worker process ended, in words for a line's outcome. */
function deathOf(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return 'ran out of memory';
  if (signal) return `was killed (${signal})`;
  return `stopped with exit code ${code}`;
}

/**
 * A worker process (see worker.ts for why not a thread). It holds two lines, so it starts the
 * next while this process is busy rendering and cannot answer at once. If it dies, the lines it
 * held fail with the reason, and `onDeath` is told so a new worker can take its place.
 */
function workerSlot(onDeath: (lost: number) => void): Slot {
  // Without NODE_EXTRA_CA_CERTS, as bin/activ runs the main process: Node 20 would spend 50-80 ms
  // of each worker's start-up parsing certificates that no worker uses.
  const { NODE_EXTRA_CA_CERTS: _unused, ...env } = process.env;
  const child: ChildProcess = fork(workerModule.path, [], {
    // stderr is kept, not shown: a worker reports through its outcomes, and what V8 prints when it
    // dies (out of memory: a native stack) is for the reason, not for the user's terminal.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [SMALL_YOUNG_GENERATION, ...workerModule.preload],
    env,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4096);
  });
  // In the order sent: the worker renders them one after another, so the first is in progress.
  const pending = new Map<number, (outcome: Outcome | undefined) => void>();
  let closing = false;
  let alive = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (outcome: Outcome) => {
    pending.get(outcome.line)?.(outcome);
    pending.delete(outcome.line);
  });
  // A channel that breaks while the worker dies is reported by 'exit' below, not as an exception.
  child.on('error', () => {});
  child.once('exit', (code, signal) => {
    alive = false;
    // Ctrl-C reaches the whole process group: a worker still starting up dies of it before it
    // can ignore it. The batch process hears the same signal a moment later and stops; that is
    // an interruption, not a failed line.
    const fromTheGroup = signal === 'SIGINT' || signal === 'SIGHUP' || signal === 'SIGTERM';
    setTimeout(() => reportDeath(code, signal), fromTheGroup ? 200 : 0);
  });
  const reportDeath = (code: number | null, signal: NodeJS.Signals | null) => {
    // The line in progress is lost with the worker; the ones waiting behind it never started.
    let first = true;
    for (const [line, resolve] of pending) {
      resolve(
        first
          ? {
              line,
              exitCode: 1,
              message: `the worker process rendering this line ${deathOf(code, signal, stderr)}`,
            }
          : undefined,
      );
      first = false;
    }
    const lost = Math.min(1, pending.size);
    pending.clear();
    if (!closing) onDeath(lost);
  };
  return {
    capacity: 2,
    get alive() {
      return alive;
    },
    run: (job) =>
      new Promise((resolve) => {
        pending.set(job.line, resolve);
        child.send(job, (error) => {
          // Not delivered (the worker is dying): the line goes to another renderer, and so does
          // every line after it. Node reports a broken channel at once, before 'exit' can arrive,
          // so a slot still taking lines would be handed them again and again.
          if (error) alive = false;
          if (error && pending.has(job.line)) {
            pending.delete(job.line);
            resolve(undefined);
          }
        });
      }),
    close: async () => {
      closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Closing the channel lets the worker's event loop empty, and the process ends by itself.
      if (child.connected) child.disconnect();
      await exited;
    },
    stop: async () => {
      closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** How many renderers a batch of `lines` lines gets: never more than it has lines. */
export function workerCount(requested: number | undefined, lines: number): number {
  return Math.max(1, Math.min(requested ?? availableParallelism(), lines));
}

/**
 * What a worker process costs before it has paid for itself: Node's start, node-canvas,
 * Chart.js and the font (about 100 ms on a two-CPU machine), and the messages to and fro for
 * every line it takes. Measured with `npm run bench` (section b): with less work per renderer
 * than this left, a batch finished sooner without workers.
 */
const WORKER_START_MS = 300;

/** Local lines timed before deciding: the first loads the renderer, the next few are warm. */
const TIMED_LINES = 4;

/**
 * Render the jobs across this process and worker processes. Resolves with the outcomes in line
 * order. The workers start only once this process has rendered a line warm and the lines left
 * would take each renderer longer than a worker takes to start: a short batch is done before
 * a worker would have drawn its first figure.
 */
export function runBatch(jobs: readonly Job[], options: BatchOptions = {}): Promise<Outcome[]> {
  const count = workerCount(options.workers, jobs.length);
  const outcomes: Outcome[] = [];
  if (jobs.length === 0) return Promise.resolve(outcomes);
  return new Promise((resolve) => {
    const slots: Slot[] = [localSlot()];
    const load: number[] = [0];
    let deathsInARow = 0;
    let next = 0;
    // Lines a dying worker never started, to go before the rest.
    const retry: Job[] = [];
    let running = 0;
    let done = false;
    const addWorker = (index: number) => {
      slots[index] = workerSlot(() => {
        // A worker died: its lines have failed; another takes its place unless workers keep dying.
        if (++deathsInARow <= MAX_RESTARTS_IN_A_ROW && !options.signal?.aborted) addWorker(index);
        else load[index] = Infinity;
        setImmediate(pump);
      });
      load[index] = 0;
    };
    let workersStarted = count === 1;
    const startWorkers = () => {
      workersStarted = true;
      for (let i = 1; i < count; i++) addWorker(i);
    };
    // The local slot's lines: the first includes loading the renderer; the quickest of the next
    // few tells how long a figure takes.
    let localLines = 0;
    let quickest = Infinity;
    const finish = (stop: boolean) => {
      done = true;
      void Promise.all(slots.map((s) => (stop ? s.stop() : s.close()))).then(() =>
        resolve(outcomes.sort((a, b) => a.line - b.line)),
      );
    };
    const pump = () => {
      if (done) return;
      if (options.signal?.aborted) {
        finish(true);
        return;
      }
      // Workers first: the local slot's rendering blocks this process while it runs.
      for (let s = slots.length - 1; s >= 0; s--) {
        while (slots[s]!.alive && load[s]! < slots[s]!.capacity && (retry.length > 0 || next < jobs.length)) {
          const job = retry.shift() ?? jobs[next++]!;
          const slot = slots[s]!;
          load[s]!++;
          running++;
          const started = performance.now();
          void slot.run(job).then((outcome) => {
            if (s === 0 && !workersStarted && ++localLines >= 2) {
              quickest = Math.min(quickest, performance.now() - started);
              const left = jobs.length - next;
              if (localLines > TIMED_LINES && (left * quickest) / count > WORKER_START_MS) startWorkers();
            }
            if (slots[s] === slot && Number.isFinite(load[s])) load[s]!--;
            running--;
            if (outcome === undefined) retry.push(job);
            else {
              if (outcome.exitCode === 0) deathsInARow = 0;
              // Lines that finish while the workers are being stopped still count: their files exist.
              outcomes.push(outcome);
              options.onOutcome?.(outcome);
            }
            pump();
          });
        }
      }
      if (running === 0 && next >= jobs.length && retry.length === 0) finish(false);
    };
    options.signal?.addEventListener('abort', pump);
    pump();
  });
}
