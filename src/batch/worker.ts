/**
 * A batch worker process: renders the plot lines the batch sends, in order, and answers each
 * with its outcome. Chart.js, Cairo and the font load once per worker and every renderer is
 * reused across lines, so memory stays flat however long the batch.
 *
 * Workers are processes, not worker threads: a thread that has drawn text with node-canvas
 * crashes the whole process when it ends (Pango's per-thread font map is released from a
 * thread-exit destructor after its code is gone; seen as SIGSEGV in g_object_unref).
 */

// First, before the renderer loads: Ctrl-C reaches the whole process group, and the batch
// process decides what happens (it stops its workers with SIGTERM).
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
// Told to stop: at once. Files are written synchronously, so none is left half-written, and a
// temporary file of a line in flight is removed by output-file.ts's exit listener.
process.on('SIGTERM', () => process.exit(143));
// The batch process is gone (killed, or its channel closed): nobody waits for more figures.
process.on('disconnect', () => process.exit(0));
// A worker never prints a stack: whatever escapes a line is already reported through its outcome.
process.on('uncaughtException', () => process.exit(70));

type Job = import('./render-job.js').Job;

// The renderer loads while the first lines may already be arriving: listen first, render after.
const renderer = import('./render-job.js');

// Lines may arrive while one renders; they are taken strictly one after another.
let queue: Promise<void> = Promise.resolve();
process.on('message', (job: Job) => {
  queue = queue.then(async () => {
    const outcome = await (await renderer).renderJob(job);
    if (process.connected) process.send?.(outcome, undefined, {}, () => {});
  });
});
