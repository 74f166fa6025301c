/**
 * The looks a figure can have, by name: what a plot request chooses from (plot-spec.ts) and what
 * the figure draws with (figure/). Matplotlib's default look (rcParams of 3.x), in points or as
 * fractions of the figure, so it scales with the figure's dpi exactly as Matplotlib's does.
 */
export const matplotlibStyle = {
  figureWidthIn: 6.4,
  figureHeightIn: 4.8,
  dpi: 100,
  /** figure.subplot.left/right/bottom/top, fractions of the figure */
  subplot: { left: 0.125, right: 0.9, bottom: 0.11, top: 0.88 },
  margin: 0.05,
  fontFamily: 'DejaVu Sans',
  fontSizePt: 10,
  titleSizePt: 12,
  titlePadPt: 6,
  labelPadPt: 4,
  spineWidthPt: 0.8,
  tickLengthPt: 3.5,
  tickWidthPt: 0.8,
  tickPadPt: 3.5,
  /** Axis.OFFSETTEXTPAD */
  offsetTextPadPt: 3,
  lineWidthPt: 1.5,
  /** lines.dashed_pattern, in line widths */
  dashPattern: [3.7, 1.6],
  background: '#ffffff',
  foreground: '#000000',
  /** PyTorch's documentation figures: grid(color='k', alpha=0.2, linestyle='--') at grid.linewidth 0.8 */
  grid: { color: 'rgba(0, 0, 0, 0.2)', widthPt: 0.8 },
  /** legend.framealpha 0.8 over the background, legend.edgecolor 0.8 (grey), patch.linewidth 1 */
  legend: { face: 'rgba(255, 255, 255, 0.8)', edge: '#cccccc', edgeWidthPt: 1 },
  /** tab10, axes.prop_cycle */
  colorCycle: [
    '#1f77b4',
    '#ff7f0e',
    '#2ca02c',
    '#d62728',
    '#9467bd',
    '#8c564b',
    '#e377c2',
    '#7f7f7f',
    '#bcbd22',
    '#17becf',
  ],
};

export type Style = typeof matplotlibStyle;

/** Matplotlib's 'dark_background' style: white ink on black, its own colour cycle. */
export const darkStyle: Style = {
  ...matplotlibStyle,
  background: '#000000',
  foreground: '#ffffff',
  grid: { color: 'rgba(255, 255, 255, 0.2)', widthPt: 0.8 },
  legend: { face: 'rgba(0, 0, 0, 0.8)', edge: '#cccccc', edgeWidthPt: 1 },
  colorCycle: [
    '#8dd3c7',
    '#feffb3',
    '#bfbbd9',
    '#fa8174',
    '#81b1d2',
    '#fdb462',
    '#b3de69',
    '#bc82bd',
    '#ccebc4',
    '#ffed6f',
  ],
};

export const THEMES = { matplotlib: matplotlibStyle, dark: darkStyle } as const;
export type ThemeName = keyof typeof THEMES;
