/**
 * A batch worker: renders plot lines sent by the batch process, one at a time, and answers with
 * the exit code and message. Chart.js, Cairo and the font load once per worker and every renderer
 * is reused across lines, so memory stays flat however long the batch.
 *
 * Workers are processes, not worker threads: a thread that has drawn text with node-canvas
 * crashes the whole process when it ends (Pango's per-thread font map is released from a
 * thread-exit destructor after its code is gone; seen here as SIGSEGV in g_object_unref).
 */
import { Command } from 'commander';
import { explain, throwInsteadOfExiting } from '../cli/main.js';
import { plotCommand } from '../cli/plot-command.js';

export interface Job {
  readonly line: number;
  readonly args: readonly string[];
}

export interface Outcome {
  readonly line: number;
  readonly exitCode: number;
  readonly message: string;
}

async function run(job: Job): Promise<Outcome> {
  // A fresh command per line: commander keeps option values from one parse to the next.
  const root = new Command('activ').addCommand(plotCommand({ inBatch: true }));
  throwInsteadOfExiting(root);
  try {
    await root.parseAsync(['plot', ...job.args], { from: 'user' });
    return { line: job.line, exitCode: 0, message: '' };
  } catch (error) {
    return { line: job.line, ...explain(error) };
  }
}

process.on('message', (job: Job) => {
  void run(job).then((outcome) => {
    if (process.connected) process.send?.(outcome);
  });
});
// Ctrl-C reaches the whole process group: the batch decides when to stop, after this figure.
process.on('SIGINT', () => {});
// Asked to stop on its own: finish the figure in hand (written whole), take no more, and end.
process.on('SIGTERM', () => {
  if (process.connected) process.disconnect();
});
