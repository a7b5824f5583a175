// One uPlot chart that fills its host element and follows its size. uPlot is the page's only
// third-party code, loaded as a classic script before the modules (global `uPlot`).
import { formatInteger } from '../format.js';

const AXIS_COLOUR = '#b8c2d0';
// Counts are whole numbers: the count axis steps by 1, 2 or 5 times a power of ten, never less than 1.
const COUNT_STEPS = Array.from({ length: 10 }, (_, power) => [1, 2, 5].map((factor) => factor * 10 ** power)).flat();
const GRID_COLOUR = 'rgba(184, 194, 208, 0.16)';

export function chartsAvailable() {
  return typeof globalThis.uPlot === 'function';
}

function rootFontSize() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

// kind: 'line' (minutes) or 'bars' (days); formatTick: Unix seconds -> axis label.
export function createSparkline(host, { colour, kind, formatTick, showXAxis, showYAxis }) {
  let chart = null;
  let createdAtRem = null;
  let data = [[], []];
  let peak = 0;

  function options(width, height, rem) {
    const font = `${Math.round(rem * 0.78)}px system-ui, sans-serif`;
    const series = kind === 'bars'
      ? { stroke: colour, fill: `${colour}d0`, width: 0, paths: globalThis.uPlot.paths.bars({ size: [0.78, Infinity], gap: 1 }), points: { show: false } }
      : { stroke: colour, fill: `${colour}38`, width: Math.max(1.5, rem * 0.14), points: { show: false } };
    return {
      width,
      height,
      // Side padding leaves room for the first and last time labels, on every row alike so the
      // rows' time axes line up.
      padding: [rem * 0.3, rem * 1.2, showXAxis ? 0 : rem * 0.15, showYAxis ? 0 : rem * 1.2],
      cursor: { show: false },
      legend: { show: false },
      select: { show: false },
      scales: { x: { time: true }, y: { range: () => [0, Math.max(1, peak) * 1.12] } },
      axes: [
        {
          show: showXAxis, stroke: AXIS_COLOUR, font, size: rem * 1.7, space: rem * 4.5, gap: rem * 0.2,
          grid: { show: false }, ticks: { stroke: GRID_COLOUR, width: 1, size: rem * 0.3 },
          values: (_chart, splits) => splits.map(formatTick),
        },
        {
          show: showYAxis, stroke: AXIS_COLOUR, font, size: rem * 3.2, space: rem * 1.6, gap: rem * 0.2,
          grid: { stroke: GRID_COLOUR, width: 1 }, ticks: { show: false }, incrs: COUNT_STEPS,
          values: (_chart, splits) => splits.map(formatInteger),
        },
      ],
      series: [{}, series],
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

  return {
    setData(xs, counts) {
      data = [xs, counts];
      peak = Math.max(0, ...counts);
      chart?.setData(data);
    },
  };
}
