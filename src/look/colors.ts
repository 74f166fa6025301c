import cssColors from 'color-name';
import { InvalidValueError } from '../errors.js';

// Matplotlib's "tab:" names for the tab10 cycle, as users of Matplotlib write them.
const TAB10: Record<string, string> = {
  'tab:blue': '#1f77b4',
  'tab:orange': '#ff7f0e',
  'tab:green': '#2ca02c',
  'tab:red': '#d62728',
  'tab:purple': '#9467bd',
  'tab:brown': '#8c564b',
  'tab:pink': '#e377c2',
  'tab:gray': '#7f7f7f',
  'tab:grey': '#7f7f7f',
  'tab:olive': '#bcbd22',
  'tab:cyan': '#17becf',
};

// Matplotlib's one-letter base colours.
const BASE: Record<string, string> = {
  b: '#0000ff',
  g: '#008000',
  r: '#ff0000',
  c: '#00bfbf',
  m: '#bf00bf',
  y: '#bfbf00',
  k: '#000000',
  w: '#ffffff',
};

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** A colour as '#rrggbb' from a hex code, a tab10 or one-letter Matplotlib name, or a CSS name. */
export function parseColor(text: string): string {
  const c = text.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((d) => d + d).join('')}`;
  const named =
    TAB10[c] ?? BASE[c] ?? (Object.hasOwn(cssColors, c) ? cssColors[c as keyof typeof cssColors] : undefined);
  if (typeof named === 'string') return named;
  if (named) return `#${named.map(hex2).join('')}`;
  throw new InvalidValueError(
    'colors',
    'must be #rrggbb, a Matplotlib name like tab:orange or k, or a CSS name',
    `'${text}'`,
  );
}
