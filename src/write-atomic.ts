import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError, UsageError } from './errors.js';

function reason(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return existsSync(dirname(path)) ? 'files cannot be created in that folder' : 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return (error as Error).message;
  }
}

/**
 * Write `bytes` to `path` whole or not at all: into a temporary file in the same folder, flushed,
 * then renamed over the target (atomic on POSIX). On any failure the temporary file is removed
 * and whatever was at `path` before is left as it was.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const existing = statOrUndefined(path);
  if (existing?.isDirectory()) throw new UsageError(`cannot write '${path}': it is a folder; give a file name`);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed: nothing to clean up
    }
    throw new EnvironmentError(`cannot write '${path}': ${reason(error, path)}`);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
