/** Matplotlib's legend locations, in its own order (which 'best' prefers on ties). */
export const LEGEND_LOCATIONS = [
  'best',
  'upper right',
  'upper left',
  'lower left',
  'lower right',
  'right',
  'center left',
  'center right',
  'lower center',
  'upper center',
  'center',
] as const;
export type LegendLocation = (typeof LEGEND_LOCATIONS)[number];
