/**
 * Ctrl-C, kill and a closed terminal stop activ promptly, with the exit code shells give a
 * process stopped by that signal (128 + its number). Node runs a handler only when the event loop
 * gets a turn; long loops give it one every few milliseconds (yield-point.ts), and every file is
 * either written synchronously (no handler can run half-way) or through a temporary file that
 * the 'exit' listener of output-file.ts removes. So exiting from the handler leaves every target
 * as it was or whole. A command that stops more gracefully (batch: stop its workers, count what
 * was done) takes the signal over while it runs.
 */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

let takeover: ((signal: StopSignal) => void) | undefined;
let installed = false;

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES) as [StopSignal, number][]) {
    process.on(signal, () => {
      if (takeover) takeover(signal);
      else process.exit(code);
    });
  }
}

/** Route SIGINT, SIGTERM and SIGHUP to `handler` until the returned function is called. */
export function interceptSignals(handler: (signal: StopSignal) => void): () => void {
  takeover = handler;
  return () => {
    if (takeover === handler) takeover = undefined;
  };
}
