// "Trends on task-force activity", the seed's headline picture: one row per task force with its
// per-minute line and its per-day bars. Small multiples, each with its own scale and its name
// written beside it, so a quiet task force is not flattened by a busy one and colour is never
// the only way to tell them apart.
import { showNumber } from '../animate.js';
import { h, uniqueId } from '../dom.js';
import { formatInteger } from '../format.js';
import { taskForceLook } from '../presentation.js';
import { trendSeries } from '../selectors.js';
import { chartsAvailable, createSparkline } from './sparkline.js';

const minuteTick = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
// Days are UTC days (the server's buckets), so their labels are read in UTC too.
const dayTick = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export const trendsPanel = { views: ['trendMinutes', 'trendDays'], create: createTrends };

function createTrends(parent, { contract, taskForces, minutes, days, detailed }) {
  const titleId = uniqueId('trends');
  const codes = contract.taskForces.map((taskForce) => taskForce.code)
    .filter((code) => taskForces.length === 0 || taskForces.includes(code));
  const minutesHeading = `Last ${minutes} min, per minute`;
  const daysHeading = `Last ${days} days, per day`;
  const withCharts = chartsAvailable();

  const rows = codes.map((code, index) => {
    const info = { ...contract.taskForce(code), ...taskForceLook(code) };
    const lastRow = index === codes.length - 1;
    // Without uPlot (its script failed to load) the totals above each chart still tell the story.
    const chartMissing = withCharts ? null : h('span', { class: 'chart-missing' }, 'chart unavailable');
    const minuteHost = h('div', { class: 'chart', role: 'img', 'aria-label': `${info.name}: exchanges per minute, last ${minutes} minutes` }, chartMissing);
    const dayHost = h('div', { class: 'chart', role: 'img', 'aria-label': `${info.name}: exchanges per day, last ${days} days` }, chartMissing?.cloneNode(true));
    const minuteSum = h('span', { class: 'num' }, '—');
    const daySum = h('span', { class: 'num' }, '—');
    const summary = h('p', { class: 'visually-hidden' });
    const figure = h('figure', { class: 'trend-row', style: { '--tf-colour': info.colour } },
      h('figcaption', { class: 'trend-name' },
        h('span', { class: 'glyph', 'aria-hidden': 'true' }, info.glyph), info.name),
      h('div', { class: 'trend-cell' },
        h('p', { class: 'trend-stat' }, minuteSum, h('span', { class: 'unit' }, ` in ${minutes} min`)), minuteHost),
      h('div', { class: 'trend-cell' },
        h('p', { class: 'trend-stat' }, daySum, h('span', { class: 'unit' }, ` in ${days} days`)), dayHost),
      summary);
    const chartOptions = { colour: info.colour, showXAxis: detailed || lastRow, showYAxis: detailed };
    return {
      info, figure, minuteSum, daySum, summary,
      minuteChart: createSparkline(minuteHost, { ...chartOptions, kind: 'line', formatTick: (seconds) => minuteTick.format(seconds * 1000) }),
      dayChart: createSparkline(dayHost, { ...chartOptions, kind: 'bars', formatTick: (seconds) => dayTick.format(seconds * 1000) }),
    };
  });

  // Only the bottom row carries the time axis on the wall, so it gets the extra height for it.
  const rowHeights = detailed || codes.length === 1
    ? `auto repeat(${codes.length}, minmax(0, 1fr))`
    : `auto repeat(${codes.length - 1}, minmax(0, 1fr)) minmax(0, 1.45fr)`;
  parent.append(h('section', { class: `panel panel-trends${detailed ? ' detailed' : ''}`, 'aria-labelledby': titleId },
    h('div', { class: 'panel-head' }, h('h2', { id: titleId }, 'Task-force activity')),
    h('div', { class: 'trend-grid', style: { gridTemplateRows: rowHeights } },
      h('div', { class: 'trend-heading', 'aria-hidden': 'true' }, h('span'), h('span', {}, minutesHeading), h('span', {}, daysHeading)),
      rows.map((row) => row.figure))));

  return {
    update({ trendMinutes, trendDays }) {
      const perMinute = trendSeries(contract, trendMinutes, codes);
      const perDay = trendSeries(contract, trendDays, codes);
      rows.forEach((row, index) => {
        const minuteSeries = perMinute.series[index];
        const daySeries = perDay.series[index];
        if (trendMinutes) {
          row.minuteChart.setData(perMinute.xs, minuteSeries.counts);
          showNumber(row.minuteSum, minuteSeries.sum);
        }
        if (trendDays) {
          row.dayChart.setData(perDay.xs, daySeries.counts);
          showNumber(row.daySum, daySeries.sum);
        }
        row.summary.textContent = `${row.info.name}: ${formatInteger(minuteSeries.sum)} exchanges in the last ${minutes} minutes `
          + `(at most ${formatInteger(minuteSeries.peak)} a minute, ${formatInteger(minuteSeries.latest)} so far this minute); `
          + `${formatInteger(daySeries.sum)} in the last ${days} days (at most ${formatInteger(daySeries.peak)} a day).`;
      });
    },
  };
}
