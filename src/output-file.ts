/**
 * Writing what activ makes to the path a user named, the way the shell's `>` would where that
 * matters, and whole or not at all where it can be.
 *
 * - A regular file, or nothing yet: the bytes go to a temporary file beside it, flushed, given the
 *   old file's mode (and owner, where the process may), and renamed over it. Readers see the old
 *   file or the new one, never half of either; on any failure the temporary file is removed.
 * - A symbolic link: the file it points to is written that way; the link stays a link.
 * - A character device or FIFO (/dev/null, /dev/stdout, a named pipe): written in place, as `>`
 *   does. Renaming over it would replace /dev/null with a regular file for every process.
 * - A folder, a socket or a block device: refused before any work.
 *
 * Temporary files that exist across an `await` (a table written in slices) are listed, and the
 * process removes them when it exits for any reason, a signal included (cli/signals.ts exits
 * through process.exit, which runs 'exit' listeners).
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { errnoText } from './errno-text.js';
import { EnvironmentError, UsageError } from './errors.js';

/** Where bytes for a path end up, decided before any work is done. */
type Target =
  | { readonly kind: 'replace'; readonly path: string; readonly existing: Stats | undefined }
  | { readonly kind: 'in-place'; readonly path: string }
  | { readonly kind: 'stdout' };

/** Linux's SYMLOOP_MAX: more links than this in a chain is a loop. */
const MAX_LINKS = 40;
/** NAME_MAX on every file system activ is likely to meet, in bytes. */
const MAX_NAME_BYTES = 255;

function cannotWrite(path: string, error: unknown): EnvironmentError {
  return new EnvironmentError(`cannot write '${path}': ${errnoText(error, path)}`);
}

/** stat (through links), with "not there" as undefined and every other failure worded for the user. */
function statOrUndefined(shown: string, path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw cannotWrite(shown, error);
  }
}

/** Where a path that does not exist yet will be created: a dangling symbolic link names its target. */
function creationPath(path: string): string {
  let current = path;
  for (let hops = 0; ; hops++) {
    const stats = statOrUndefined(path, current, false);
    if (!stats?.isSymbolicLink()) return current;
    if (hops >= MAX_LINKS)
      throw new EnvironmentError(`cannot write '${path}': its symbolic links go round in a loop`);
    const link = readlinkSync(current);
    current = isAbsolute(link) ? link : join(dirname(current), link);
  }
}

/** Is `stats` the file this process's standard output is (as /dev/stdout and /dev/fd/1 are)? */
function isOwnStdout(stats: Stats): boolean {
  try {
    const out = fstatSync(1);
    return out.dev === stats.dev && out.ino === stats.ino;
  } catch {
    return false;
  }
}

/**
 * What writing to `path` means. Symbolic links are followed to the file they name (through
 * stat and realpath, which also see through /proc's links such as /dev/stdout); a dangling link
 * names a file to create. Throws the error the user should see for a path that cannot be written.
 */
function resolveTarget(path: string): Target {
  const stats = statOrUndefined(path, path, true);
  if (stats === undefined) return { kind: 'replace', path: creationPath(path), existing: undefined };
  if (stats.isFile()) return { kind: 'replace', path: realpathSync(path), existing: stats };
  if (stats.isDirectory()) throw new UsageError(`cannot write '${path}': it is a folder; give a file name`);
  if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: 'in-place', path };
  // A socket cannot be opened by name, but when it is this process's own standard output (as
  // under a parent that talks over a socket pair), writing to standard output is what was meant.
  if (stats.isSocket()) {
    if (isOwnStdout(stats)) return { kind: 'stdout' };
    throw new UsageError(`cannot write '${path}': it is a socket, not a file`);
  }
  throw new UsageError(`cannot write '${path}': it is a block device, not a file`);
}

/**
 * Check, before any work, that `path` can take a file: not a folder, a socket or a device that
 * cannot be opened, and in a folder that exists. Throws what writing would throw.
 */
