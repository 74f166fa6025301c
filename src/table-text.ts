import type { Table } from './evaluation.js';

export const TABLE_FORMATS = ['csv', 'tsv', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A value as the table writes it: the shortest text that reads back to the same double. */
function numberText(v: number): string {
  return String(v);
}

/** JSON has no ±Infinity or NaN: those are null. */
function jsonNumber(v: number): string {
  return Number.isFinite(v) ? numberText(v) : 'null';
}

/**
 * A table as CSV, TSV or JSON text, a slice of rows at a time: `header` first, then `rows` for
 * each slice in order, then `footer`. Nothing holds more than one slice, so ten million rows
 * stream in flat memory (the JSON array is written as it goes, one object a line).
 */
export class TableText {
  private rowsWritten = 0;

  constructor(
    private readonly format: TableFormat,
    private readonly withDerivative: boolean,
  ) {}

  header(): string {
    if (this.format === 'json') return '[\n';
    const sep = this.format === 'csv' ? ',' : '\t';
    return ['x', 'y', ...(this.withDerivative ? ['dy'] : [])].join(sep) + '\n';
  }

  rows(table: Table): string {
    const { x, y, dy } = table;
    let text = '';
    if (this.format === 'json') {
      for (let i = 0; i < x.length; i++) {
        const lead = this.rowsWritten++ === 0 ? '' : ',\n';
        const d = dy ? `,"dy":${jsonNumber(dy[i]!)}` : '';
        text += `${lead}{"x":${jsonNumber(x[i]!)},"y":${jsonNumber(y[i]!)}${d}}`;
      }
      return text;
    }
    const sep = this.format === 'csv' ? ',' : '\t';
    for (let i = 0; i < x.length; i++) {
      text += dy ? `${numberText(x[i]!)}${sep}${numberText(y[i]!)}${sep}${numberText(dy[i]!)}\n` : `${numberText(x[i]!)}${sep}${numberText(y[i]!)}\n`;
    }
    this.rowsWritten += x.length;
    return text;
  }

  footer(): string {
    if (this.format !== 'json') return '';
    return this.rowsWritten === 0 ? ']\n' : '\n]\n';
  }
}

/** A whole table as text (small tables, and the library). */
export function formatTable(table: Table, format: TableFormat): string {
  const text = new TableText(format, table.dy !== undefined);
  return text.header() + text.rows(table) + text.footer();
}
