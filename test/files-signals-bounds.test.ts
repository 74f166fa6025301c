/**
 * What a script meets at the edges of the operating system, tried on the built bin as a process:
 * special files as -o targets (symbolic links, FIFOs, devices, full and read-only file systems),
 * kept permissions, signals at several moments, bounds on memory, standard output that fails,
 * batch output that does not depend on what came before, and messages that stay one line.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tabulate } from '../src/evaluation.js';
import { formatDouble } from '../src/number-text.js';
import { activ, BIN, emptyFolder, pngSize } from './support/run-cli.js';

const isRoot = process.getuid?.() === 0;

/** A PNG that ends with its IEND chunk: written whole. */
function wholePng(bytes: Buffer): boolean {
  return (
    pngSize(bytes).width > 0 &&
    bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1') === 'IEND'
  );
}

/** Does `command` run here? (unshare needs CAP_SYS_ADMIN; mknod needs CAP_MKNOD.) */
function works(command: string): boolean {
  return spawnSync('sh', ['-c', command], { stdio: 'ignore' }).status === 0;
}

const canUnshare = isRoot && works('unshare --mount --propagation private true');
const canMknod = isRoot && works(`d=$(mktemp -d) && mknod "$d/n" c 1 3 && rm -r "$d"`);

/** A shell command line that runs the built bin with these words. */
function activLine(args: readonly string[]): string {
  return [process.execPath, BIN, ...args].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** Files in `dir` that are neither expected nor the folder's own: leftover temporaries. */
function strays(dir: string, expected: readonly string[]): string[] {
  return readdirSync(dir).filter((f) => !expected.includes(f));
}

describe('-o onto files that are not plain files', () => {
  it('writes through a symbolic link to the file it names; the link stays a link', () => {
    const dir = emptyFolder();
    symlinkSync('real.png', join(dir, 'link.png'));
    const run = activ(['plot', 'elu', '-o', 'link.png'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lstatSync(join(dir, 'link.png')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.png'))).toBe('real.png');
    expect(wholePng(readFileSync(join(dir, 'real.png')))).toBe(true);
    expect(strays(dir, ['link.png', 'real.png'])).toEqual([]);
  });

  it('writes through a link into another folder, leaving no temporary file in either', () => {
    const dir = emptyFolder();
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'target.svg'), 'old');
    symlinkSync(join(dir, 'elsewhere', 'target.svg'), join(dir, 'link.svg'));
    expect(activ(['plot', 'tanh', '-o', 'link.svg'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'elsewhere', 'target.svg'), 'utf8')).toMatch(/^<\?xml/);
    expect(strays(join(dir, 'elsewhere'), ['target.svg'])).toEqual([]);
    expect(strays(dir, ['link.svg', 'elsewhere'])).toEqual([]);
  });

  it('delivers the bytes to the reader of a FIFO, and the FIFO stays a FIFO', async () => {
    const dir = emptyFolder();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (d: Buffer) => chunks.push(d));
    const readerDone = new Promise((resolve) => reader.on('exit', resolve));
    const run = activ(['plot', 'relu', '--format', 'png', '-o', fifo], { cwd: dir });
    await readerDone;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(wholePng(Buffer.concat(chunks))).toBe(true);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes to standard output through /dev/stdout, whatever standard output is', () => {
    const run = activ(['plot', 'elu', '-o', '/dev/stdout']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(wholePng(run.stdout)).toBe(true);
    const piped = spawnSync('bash', ['-c', `${activLine(['plot', 'elu', '-o', '/dev/stdout'])} | wc -c`], {
      encoding: 'utf8',
    });
    expect(Number(piped.stdout.trim())).toBe(run.stdout.length);
  });

  it.skipIf(!canMknod)('writes into a character device in place: a null device stays a device', () => {
    const dir = emptyFolder();
    const device = join(dir, 'null');
    expect(spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status).toBe(0);
    const run = activ(['plot', 'elu', '-o', device], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(strays(dir, ['null'])).toEqual([]);
  });

  it.skipIf(!canUnshare)('leaves /dev/null a device (in a private mount namespace, as root)', () => {
    // The namespace's own /dev, so a failure could not break the machine's /dev/null.
    const script = `mount -t tmpfs none /dev && mknod -m 666 /dev/null c 1 3 && ${activLine(['plot', 'elu', '-o', '/dev/null'])} && test -c /dev/null && ls -A /dev`;
    const run = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('null');
  });

  it('exits 1 with one plain line when the device is full (/dev/full)', () => {
    const run = activ(['plot', 'elu', '--format', 'png', '-o', '/dev/full']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("activ: cannot write '/dev/full': the disk is full\n");
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!canUnshare)(
    'exits 1 on a file system too small for the figure, leaving neither the figure nor a temporary file',
    () => {
      const dir = emptyFolder();
      const script = `mount -t tmpfs -o size=8k none '${dir}' && cd '${dir}' && ${activLine(['plot', 'elu', '-o', 'elu.png'])}; echo "exit=$?"; ls -A`;
      const run = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe("activ: cannot write 'elu.png': the disk is full\n");
      expect(run.stdout.trim()).toBe('exit=1');
    },
  );

  it('refuses a folder, a socket-less path through a file, and an unwritable folder with one plain line each', () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'file'), '');
    mkdirSync(join(dir, 'folder'));
    const cases: [string[], number, RegExp][] = [
      [['-o', 'folder'], 2, /^activ: cannot write 'folder': it is a folder; give a file name\n$/],
      [['-o', 'file/x.png'], 1, /^activ: cannot write 'file\/x.png': a part of the path is not a folder\n$/],
      [['-o', 'missing/x.png'], 1, /^activ: cannot write 'missing\/x.png': the folder does not exist\n$/],
      [['-o', `${'n'.repeat(300)}.png`], 1, /^activ: cannot write 'n+\.png': the name is too long\n$/],
    ];
    for (const [args, status, message] of cases) {
      const run = activ(['plot', 'elu', ...args], { cwd: dir });
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.status, args.join(' ')).toBe(status);
    }
    expect(readdirSync(dir).sort()).toEqual(['file', 'folder']);
  });

  it('says "permission denied" for a folder it may not write (run as an unprivileged user when root)', () => {
    const dir = emptyFolder();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o755);
    const asUser = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const run = spawnSync(
      asUser[0] ?? process.execPath,
      [
        ...asUser.slice(1),
        ...(isRoot ? [process.execPath] : []),
        BIN,
        'plot',
        'elu',
        '-o',
        join(locked, 'x.png'),
      ],
      { encoding: 'utf8' },
    );
    if (isRoot && /Permission denied|EACCES/.test(run.stderr) && !run.stderr.startsWith('activ:')) {
      // The project's own files are not readable by that user (a private checkout): nothing to learn here.
      return;
    }
    expect(run.stderr).toBe(`activ: cannot write '${join(locked, 'x.png')}': permission denied\n`);
    expect(run.status).toBe(1);
    expect(readdirSync(locked)).toEqual([]);
  });
});

