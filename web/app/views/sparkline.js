// One uPlot chart that fills its host element and follows its size, with the operations' markers
// drawn over it. uPlot is the page's only third-party code, loaded as a classic script before the
// modules (global `uPlot`).
import { formatCompact } from '../format.js';

const AXIS_COLOUR = '#b8c2d0';
// Shape and line tell a coordinated action (◆, dashed) from a result (✓, solid), colour does not.
export const MARKER_GLYPHS = { action: '◆', result: '✓' };
const MARKER_COLOUR = '#f3f6fa';
// Thin and see-through, so that the data under a marker stays readable.
const MARKER_LINE = 'rgba(243, 246, 250, 0.5)';
// Counts are whole numbers: the count axis steps by 1, 2 or 5 times a power of ten, never less than
// 1; where even one such step is too high for the chart, by the largest single digit times one.
const powersOfTen = (factors) => Array.from({ length: 10 }, (_, power) => factors.map((factor) => factor * 10 ** power)).flat();
const COUNT_STEPS = powersOfTen([1, 2, 5]);
const SINGLE_STEPS = powersOfTen([1, 2, 3, 4, 5, 6, 7, 8, 9]);
const GRID_COLOUR = 'rgba(184, 194, 208, 0.16)';

export function chartsAvailable() {
  return typeof globalThis.uPlot === 'function';
}

function rootFontSize() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

