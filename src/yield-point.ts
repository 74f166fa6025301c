/**
 * Long work (ten million samples, a table of ten million rows, a gallery) must stay
 * interruptible: Node runs signal handlers only when the event loop gets a turn, so a loop that
 * never gives it one cannot be stopped by Ctrl-C or kill until it ends.
 *
 * Such work is written once, as a generator that yields between slices (`Steps`). Library calls
 * and tests run it straight through with `finishNow`; the command line runs it with
 * `finishInterruptibly`, which every ~20 ms of work gives the event loop a turn (setImmediate
 * runs after the loop has polled for signals). Slices are small, so that is well under a second
 * from a signal to its handler.
 */
export type Steps<T = void> = Generator<void, T, void>;

const SLICE_MS = 20;
let lastTurn = performance.now();

/** A turn for the event loop if the last one was more than SLICE_MS ago; otherwise nothing. */
export function yieldPoint(): Promise<void> | undefined {
  const now = performance.now();
  if (now - lastTurn < SLICE_MS) return undefined;
  return new Promise((resume) =>
    setImmediate(() => {
      lastTurn = performance.now();
      resume();
    }),
  );
}

/** Run the steps to the end without a pause. */
export function finishNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Run the steps to the end, giving the event loop a turn now and then between them. */
export async function finishInterruptibly<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldPoint();
  }
}