describe('replacing a file keeps what it was', () => {
  it('keeps the mode of a 0600 and of a 0444 file', () => {
    const dir = emptyFolder();
    for (const [name, mode] of [
      ['private.png', 0o600],
      ['readonly.png', 0o444],
    ] as const) {
      writeFileSync(join(dir, name), 'old');
      chmodSync(join(dir, name), mode);
      const run = activ(['plot', 'elu', '-o', name], { cwd: dir });
      expect(run.status, name).toBe(0);
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(mode);
      expect(wholePng(readFileSync(join(dir, name))), name).toBe(true);
    }
  });

  it.skipIf(!isRoot)("keeps the owner of another user's file when run as root", () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'theirs.png'), 'old');
    expect(spawnSync('chown', ['65534:65534', join(dir, 'theirs.png')]).status).toBe(0);
    expect(activ(['plot', 'elu', '-o', 'theirs.png'], { cwd: dir }).status).toBe(0);
    const stats = statSync(join(dir, 'theirs.png'));
    expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
  });

  it('writes a file whose name is 250 characters long (its temporary name stays within the limit)', () => {
    const dir = emptyFolder();
    const name = `${'a'.repeat(246)}.png`;
    const run = activ(['plot', 'elu', '-o', name], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(readdirSync(dir)).toEqual([name]);
    const multibyte = `${'é'.repeat(123)}.svg`; // 250 bytes in UTF-8
    expect(activ(['plot', 'elu', '-o', multibyte], { cwd: dir }).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([name, multibyte].sort());
  });
});