// The glyphs sit at the top of the canvas, above the highest point (see the y range); each line
// runs from its glyph down to the time axis. An action and a result of the same step sit side by side.
function drawMarkers(chart, markers, rem) {
  const { ctx, bbox } = chart;
  const ratio = globalThis.uPlot.pxRatio;
  const size = Math.round(rem * 0.8 * ratio);
  ctx.save();
  ctx.font = `${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = ratio;
  ctx.strokeStyle = MARKER_LINE;
  ctx.fillStyle = MARKER_COLOUR;
  let previousX = null;
  for (const { x, kind } of markers) {
    const position = Math.round(chart.valToPos(x, 'x', true)) + 0.5;
    ctx.setLineDash(kind === 'action' ? [3 * ratio, 3 * ratio] : []);
    ctx.beginPath();
    ctx.moveTo(position, size);
    ctx.lineTo(position, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(MARKER_GLYPHS[kind], position + (x === previousX ? size * 0.8 : 0), 0);
    previousX = x;
  }
  ctx.restore();
}

// Times and counts compare as numbers, markers by where and what they are.
function sameValues(next, shown, same = (a, b) => a === b) {
  return next.length === shown.length && next.every((value, index) => same(value, shown[index]));
}

const sameMarker = (a, b) => a.x === b.x && a.kind === b.kind;

// The count axis' values, from 0 up to `max`, as many as `room` labels fit: the step is the
// smallest round count with no more steps than that, and at least one above 0 however short the
// chart (a wall's row), so that every chart says what its height means.
export function countSplits(max, room) {
  const steps = Math.max(1, Math.floor(room));
  const fitting = COUNT_STEPS.find((candidate) => max / candidate <= steps) ?? COUNT_STEPS.at(-1);
  const step = fitting <= max ? fitting : SINGLE_STEPS.findLast((candidate) => candidate <= max) ?? 1;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, index) => index * step);
}

function widened(min, max, count) {
  const half = count > 1 ? (max - min) / (count - 1) / 2 : 1;
  return [min - half, max + half];
}

// kind: 'line' or 'bars'; timeAxis: () -> {format: Unix seconds -> label, zone}, asked at each
// drawing, so one chart can change from live minutes to a past day. Every chart shows its counts'
// scale; a chart without the time axis' labels (showXAxis false: a row above the bottom one) still
// draws its time grid, so stacked charts read against one time axis.
export function createSparkline(host, { colour, kind, timeAxis, showXAxis }) {
  let chart = null;
  let createdAtRem = null;
  let data = [[], []];
  let peak = 0;
  let markers = [];

  function options(width, height, rem) {
    // The wall's smallest type (16 px at 1920x1080), as on the page around the chart.
    const font = `${Math.round(rem * 0.95)}px system-ui, sans-serif`;
    const series = kind === 'bars'
      ? { stroke: colour, fill: `${colour}d0`, width: 0, paths: globalThis.uPlot.paths.bars({ size: [0.78, Infinity], gap: 1 }), points: { show: false } }
      : { stroke: colour, fill: `${colour}38`, width: Math.max(1.5, rem * 0.14), points: { show: false } };
    return {
      width,
      height,
      // The padding leaves room for half the top count label and for the last time label, and the
      // count axis is as wide on every row, so the rows' time axes line up.
      padding: [rem * 0.55, rem * 1.2, showXAxis ? 0 : rem * 0.15, 0],
      cursor: { show: false },
      legend: { show: false },
      select: { show: false },
      // Ticks fall on midnights and hours of the zone the labels are read in (the center's).
      tzDate: (seconds) => globalThis.uPlot.tzDate(new Date(seconds * 1000), timeAxis().zone),
      // Markers' glyphs need more room above the highest point.
      scales: {
        // Half a step either side, so that the first and last bars are whole.
        x: { time: true, range: kind === 'bars' ? (_chart, min, max) => widened(min, max, data[0].length) : null },
        y: { range: () => [0, Math.max(1, peak) * (markers.length ? 1.25 : 1.12)] },
      },
      axes: [
        {
          stroke: AXIS_COLOUR, font, size: showXAxis ? rem * 1.8 : 0, space: rem * 3.6, gap: rem * 0.2,
          grid: { stroke: GRID_COLOUR, width: 1 }, ticks: { show: showXAxis, stroke: GRID_COLOUR, width: 1, size: rem * 0.3 },
          values: (_chart, splits) => (showXAxis ? splits.map(timeAxis().format) : splits.map(() => '')),
        },
        {
          // As wide as five characters (formatCompact's longest), on every chart alike.
          stroke: AXIS_COLOUR, font, size: rem * 2.9, space: rem * 1.5, gap: rem * 0.2,
          grid: { stroke: GRID_COLOUR, width: 1 }, ticks: { show: false },
          splits: (chart, _axis, _min, max) => countSplits(max, chart.bbox.height / globalThis.uPlot.pxRatio / (rem * 1.5)),
          values: (_chart, splits) => splits.map(formatCompact),
        },
      ],
      series: [{}, series],
      hooks: { draw: [(drawn) => drawMarkers(drawn, markers, rem)] },
    };
  }

  function fit() {
    const { width, height } = host.getBoundingClientRect();
    if (width < 8 || height < 8) return;
    const rem = rootFontSize();
    // Axis fonts are fixed when a chart is made; a new viewport size needs a new chart.
    if (chart && rem !== createdAtRem) {
      chart.destroy();
      chart = null;
    }
    if (!chart) {
      createdAtRem = rem;
      chart = new globalThis.uPlot(options(Math.floor(width), Math.floor(height), rem), data, host);
    } else {
      chart.setSize({ width: Math.floor(width), height: Math.floor(height) });
    }
  }

  if (chartsAvailable()) new ResizeObserver(fit).observe(host);
  host.dataset.markers = '0';

  return {
    // markers: [{x (Unix seconds, one of xs), kind: 'action'|'result'}] (trend.js trendMarkers).
    // A delta moves few series: a chart given what it already shows is not drawn again.
    setData(xs, counts, nextMarkers = []) {
      if (sameValues(xs, data[0]) && sameValues(counts, data[1]) && sameValues(nextMarkers, markers, sameMarker)) return;
      data = [xs, counts];
      peak = Math.max(0, ...counts);
      markers = nextMarkers;
      host.dataset.markers = String(chartsAvailable() ? markers.length : 0);
      chart?.setData(data);
    },
  };
}
