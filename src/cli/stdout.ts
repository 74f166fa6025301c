import { errnoText } from '../errno-text.js';
import { EnvironmentError } from '../errors.js';

/**
 * Standard output. A reader that goes away early (`activ table ... | head -1`) is not an error:
 * activ stops quietly, as Unix tools do. Any other failure to write (`> /dev/full`) is one
 * `activ:` line and exit 1, never an uncaught exception.
 */
function stdoutFailure(error: unknown): EnvironmentError {
  return new EnvironmentError(`cannot write to standard output: ${errnoText(error, '')}`);
}

let guarded = false;

/** Install once, before anything is written: EPIPE exits 0; other errors exit 1 with a line. */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`activ: ${stdoutFailure(error).message}\n`);
    process.exit(1);
  });
}

/** Write to standard output and wait until it is flushed (or, when the pipe is full, drained). */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (error) => {
      if (!error) resolve();
      else if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
      else reject(stdoutFailure(error));
    });
  });
}
