import { plotArguments, plotCommandLine } from '../arguments/plot-arguments.js';
import { UsageError } from '../errors.js';
import { checkOutputPath, writeOutputFile } from '../output-file.js';
import { figureBytes } from '../figure-bytes.js';
import { plotSpec } from '../plot-spec.js';
import { writeStdout } from './stdout.js';

/** Wider than any real terminal: the braille drawing's memory grows with the square of this. */
const MAX_TERMINAL_COLUMNS = 2000;

/** The terminal's size for the braille drawing, from COLUMNS and LINES or the terminal itself. */
function terminalSize(): { columns: number; lines?: number } {
  const fromEnv = (name: string) => {
    const text = process.env[name];
    if (text === undefined) return undefined;
    const value = Number(text);
    // Shells and CI runners sometimes export 0 or junk: ignored, as other tools ignore it.
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const columns = fromEnv('COLUMNS') ?? (process.stdout.isTTY ? process.stdout.columns : 80);
  if (columns > MAX_TERMINAL_COLUMNS) {
    throw new UsageError(
      `COLUMNS=${columns} is wider than the terminal drawing allows (${MAX_TERMINAL_COLUMNS}); set COLUMNS lower`,
    );
  }
  // A height beyond the width's third changes nothing (the drawing is at most a third as tall as wide).
  const lines = fromEnv('LINES') ?? (process.stdout.isTTY ? process.stdout.rows : undefined);
  return { columns, ...(lines ? { lines: Math.min(lines, MAX_TERMINAL_COLUMNS) } : {}) };
}

/** `activ plot`: the shared plot parser (arguments/plot-arguments.ts), then draw and write. */
export function plotCommand() {
  const command = plotCommandLine();
  return command.action(async (names) => {
    const { request, output, format } = plotArguments(names, command, {
      stdoutIsTerminal: process.stdout.isTTY,
    });
    const spec = plotSpec(request);
    if (format === 'term') {
      const size = terminalSize();
      // Loaded here, not at start-up: only the command that draws pays for drawing.
      const { renderTerminal } = await import('../figure/terminal.js');
      const { buildFigureInterruptibly } = await import('../figure/build-figure.js');
      const color = process.stdout.isTTY && !process.env.NO_COLOR;
      await writeStdout(renderTerminal(await buildFigureInterruptibly(spec), { ...size, color }));
      return;
    }
    // Before the work: a folder, a socket or a missing folder is reported without drawing first.
    if (output !== '-') checkOutputPath(output);
    const bytes = await figureBytes(request, spec, format);
    if (output === '-') await writeStdout(bytes);
    else await writeOutputFile(output, bytes);
  });
}