/** Peak resident memory of a process, sampled from /proc every 20 ms until it exits. */
function watchMemory(child: ChildProcess): {
  peakMiB: () => number;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
  let peakKiB = 0;
  const timer = setInterval(() => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (rss) peakKiB = Math.max(peakKiB, Number(rss[1]));
    } catch {
      // gone
    }
  }, 20);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal });
    }),
  );
  return { peakMiB: () => peakKiB / 1024, exit };
}

function start(args: readonly string[], options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv }) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ACTIV_DEBUG: '', ...options.env },
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  if (options.stdin !== undefined) {
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.stdin);
  }
  const watched = watchMemory(child);
  return { child, stderr: () => stderr, ...watched };
}

describe('signals stop every command promptly, leaving targets as they were', () => {
  // Each request takes several seconds; the signal comes 0.2 s in (after the first file appears
  // for the gallery). Old targets must survive, with no temporary files beside them.
  const slow: { name: string; args: string[]; target: string; stdin?: () => string }[] = [
    {
      name: 'plot',
      args: ['plot', 'softmax', '--temperature', '1,2,3,4,5,6,7,8', '--samples', '10000000', '-o', 'fig.png'],
      target: 'fig.png',
    },
    {
      name: 'table',
      args: ['table', 'gelu', '--samples', '10000000', '--derivative', '-o', 'table.csv'],
      target: 'table.csv',
    },
    {
      name: 'eval',
      args: ['eval', 'mish', '--derivative'],
      target: '',
      stdin: () => Array.from({ length: 3_000_000 }, (_, i) => String(i / 1e5 - 15)).join('\n'),
    },
  ];
  for (const { name, args, target, stdin } of slow) {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      it(`${name}: ${signal} at 0.2 s exits ${code} within a second`, async () => {
        const dir = emptyFolder();
        if (target) writeFileSync(join(dir, target), 'old');
        const run = start(args, { cwd: dir, ...(stdin ? { stdin: stdin() } : {}) });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const sent = performance.now();
        run.child.kill(signal);
        const { code: exitCode } = await run.exit;
        expect(performance.now() - sent).toBeLessThan(1000);
        expect(exitCode).toBe(code);
        expect(run.stderr()).toBe('');
        if (target) {
          expect(readFileSync(join(dir, target), 'utf8')).toBe('old');
          expect(strays(dir, [target])).toEqual([]);
        }
      });
    }
  }

  it('gallery: SIGINT after the first figure exits 130 within a second; every figure written is whole', async () => {
    const dir = emptyFolder();
    const run = start(['gallery', '-o', 'g'], { cwd: dir });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, 'g')) && readdirSync(join(dir, 'g')).some((f) => f.endsWith('.png'))) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    const sent = performance.now();
    run.child.kill('SIGINT');
    const { code } = await run.exit;
    expect(performance.now() - sent).toBeLessThan(1000);
    const files = readdirSync(join(dir, 'g'));
    expect(
      files.every((f) => f.endsWith('.png')),
      files.join(' '),
    ).toBe(true);
    for (const f of files) expect(wholePng(readFileSync(join(dir, 'g', f))), f).toBe(true);
    // Either stopped (130) or, on a fast machine, already done with the last figure.
    if (!files.includes('index.png')) expect(code).toBe(130);
  });
});

