import type { LegendLocation } from '../look/legend.js';
import type { AxisModel } from './axis.js';
import type { Style } from '../look/themes.js';

/** One drawn line. x and y are in data units; non-finite y values leave a gap. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** How many vertices Matplotlib's line would have (every sample), when x and y keep fewer. */
  readonly vertices?: number;
}

/**
 * Everything a figure shows, decided: sizes, lines, axes with their ticks, texts, style. The
 * chart configuration and the terminal drawing are built from this alone.
 */
export interface FigureModel {
  /** Drawing size in pixels (for PDF, in points: dpi 72); may have a fraction (style.ts). */
  readonly width: number;
  readonly height: number;
  /** Drawn on a canvas of whole pixels, as a PNG is (canvasOf in style.ts). */
  readonly wholePixels?: boolean;
  readonly dpi: number;
  readonly series: readonly Series[];
  readonly x: AxisModel;
  readonly y: AxisModel;
  readonly title?: string;
  readonly xlabel?: string;
  readonly ylabel?: string;
  readonly grid: boolean;
  readonly legend: LegendLocation | false;
  /** Curve width in points. */
  readonly lineWidth: number;
  readonly style: Style;
  readonly transparent: boolean;
}
