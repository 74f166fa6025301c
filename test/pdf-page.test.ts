/**
 * PDF figures: Cairo's file with its page box set to Matplotlib's size and no creation date,
 * edited byte by byte (src/figure/pdf-page.ts). Checked on the file itself (every cross-reference
 * entry points at its object), and with poppler where installed (pdfinfo reads the page size,
 * pdftoppm draws it).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plot } from '../src/index.js';
import { emptyFolder, pngSize } from './support/run-cli.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

/** Every in-use cross-reference entry's offset, and the object found there. */
function crossReferences(pdf: Buffer): { offset: number; object: string }[] {
  const text = pdf.toString('latin1');
  const xref = /\nxref\n0 (\d+)\n/.exec(text)!;
  const start = xref.index + xref[0].length;
  const entries: { offset: number; object: string }[] = [];
  for (let i = 0; i < Number(xref[1]); i++) {
    const entry = text.slice(start + 20 * i, start + 20 * i + 20);
    if (entry[17] !== 'n') continue;
    const offset = Number(entry.slice(0, 10));
    entries.push({
      offset,
      object: /^\d+ 0 obj/.exec(text.slice(offset, offset + 20))?.[0] ?? text.slice(offset, offset + 20),
    });
  }
  return entries;
}

describe('PDF figures', () => {
  const requests = [
    { functions: [{ name: 'elu' }] },
    { functions: [{ name: 'relu' }, { name: 'gelu' }], title: 'two' as const, xlabel: 'x' },
    { functions: [{ name: 'tanh' }], dpi: 37, width: 300 },
  ];

  for (const request of requests) {
    it(`keeps a valid cross-reference table and startxref: ${JSON.stringify(request)}`, async () => {
      const pdf = await plot({ ...request, format: 'pdf' });
      const entries = crossReferences(pdf);
      expect(entries.length).toBeGreaterThan(3);
      entries.forEach((e, i) => expect(e.object, `entry ${i + 1}`).toMatch(/^\d+ 0 obj$/));
      const text = pdf.toString('latin1');
      const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
      expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
      expect(text).not.toContain('/CreationDate');
    });
  }

  it("has Matplotlib's page size, 6.4 x 4.8 in, and the same bytes every time", async () => {
    const a = await plot({ functions: [{ name: 'elu' }], format: 'pdf' });
    const b = await plot({ functions: [{ name: 'elu' }], format: 'pdf' });
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('/MediaBox [ 0 0.4 460.8 346 ]');
  });

  it.skipIf(!has('pdfinfo') || !has('pdftoppm'))(
    'reads as 460.8 x 345.6 pt in pdfinfo and draws at 640 x 480 in pdftoppm',
    async () => {
      const dir = emptyFolder();
      const file = join(dir, 'f.pdf');
      writeFileSync(
        file,
        await plot({ functions: [{ name: 'gelu' }, { name: 'silu' }], format: 'pdf', title: true }),
      );
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info.stderr).toBe('');
      expect(info.stdout).toMatch(/Page size:\s+460\.8 x 345\.6 pts/);
      const drawn = spawnSync('pdftoppm', ['-r', '100', '-png', '-singlefile', file, join(dir, 'page')], {
        encoding: 'utf8',
      });
      expect(drawn.stderr).toBe('');
      expect(pngSize(readFileSync(join(dir, 'page.png')))).toEqual({ width: 640, height: 480 });
    },
  );
});
