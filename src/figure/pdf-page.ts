/**
 * The two edits a PDF from Cairo needs, made on its bytes: the page box set to the figure's size,
 * and the creation date taken out.
 *
 * node-canvas makes pages of whole points (461 x 346 for Matplotlib's 460.8 x 345.6), and Cairo
 * stamps each file with the time, so the same command would not give the same bytes. A PDF
 * library could do both, but loading one (pdf-lib) cost more than drawing the whole figure; the
 * file is Cairo's, with a classic cross-reference table, so the edits are a few bytes: replace
 * the MediaBox and the date line, then move every byte offset after them (the cross-reference
 * entries and startxref) by the change in length.
 */

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function find(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const match = pattern.exec(text);
  if (!match) throw new Error(`unexpected PDF from Cairo: no ${what}`);
  return match;
}

/** A number as a PDF writes it: at most 6 decimals, no exponent, no trailing zeros. */
function pdfNumber(v: number): string {
  return String(Number(v.toFixed(6)));
}

/** The offset `at` in the original bytes, moved by the edits before it. */
function moved(at: number, edits: readonly Edit[]): number {
  let shift = 0;
  for (const e of edits) if (e.end <= at) shift += e.text.length - (e.end - e.start);
  return at + shift;
}

/**
 * `pdf` (one page, from Cairo) with its page box set to [x0 y0 x1 y1] in points and without a
 * creation date. Throws if the file is not shaped as Cairo writes it.
 */
export function setPageBox(pdf: Buffer, box: readonly [number, number, number, number]): Buffer {
  // latin1 maps bytes to characters one to one, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const mediaBox = find(text, /\/MediaBox \[[^\]]*\]/, 'MediaBox');
  const edits: Edit[] = [
    {
      start: mediaBox.index,
      end: mediaBox.index + mediaBox[0].length,
      text: `/MediaBox [ ${box.map(pdfNumber).join(' ')} ]`,
    },
  ];
  const date = /\n[ \t]*\/CreationDate \([^)]*\)/.exec(text);
  if (date) edits.push({ start: date.index, end: date.index + date[0].length, text: '' });
  edits.sort((a, b) => a.start - b.start);

  const xref = find(text, /\nxref\n0 (\d+)\n/, 'cross-reference table');
  const entriesAt = xref.index + xref[0].length;
  const count = Number(xref[1]);
  const startxref = find(text.slice(entriesAt), /startxref\n(\d+)\n%%EOF/, 'startxref');
  if (edits.some((e) => e.end > xref.index))
    throw new Error('unexpected PDF from Cairo: an edit after the cross-reference table');

  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += text.slice(at, entriesAt);
  // Each entry is 20 bytes: a 10-digit offset, a 5-digit generation, n or f, and an end of line.
  for (let i = 0; i < count; i++) {
    const entry = text.slice(entriesAt + 20 * i, entriesAt + 20 * (i + 1));
    const offset = Number(entry.slice(0, 10));
    const inUse = entry[17] === 'n';
    out += (inUse ? String(moved(offset, edits)).padStart(10, '0') : entry.slice(0, 10)) + entry.slice(10);
  }
  const afterEntries = entriesAt + 20 * count;
  const trailer = text.slice(afterEntries, entriesAt + startxref.index);
  out += trailer + `startxref\n${moved(Number(startxref[1]), edits)}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
