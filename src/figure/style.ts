import { matplotlibStyle, type Style } from '../look/themes.js';

/** Pixel geometry of one figure: where the axes box is and how big a point is. */
export interface Geometry {
  readonly width: number;
  readonly height: number;
  /** Pixels per point: dpi / 72. */
  readonly px: number;
  readonly box: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
}

/**
 * `cropTop`: how much of the figure's top edge lies above the canvas (see canvasOf): everything
 * is drawn that much higher.
 */
export function figureGeometry(
  width: number,
  height: number,
  dpi: number,
  style: Style = matplotlibStyle,
  cropTop = 0,
): Geometry {
  const { subplot } = style;
  return {
    width,
    height,
    px: dpi / 72,
    box: {
      left: subplot.left * width,
      right: subplot.right * width,
      top: (1 - subplot.top) * height - cropTop,
      bottom: (1 - subplot.bottom) * height - cropTop,
    },
  };
}

/**
 * The canvas a figure is drawn on, and how much of the figure's top is cut off. A figure of
 * `wholePixels` (a PNG) is drawn as Matplotlib's Agg draws it: on a canvas of the figure's whole
 * pixels (int(460.8) = 460 at 72 dpi), hanging from the bottom edge, since Agg flips y about the
 * canvas height, so the fraction of a pixel over falls off the top and the right. Otherwise
 * (SVG, PDF, the page) the canvas is rounded up and the figure hangs from its top; the viewBox
 * or page box then cuts it to the exact size.
 */
export function canvasOf(figure: {
  readonly width: number;
  readonly height: number;
  readonly wholePixels?: boolean;
}): { width: number; height: number; cropTop: number } {
  if (!figure.wholePixels)
    return { width: Math.ceil(figure.width), height: Math.ceil(figure.height), cropTop: 0 };
  const [width, height] = [Math.trunc(figure.width), Math.trunc(figure.height)];
  return { width, height, cropTop: figure.height - height };
}

/** The geometry of a figure as drawn on its canvas (canvasOf): the one call every drawer makes. */
export function geometryOf(figure: {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly style: Style;
  readonly wholePixels?: boolean;
}): Geometry {
  return figureGeometry(figure.width, figure.height, figure.dpi, figure.style, canvasOf(figure).cropTop);
}
