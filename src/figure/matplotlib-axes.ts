/**
 * A Chart.js plugin that draws the figure's frame the way Matplotlib does: background, spines on
 * four sides, outward ticks, tick labels, offset text, title and axis labels.
 *
 * Why by hand rather than with Chart.js's own scales: Chart.js positions tick labels with its
 * own text baselines and shrinks the chart area to make room for titles and labels, while
 * Matplotlib keeps the axes box fixed and aligns text by the glyphs' ink and the "lp" line
 * metrics, snapping straight lines to the pixel grid. Chart.js still maps data to pixels and
 * draws, dashes and clips the curves.
 */
import type { Chart, Plugin } from 'chart.js';
import { boxesMeet, drawText, layoutText, pixelFor, snap, type TextBox } from './drawing.js';
import { drawLegend } from './legend.js';
import type { FigureModel } from './model.js';
import { geometryOf } from './style.js';

function union(boxes: readonly TextBox[], fallback: TextBox): TextBox {
  if (boxes.length === 0) return fallback;
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

export function matplotlibAxes(figure: FigureModel): Plugin<'line'> {
  const style = figure.style;
  const geometry = geometryOf(figure);
  const { box, px } = geometry;
  const font = (pt: number) => `${pt * px}px "${style.fontFamily}"`;

  return {
    id: 'matplotlibAxes',
    // Chart.js clears the canvas before drawing; paint the background after that, as vector
    // paths (chartjs-node-canvas's backgroundColour would embed a raster in SVG and PDF).
    beforeDraw(chart: Chart<'line'>) {
      if (figure.transparent) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = style.background;
      ctx.fillRect(0, 0, figure.width, figure.height);
      ctx.restore();
    },
    // The grid goes under the curves (Matplotlib's axes.axisbelow 'line').
    beforeDatasetsDraw(chart: Chart<'line'>) {
      if (!figure.grid) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = style.grid.color;
      const width = style.grid.widthPt * px;
      ctx.lineWidth = width;
      ctx.setLineDash(style.dashPattern.map((d) => d * width));
      ctx.beginPath();
      for (const value of figure.x.ticks) {
        const sx = snap(pixelFor(figure.x, value, box.left, box.right), width);
        ctx.moveTo(sx, box.top);
        ctx.lineTo(sx, box.bottom);
      }
      for (const value of figure.y.ticks) {
        const sy = snap(pixelFor(figure.y, value, box.bottom, box.top), width);
        ctx.moveTo(box.left, sy);
        ctx.lineTo(box.right, sy);
      }
      ctx.stroke();
      ctx.restore();
    },
    afterDatasetsDraw(chart: Chart<'line'>) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = style.foreground;
      ctx.fillStyle = style.foreground;

      // Spines, above the curves as in Matplotlib (zorder 2.5 over 2).
      const spine = style.spineWidthPt * px;
      ctx.lineWidth = spine;
      ctx.lineCap = 'square';
      const [l, r, t, b] = [
        snap(box.left, spine),
        snap(box.right, spine),
        snap(box.top, spine),
        snap(box.bottom, spine),
      ];
      ctx.beginPath();
      ctx.rect(l, t, r - l, b - t);
      ctx.stroke();

      // Ticks, outward, and their labels.
      const tickWidth = style.tickWidthPt * px;
      const tickLength = style.tickLengthPt * px;
      const pad = style.tickPadPt * px;
      ctx.lineWidth = tickWidth;
      ctx.lineCap = 'butt';
      ctx.font = font(style.fontSizePt);
      const xBoxes: TextBox[] = [];
      figure.x.ticks.forEach((value, i) => {
        const sx = snap(pixelFor(figure.x, value, box.left, box.right), tickWidth);
        ctx.beginPath();
        ctx.moveTo(sx, b);
        ctx.lineTo(sx, b + tickLength);
        ctx.stroke();
        xBoxes.push(
          drawText(
            ctx,
            figure.x.labels[i]!,
            pixelFor(figure.x, value, box.left, box.right),
            box.bottom + tickLength + pad,
            'center',
            'top',
          ),
        );
      });
      const yBoxes: TextBox[] = [];
      figure.y.ticks.forEach((value, i) => {
        const sy = snap(pixelFor(figure.y, value, box.bottom, box.top), tickWidth);
        ctx.beginPath();
        ctx.moveTo(l, sy);
        ctx.lineTo(l - tickLength, sy);
        ctx.stroke();
        yBoxes.push(
          drawText(
            ctx,
            figure.y.labels[i]!,
            box.left - tickLength - pad,
            pixelFor(figure.y, value, box.bottom, box.top),
            'right',
            'center_baseline',
          ),
        );
      });

      // Offset texts (Axis._update_offset_text_position), then the axis labels beyond them.
      const offsetPad = style.offsetTextPadPt * px;
      const xFallback = { left: box.left, right: box.right, top: box.bottom, bottom: box.bottom };
      const xLabels = union(xBoxes, xFallback);
      if (figure.x.offsetText)
        drawText(ctx, figure.x.offsetText, box.right, xLabels.bottom + offsetPad, 'right', 'top');
      // YAxis: the offset text's baseline 3 pt above the axes (va 'baseline', ha 'left').
      const yOffset = figure.y.offsetText
        ? drawText(ctx, figure.y.offsetText, box.left, box.top - offsetPad, 'left', 'baseline')
        : undefined;

      const labelPad = style.labelPadPt * px;
      if (figure.xlabel)
        drawText(ctx, figure.xlabel, (box.left + box.right) / 2, xLabels.bottom + labelPad, 'center', 'top');
      if (figure.ylabel) {
        const yLabels = union(yBoxes, { left: box.left, right: box.left, top: box.top, bottom: box.bottom });
        ctx.save();
        ctx.translate(yLabels.left - labelPad, (box.top + box.bottom) / 2);
        ctx.rotate(-Math.PI / 2);
        drawText(ctx, figure.ylabel, 0, 0, 'center', 'bottom');
        ctx.restore();
      }
      if (figure.title) {
        ctx.font = font(style.titleSizePt);
        const titlePad = style.titlePadPt * px;
        const centre = (box.left + box.right) / 2;
        // Axes._update_title_position: the title's anchor sits on the axes top, raised by the
        // pad; where the y offset text is in its way, the anchor moves to the top of that text,
        // and once more if the title still reaches below it. Canvas y runs downwards, so
        // Matplotlib's "ymin < top" is "bottom > top" here.
        let top = box.top;
        const layout = (anchor: number) =>
          layoutText(ctx, figure.title!, centre, anchor - titlePad, 'center', 'baseline');
        if (yOffset && boxesMeet(yOffset, layout(top))) top = yOffset.top;
        let anchor = box.top;
        if (layout(anchor).bottom > top) {
          anchor = top;
          if (layout(anchor).bottom > top) anchor = 2 * top - layout(anchor).bottom;
        }
        drawText(ctx, figure.title, centre, anchor - titlePad, 'center', 'baseline');
      }
      ctx.restore();
      if (figure.legend !== false) drawLegend(ctx, figure, geometry, figure.legend);
    },
  };
}
