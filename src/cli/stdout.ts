/**
 * Write to standard output and wait until it is flushed. A reader that goes away early
 * (`activ table ... | head -1`) is not an error: we stop quietly, as Unix tools do.
 */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(data, () => resolve());
  });
}

let guarded = false;

/** Exit 0 without a word when the reading end of stdout closes (EPIPE). */
export function exitQuietlyOnClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
