/**
 * Vitest's global setup: bundle the command line from src/ (and write its manual page from its
 * help) before any test runs, so the CLI
 * tests (which run bin/activ.js as a process) test the code as it is now, even under a bare
 * `npx vitest` after an edit. esbuild takes well under a second; type-checking stays with
 * `npm test` and `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(process.execPath, ['scripts/bundle-cli.js'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/make-man-page.js'], { cwd: root, stdio: 'inherit' });
}
