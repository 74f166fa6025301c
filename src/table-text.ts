import type { Table } from './evaluation.js';
import { formatDouble, formatJsonDouble } from './number-text.js';

export const TABLE_FORMATS = ['csv', 'tsv', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The longest text String(number) gives for a double: "-2.2250738585072014e-308". */
const MAX_NUMBER_TEXT = 24;

/**
 * A table as CSV, TSV or JSON text, a slice of rows at a time: `header` first, then `rows` for
 * each slice in order, then `footer`. Rows are written into one reused buffer rather than joined
 * as strings: each number's text dies at once instead of living in a rope until the slice is
 * written, so ten million rows stream in flat memory (the JSON array is written as it goes,
 * one object a line). The buffer `rows` returns is overwritten by the next call.
 */
export class TableText {
  private rowsWritten = 0;
  private buffer = Buffer.alloc(0);

  constructor(
    private readonly format: TableFormat,
    private readonly withDerivative: boolean,
  ) {}

  header(): string {
    if (this.format === 'json') return '[\n';
    const sep = this.format === 'csv' ? ',' : '\t';
    return ['x', 'y', ...(this.withDerivative ? ['dy'] : [])].join(sep) + '\n';
  }

  rows(table: Table): Buffer {
    const { x, y, dy } = table;
    const json = this.format === 'json';
    const perRow = (dy ? 3 : 2) * (MAX_NUMBER_TEXT + 6) + 12;
    if (this.buffer.length < x.length * perRow) this.buffer = Buffer.allocUnsafe(x.length * perRow);
    const out = this.buffer;
    const put = json ? formatJsonDouble : formatDouble;
    let at = 0;
    const sep = this.format === 'tsv' ? '\t' : ',';
    for (let i = 0; i < x.length; i++) {
      if (json) {
        at += out.write(this.rowsWritten++ === 0 ? '{"x":' : ',\n{"x":', at, 'latin1');
        at += out.write(put(x[i]!), at, 'latin1');
        at += out.write(',"y":', at, 'latin1');
        at += out.write(put(y[i]!), at, 'latin1');
        if (dy) {
          at += out.write(',"dy":', at, 'latin1');
          at += out.write(put(dy[i]!), at, 'latin1');
        }
        at += out.write('}', at, 'latin1');
      } else {
        at += out.write(put(x[i]!), at, 'latin1');
        at += out.write(sep, at, 'latin1');
        at += out.write(put(y[i]!), at, 'latin1');
        if (dy) {
          at += out.write(sep, at, 'latin1');
          at += out.write(put(dy[i]!), at, 'latin1');
        }
        at += out.write('\n', at, 'latin1');
      }
    }
    if (!json) this.rowsWritten += x.length;
    return out.subarray(0, at);
  }

  footer(): string {
    if (this.format !== 'json') return '';
    return this.rowsWritten === 0 ? ']\n' : '\n]\n';
  }
}

/** A whole table as text (small tables, and the library). */
export function formatTable(table: Table, format: TableFormat): string {
  const text = new TableText(format, table.dy !== undefined);
  return text.header() + text.rows(table).toString('latin1') + text.footer();
}
