import { statSync } from 'node:fs';
import { dirname } from 'node:path';

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
