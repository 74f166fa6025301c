import { statSync } from 'node:fs';
import { dirname } from 'node:path';

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
 * A system error as a plain sentence about `path`, for messages like "cannot write 'x': …".
 * Every errno a user can cause by naming a path gets words; anything else keeps the system's
 * own message, without Node's "ENOENT: …, open 'x'" decoration.
 */
export function errnoText(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return folderExists(path) ? 'files cannot be created in that folder' : 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file would be too large';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'its symbolic links go round in a loop';
    case 'ENXIO':
      return 'there is no device or reader at the other end';
    case 'ETXTBSY':
    case 'EBUSY':
      return 'it is busy';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EIO':
      return 'an input/output error on the device';
    case 'EEXIST':
      return 'something else is in the way';
    case 'EINVAL':
      return 'the file system does not accept that name or operation';
    case 'EPIPE':
      return 'the reader went away';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      // "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" -> "cross-device link not permitted"
      return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/, '');
    }
  }
}

function folderExists(path: string): boolean {
  return statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory() ?? false;
}