export function checkOutputPath(path: string): void {
  const target = resolveTarget(path);
  if (target.kind !== 'replace') return;
  const folder = dirname(target.path);
  let stats: Stats;
  try {
    stats = statSync(folder);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  if (!stats.isDirectory())
    throw new EnvironmentError(`cannot write '${path}': a part of the path is not a folder`);
}

let temporaryCount = 0;

/** A temporary name beside `path` that stays within the file system's limit on name length. */
function temporaryPathFor(path: string): string {
  // Unique enough with the pid and a counter; the file is opened exclusively ('wx') all the same.
  // (Not node:crypto's randomBytes: loading it costs a cold run a few ms.)
  const suffix = `.${process.pid}.${(++temporaryCount).toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  let name = basename(path);
  const room = MAX_NAME_BYTES - 1 - Buffer.byteLength(suffix);
  // Shorten by whole characters so a multi-byte one is never cut in half.
  while (Buffer.byteLength(name) > room) name = [...name].slice(0, -1).join('');
  return join(dirname(path), `.${name}${suffix}`);
}

/** Temporary files in existence right now, removed if the process exits before renaming them. */
const temporaries = new Set<string>();
let cleanupInstalled = false;

function track(temp: string): void {
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.on('exit', () => {
      for (const t of temporaries) removeQuietly(t);
    });
  }
  temporaries.add(temp);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or already renamed: nothing to clean up
  }
  temporaries.delete(path);
}

/** The old file's permissions and, where this process may set it, its owner, on the new one. */
function keepModeAndOwner(fd: number, existing: Stats | undefined): void {
  if (!existing) return;
  fchmodSync(fd, existing.mode & 0o7777);
  const uid = process.getuid?.();
  if (uid === undefined || (uid !== 0 && uid !== existing.uid)) return;
  if (existing.uid === uid && existing.gid === process.getgid?.()) return;
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Not allowed to give the file away (no CAP_CHOWN): it keeps this process's owner.
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}

/**
 * Write `bytes` to `path` as described at the top of this file. The regular-file path is
 * synchronous on purpose: no signal handler can run between its steps, so an interrupted run
 * never leaves a temporary file behind.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array | string): Promise<void> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const target = resolveTarget(path);
  if (target.kind === 'stdout') return toStdout(path, data);
  if (target.kind === 'in-place') {
    const file = await openInPlace(path, target.path);
    try {
      await file.writeFile(data);
    } catch (error) {
      throw cannotWrite(path, error);
    } finally {
      await file.close().catch(() => {});
    }
    return;
  }
  const temp = temporaryPathFor(target.path);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    writeAll(fd, data);
    keepModeAndOwner(fd, target.existing);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target.path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temp);
    throw cannotWrite(path, error);
  }
}

/**
 * A device or FIFO, opened for writing as `>` opens it. Asynchronous: opening a FIFO waits for a
 * reader, and Ctrl-C must still work meanwhile.
 */
async function openInPlace(shown: string, path: string): Promise<FileHandle> {
  try {
    return await open(path, 'w');
  } catch (error) {
    throw cannotWrite(shown, error);
  }
}

/** Bytes for a path that is this process's standard output, written there and flushed. */
function toStdout(shown: string, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (error) => (error ? reject(cannotWrite(shown, error)) : resolve()));
  });
}

/** A file written in pieces, which appears at its path only when `commit` is called. */
export interface OutputStream {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flush and put the file in place. */
  commit(): Promise<void>;
  /** Drop what was written; the target stays as it was. */
  abort(): Promise<void>;
}

/** Open `path` for a file written in pieces (activ table), with the same rules as writeOutputFile. */
export async function openOutputStream(path: string): Promise<OutputStream> {
  const target = resolveTarget(path);
  if (target.kind === 'stdout') {
    return { write: (chunk) => toStdout(path, chunk), commit: async () => {}, abort: async () => {} };
  }
  if (target.kind === 'in-place') {
    const file = await openInPlace(path, target.path);
    return {
      write: async (chunk) => {
        try {
          await file.writeFile(chunk);
        } catch (error) {
          await file.close().catch(() => {});
          throw cannotWrite(path, error);
        }
      },
      commit: async () => {
        await file.close().catch((error: unknown) => {
          throw cannotWrite(path, error);
        });
      },
      abort: async () => {
        await file.close().catch(() => {});
      },
    };
  }
  const temp = temporaryPathFor(target.path);
  let file: FileHandle;
  try {
    track(temp);
    file = await open(temp, 'wx', 0o666);
  } catch (error) {
    removeQuietly(temp);
    throw cannotWrite(path, error);
  }
  const fail = async (error: unknown) => {
    await file.close().catch(() => {});
    removeQuietly(temp);
    return cannotWrite(path, error);
  };
  return {
    write: async (chunk) => {
      try {
        await file.writeFile(chunk);
      } catch (error) {
        throw await fail(error);
      }
    },
    commit: async () => {
      try {
        keepModeAndOwner(file.fd, target.existing);
        await file.sync();
        await file.close();
        renameSync(temp, target.path);
        temporaries.delete(temp);
      } catch (error) {
        throw await fail(error);
      }
    },
    abort: async () => {
      await file.close().catch(() => {});
      removeQuietly(temp);
    },
  };
}

/**
 * Create `dir` and any missing parents, as `mkdir -p`, one level at a time and checking what
 * each step made: Node's recursive mkdir spins forever where a parent reports ENOENT for a name
 * it will not create (/proc/self/...).
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    let stats: Stats | undefined;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT')
        throw new EnvironmentError(`cannot create the folder '${dir}': ${errnoText(error, current)}`);
    }
    if (stats) {
      if (!stats.isDirectory())
        throw new EnvironmentError(`cannot create the folder '${dir}': '${current}' is not a folder`);
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirOne(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no folder can be created there' : errnoText(error, folder);
      throw new EnvironmentError(`cannot create the folder '${dir}': ${why}`);
    }
  }
}

/** mkdir of one level, then a check that a folder is really there (procfs may accept and make none). */
function mkdirOne(folder: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory()) return;
    throw error;
  }
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw Object.assign(new Error('the folder was not created'), { code: 'ENOENT' });
  }
}
