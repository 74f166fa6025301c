/**
 * A batch worker process: renders the plot lines the batch sends, in order, and answers each
 * with its outcome. Chart.js, Cairo and the font load once per worker and every renderer is
 * reused across lines, so memory stays flat however long the batch.
 *
 * Workers are processes, not worker threads: a thread that has drawn text with node-canvas
 * crashes the whole process when it ends (Pango's per-thread font map is released from a
 * thread-exit destructor after its code is gone; seen here as SIGSEGV in g_object_unref).
 */
import { renderJob, type Job } from './render-job.js';

// Lines may arrive while one renders; they are taken strictly one after another.
let queue: Promise<void> = Promise.resolve();
process.on('message', (job: Job) => {
  queue = queue.then(async () => {
    const outcome = await renderJob(job);
    if (process.connected) process.send?.(outcome);
  });
});
// Ctrl-C reaches the whole process group: the batch decides when to stop, after this figure.
process.on('SIGINT', () => {});
// Asked to stop on its own: finish the figures in hand (written whole), take no more, and end.
process.on('SIGTERM', () => {
  if (process.connected) process.disconnect();
});
