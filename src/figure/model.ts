import type { AxisModel } from './axis.js';

/** One drawn line. x and y are in data units; non-finite y values leave a gap. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Everything a figure shows, decided: sizes, lines, axes with their ticks, texts. The chart
 * configuration is built from this alone.
 */
export interface FigureModel {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly series: readonly Series[];
  readonly x: AxisModel;
  readonly y: AxisModel;
  readonly title?: string;
  readonly xlabel?: string;
  readonly ylabel?: string;
}