describe('bounds: requests that would exhaust memory end in one line and exit 2', () => {
  const list = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');
  const cases: { name: string; args: string[]; env?: NodeJS.ProcessEnv; stdin?: string; message: RegExp }[] =
    [
      {
        name: 'COLUMNS=40000 for the terminal drawing',
        args: ['plot', 'elu', '--format', 'term'],
        env: { COLUMNS: '40000' },
        message: /COLUMNS=40000 is wider than the terminal drawing allows \(2000\)/,
      },
      {
        name: 'two parameter lists of 1000 values',
        args: ['plot', 'hardtanh', '--min-val', list(-1000, -1), '--max-val', list(1, 1000)],
        message:
          /this figure would have 1,000,000 curves \(1000 values of \w+ × 1000 values of \w+\); one figure holds at most 100/,
      },
      {
        name: '--jobs 64 on fewer CPUs',
        args: ['batch', '--jobs', '64', '-'],
        stdin: 'elu -o a.png\n',
        message: /--jobs 64 is more than the \d+ CPUs.*--force/,
      },
      {
        name: 'eval reading one endless line',
        args: ['eval', 'elu'],
        stdin: '\0'.repeat(5_000_000),
        message: /line 1 of standard input is longer than 4096 characters/,
      },
      {
        name: 'batch reading one endless line',
        args: ['batch', '-'],
        stdin: 'x'.repeat(5_000_000),
        message: /line 1 of standard input is longer than 65536 characters/,
      },
    ];
  for (const c of cases) {
    it(c.name, async () => {
      if (c.name.startsWith('--jobs') && (await import('node:os')).availableParallelism() >= 64) return;
      const run = start(c.args, {
        cwd: emptyFolder(),
        ...(c.env ? { env: c.env } : {}),
        ...(c.stdin === undefined ? {} : { stdin: c.stdin }),
      });
      const { code } = await run.exit;
      expect(code).toBe(2);
      expect(run.stderr()).toMatch(c.message);
      expect(run.stderr().trimEnd().split('\n')).toHaveLength(1);
      expect(run.peakMiB()).toBeLessThan(1024);
    });
  }

  it('table streams ten million rows with their derivative in flat memory', async () => {
    const dir = emptyFolder();
    const run = start(['table', 'gelu', '--samples', '10000000', '--derivative', '-o', 't.csv'], {
      cwd: dir,
    });
    const { code } = await run.exit;
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    // Bounded by a few slices of rows, not by the 600 MB of text.
    expect(run.peakMiB()).toBeLessThan(400);
    const size = statSync(join(dir, 't.csv')).size;
    expect(size).toBeGreaterThan(400e6);
    const tail = readFileSync(join(dir, 't.csv'))
      .subarray(size - 200)
      .toString();
    expect(tail.trimEnd().split('\n').at(-1)).toMatch(/^4,3\.99987\d*,1\.0005\d*$/);
  }, 120_000);

  it('a softmax table, over the whole grid, keeps no copy of it: five million rows in flat memory', async () => {
    const dir = emptyFolder();
    const run = start(['table', 'softmax', '--samples', '5000000', '--derivative', '-o', 't.csv'], {
      cwd: dir,
    });
    const { code } = await run.exit;
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    // The grid, f and f' held whole (and the exponentials for f') were 160 MB and peaked at
    // 225 MiB; read in passes over the grid made again, it is what a pointwise table takes.
    expect(run.peakMiB()).toBeLessThan(170);
    // The rows are those of the same function evaluated over the whole grid at once.
    const { y, dy } = tabulate('softmax', { from: -5, to: 5, samples: 5_000_000, derivative: true });
    const size = statSync(join(dir, 't.csv')).size;
    const last = readFileSync(join(dir, 't.csv'))
      .subarray(size - 200)
      .toString()
      .trimEnd()
      .split('\n')
      .at(-1)!;
    expect(last).toBe(`5,${formatDouble(y.at(-1)!)},${formatDouble(dy!.at(-1)!)}`);
  }, 120_000);
});

describe('standard output that fails', () => {
  const commands = [
    ['eval', 'elu', '--', '1', '2', '3'],
    ['list'],
    ['table', 'elu'],
    ['plot', 'elu', '-o', '-'],
    ['--help'],
    ['plot', '--help'],
  ];
  for (const args of commands) {
    it(`activ ${args.join(' ')} > /dev/full: one line, exit 1`, () => {
      const run = spawnSync('bash', ['-c', `${activLine(args)} > /dev/full`], { encoding: 'utf8' });
      expect(run.stderr).toBe('activ: cannot write to standard output: the disk is full\n');
      expect(run.status).toBe(1);
    });
  }
});

