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

export function figureGeometry(
  width: number,
  height: number,
  dpi: number,
  style: Style = matplotlibStyle,
): Geometry {
  const { subplot } = style;
  return {
    width,
    height,
    px: dpi / 72,
    box: {
      left: subplot.left * width,
      right: subplot.right * width,
      top: (1 - subplot.top) * height,
      bottom: (1 - subplot.bottom) * height,
    },
  };
}
