/**
 * Ctrl-C and kill, handled so no file is ever left half-written. Node runs a signal handler only
 * between pieces of synchronous work, and every file is written synchronously to a temporary
 * name and renamed (write-atomic.ts), so by the time a handler runs each file is whole or absent.
 * A command that can stop more gracefully (batch: finish the figures in flight) takes over the
 * signal for as long as it runs.
 */
const CODES = { SIGINT: 130, SIGTERM: 143 } as const;

let takeover: (() => void) | undefined;
let installed = false;

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(CODES)) {
    process.on(signal, () => {
      if (takeover) takeover();
      else process.exit(code);
    });
  }
}

/** Route SIGINT and SIGTERM to `handler` until the returned function is called. */
export function interceptSignals(handler: () => void): () => void {
  takeover = handler;
  return () => {
    if (takeover === handler) takeover = undefined;
  };
}