describe('batch', () => {
  it('writes the same bytes as activ plot for every line, whatever came before it, twice in a row', () => {
    const dir = emptyFolder();
    const lines = [
      'elu -o a.svg',
      'elu -o a.png',
      'gelu relu --title -o b.svg',
      'gelu relu --title -o b.png',
      'tanh --derivative -o c.pdf',
      'tanh --derivative -o c.png',
      'softsign -o d.svg',
    ];
    writeFileSync(join(dir, 'figures.txt'), lines.join('\n'));
    const outputs = lines.map((l) => l.split(' ').at(-1)!);
    const first: Buffer[] = [];
    for (const round of [0, 1]) {
      const run = activ(['batch', '--jobs', '1', 'figures.txt'], { cwd: dir });
      expect(run.stderr).toBe('');
      outputs.forEach((file, i) => {
        const bytes = readFileSync(join(dir, file));
        if (round === 0) first[i] = bytes;
        else expect(bytes.equals(first[i]!), `${file} differs between two runs`).toBe(true);
      });
    }
    lines.forEach((line, i) => {
      const single = emptyFolder();
      expect(activ(['plot', ...line.split(' ').map((w) => w)], { cwd: single }).status).toBe(0);
      expect(
        readFileSync(join(single, outputs[i]!)).equals(first[i]!),
        `${outputs[i]} differs from activ plot`,
      ).toBe(true);
    });
  });

  it('refuses a line that asks for help, without printing the help', () => {
    const run = activ(['batch', '-'], { input: 'elu --help\nelu -o ok.png\n' });
    expect(run.status).toBe(2);
    expect(run.stdout.toString()).toBe('');
    expect(run.stderr).toMatch(/^activ: line 1: a batch line draws a figure; it cannot ask for help/);
  });

  it('reports the line of a worker that was killed and finishes the others', async () => {
    const dir = emptyFolder();
    // Slow lines (a dense softmax takes a good part of a second), so the worker is surely busy.
    const lines = Array.from({ length: 12 }, (_, i) => `softmax --samples 3000000 -o f${i}.png`);
    writeFileSync(join(dir, 'figures.txt'), lines.join('\n'));
    const run = start(['batch', '--jobs', '2', 'figures.txt'], { cwd: dir });
    // Kill the worker process (the batch process's child) once it is rendering: it starts when
    // the batch has seen how long a figure takes, and is busy once a file has been written.
    const worker = await new Promise<string>((resolve) => {
      const poll = setInterval(() => {
        const child = spawnSync('pgrep', ['-P', String(run.child.pid)], { encoding: 'utf8' }).stdout.trim();
        if (child && readdirSync(dir).some((f) => f.endsWith('.png'))) {
          clearInterval(poll);
          setTimeout(() => resolve(child.split('\n')[0]!), 100);
        }
      }, 10);
    });
    expect(worker).toMatch(/^\d+$/);
    process.kill(Number(worker), 'SIGKILL');
    const { code } = await run.exit;
    expect(code).toBe(1);
    const failed = run.stderr().trimEnd().split('\n');
    expect(failed.at(-1)).toMatch(/^activ: [12] of 12 lines failed$/);
    for (const line of failed.slice(0, -1))
      expect(line).toMatch(
        /^activ: line \d+: the worker process rendering this line was killed \(SIGKILL\)$/,
      );
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(12 - (failed.length - 1));
  });

  it("takes the process group's Ctrl-C as one interruption: one line with the count, exit 130", async () => {
    const dir = emptyFolder();
    writeFileSync(
      join(dir, 'figures.txt'),
      Array.from({ length: 400 }, (_, i) => `gelu --samples 20000 -o f${i}.png`).join('\n'),
    );
    const child = spawn(process.execPath, [BIN, 'batch', 'figures.txt'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(dir).filter((f) => f.endsWith('.png')).length >= 5) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const sent = performance.now();
    process.kill(-child.pid!, 'SIGINT'); // the whole group, as a terminal's Ctrl-C
    // A batch that hangs is killed, group and all, so a failure leaves no process spinning behind.
    const code = await new Promise<number | null | 'hung'>((resolve) => {
      const hung = setTimeout(() => {
        process.kill(-child.pid!, 'SIGKILL');
        resolve('hung');
      }, 10_000);
      child.on('exit', (exitCode) => {
        clearTimeout(hung);
        resolve(exitCode);
      });
    });
    expect(performance.now() - sent).toBeLessThan(1000);
    expect(code).toBe(130);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(stderr).toBe(
      `activ: interrupted after ${pngs.length} of 400 figures; every file written is whole\n`,
    );
    expect(strays(dir, ['figures.txt', ...pngs])).toEqual([]);
    for (const f of pngs) expect(wholePng(readFileSync(join(dir, f))), f).toBe(true);
  });
});

describe('messages', () => {
  it('show control characters from the input escaped, on one line', () => {
    const run = activ(['plot', 'el\u001bu\u0007']);
    expect(run.stderr).toMatch(/^activ: unknown activation 'el\\x1bu\\x07'; [^\u0000-\u001f]*\n$/);
    const newline = activ(['plot', 'elu', '--alpha', '1\n2']);
    expect(newline.stderr).toBe("activ: --alpha expects a number, got '1\\n2'\n");
  });

  it('activ with no arguments prints a short usage line and exits 2', () => {
    const run = activ([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("usage: activ <command> [options]; 'activ --help' lists the commands\n");
  });
});
