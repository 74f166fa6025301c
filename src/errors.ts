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

/** The user stopped the run (Ctrl-C, kill): exit code 128 + the signal's number, as shells report it. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor(
    message: string,
    readonly exitCode = 130,
  ) {
    super(message);
  }
}

/**
 * A value the library will not take, in the library's own words: `subject` is what the caller
 * called it (a parameter such as `beta`, a request field such as `lineWidth`), `requirement`
 * what it must be, `value` what it was, and `owner` the function it belongs to, if any.
 * "softplus: beta must be > 0, not 0". The command line words the same error with its flags
 * ("--beta must be > 0 for softplus, not 0"), which is why the parts are kept apart.
 */
export class InvalidValueError extends UsageError {
  constructor(
    readonly subject: string,
    readonly requirement: string,
    readonly value: string,
    readonly owner?: string,
  ) {
    super(`${owner === undefined ? '' : `${owner}: `}${subject} ${requirement}, not ${value}`);
  }
}
