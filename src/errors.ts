/**
 * The two kinds of failure a user can meet. Their messages are written for the person at the
 * terminal: one line that names what is wrong and, where it helps, what would be right.
 */

/** The request itself is wrong (a name, a number, a combination): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** The request is fine but the machine could not carry it out (a path, a disk): exit code 1. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
  readonly exitCode = 1;
}

/** The user stopped the run (Ctrl-C): exit code 130, as shells report SIGINT. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode = 130;
}
