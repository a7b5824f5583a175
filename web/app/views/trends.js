// "Trends on task-force activity", the seed's headline picture: one row per task force with its
// per-minute line and its per-day bars. Small multiples, each with its own scale and its name
// written beside it, so a quiet task force is not flattened by a busy one and colour is never
// the only way to tell them apart. Coordinated actions and results of the task force's
// operations are marked on its charts. The task-force view can also look back at a past day or
// week (history.js): the panel then draws that period and leaves the live trends aside.
import { showNumber } from '../animate.js';
import { h, setText, uniqueId } from '../dom.js';
import { formatClock, formatInteger } from '../format.js';
import {
  LIVE_PERIOD, createPeriodLoader, dateBounds, keptSpans, pastTickFormat, periodKey, periodSearch, periodSteps, periodWords, pickedDate,
  readPeriod,
} from '../history.js';
import { taskForceLook } from '../presentation.js';
import { trendSeries } from '../selectors.js';
import { trendMarkers } from '../trend.js';
import { MARKER_GLYPHS, chartsAvailable, createSparkline } from './sparkline.js';

// `reads`: a view drawn when the caller follows it, but not needed to show the panel.
export const trendsPanel = { views: ['trendMinutes', 'trendDays'], reads: ['operations'], create: createTrends };

// What each column says and how its time axis reads, live and for a past period; `figure` is
// the number beside the right chart (a live total, or a past period's busiest step). Times and
// days are the center's (its zone), like the server's buckets.
function liveColumns(minutes, days, zone) {
  const minuteTick = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone.name });
  const dayTick = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone.name });
  return {
    left: { heading: `Last ${minutes} min, per minute`, unit: ` in ${minutes} min`, format: (seconds) => minuteTick.format(seconds * 1000), zone: zone.name },
    right: { heading: `Last ${days} days, per day`, unit: ` in ${days} days`, format: (seconds) => dayTick.format(seconds * 1000), zone: zone.name },
    figure: (series) => series.sum,
    describe: (name, left, right) => `${name}: ${formatInteger(left.sum)} exchanges in the last ${minutes} minutes `
      + `(at most ${formatInteger(left.peak)} a minute, ${formatInteger(left.latest)} so far this minute); `
      + `${formatInteger(right.sum)} in the last ${days} days (at most ${formatInteger(right.peak)} a day).`,
  };
}

function pastColumns(period, steps, zone) {
  const words = periodWords(period, steps);
  const format = pastTickFormat(zone);
  return {
    left: { heading: `${words.dates}, ${words.per[0]} (${zone.timeName})`, unit: ` ${words.whole}`, format, zone: zone.name },
    right: { heading: `${words.per[1]} (${zone.timeName})`, unit: ` ${words.busiest}`, format, zone: zone.name },
    figure: (series) => series.peak,
    describe: (name, left, right) => `${name}, ${words.dates}: ${formatInteger(left.sum)} exchanges, `
      + `at most ${formatInteger(right.peak)} ${words.per[1]}.`,
  };
}

function describeMarkers(markers) {
  const count = (kind) => markers.filter((marker) => marker.kind === kind).length;
  return markers.length ? ` Marked: coordinated actions ${count('action')}, results ${count('result')}.` : '';
}

function createTrends(parent, { contract, taskForces, minutes, days, detailed, zone, now }) {
  const titleId = uniqueId('trends');
  const codes = contract.taskForces.map((taskForce) => taskForce.code)
    .filter((code) => taskForces.length === 0 || taskForces.includes(code));
  const live = liveColumns(minutes, days, zone);
  let columns = live;
  const withCharts = chartsAvailable();
  const leftHeading = h('span');
  const rightHeading = h('span');

  const rows = codes.map((code, index) => {
    const info = { ...contract.taskForce(code), ...taskForceLook(code) };
    const lastRow = index === codes.length - 1;
    // Without uPlot (its script failed to load) the totals above each chart still tell the story.
    const chartMissing = withCharts ? null : h('span', { class: 'chart-missing' }, 'chart unavailable');
    const leftHost = h('div', { class: 'chart', role: 'img' }, chartMissing);
    const rightHost = h('div', { class: 'chart', role: 'img' }, chartMissing?.cloneNode(true));
    const row = {
      code, info, leftHost, rightHost,
      leftSum: h('span', { class: 'num', 'data-testid': `trend-sum-${code}` }, '—'),
      rightSum: h('span', { class: 'num' }, '—'),
      leftUnit: h('span', { class: 'unit' }),
      rightUnit: h('span', { class: 'unit' }),
      summary: h('p', { class: 'visually-hidden' }),
    };
    row.figure = h('figure', { class: 'trend-row', 'data-task-force': code, style: { '--tf-colour': info.colour } },
      h('figcaption', { class: 'trend-name' },
        h('span', { class: 'glyph', 'aria-hidden': 'true' }, info.glyph), info.name),
      h('div', { class: 'trend-cell' }, h('p', { class: 'trend-stat' }, row.leftSum, row.leftUnit), leftHost),
      h('div', { class: 'trend-cell' }, h('p', { class: 'trend-stat' }, row.rightSum, row.rightUnit), rightHost),
      row.summary);
    const chartOptions = { colour: info.colour, showXAxis: detailed || lastRow };
    row.leftChart = createSparkline(leftHost, { ...chartOptions, kind: 'line', timeAxis: () => columns.left });
    row.rightChart = createSparkline(rightHost, { ...chartOptions, kind: 'bars', timeAxis: () => columns.right });
    return row;
  });

  function showColumns(next) {
    columns = next;
    leftHeading.textContent = next.left.heading;
    rightHeading.textContent = next.right.heading;
    for (const row of rows) {
      row.leftUnit.textContent = next.left.unit;
      row.rightUnit.textContent = next.right.unit;
      row.leftHost.setAttribute('aria-label', `${row.info.name}: exchanges, ${next.left.heading}`);
      row.rightHost.setAttribute('aria-label', `${row.info.name}: exchanges, ${next.right.heading}`);
    }
  }

  // Draws both charts of every row from two trends (the live ones, or a past period's); a trend
  // not there yet leaves its charts as they are.
  function draw(leftTrend, rightTrend, operations) {
    const left = trendSeries(contract, leftTrend, codes);
    const right = trendSeries(contract, rightTrend, codes);
    rows.forEach((row, index) => {
      const rightMarkers = trendMarkers(operations, row.code, rightTrend, zone);
      if (leftTrend) {
        row.leftChart.setData(left.xs, left.series[index].counts, trendMarkers(operations, row.code, leftTrend, zone));
        showNumber(row.leftSum, left.series[index].sum);
      }
      if (rightTrend) {
        row.rightChart.setData(right.xs, right.series[index].counts, rightMarkers);
        showNumber(row.rightSum, columns.figure(right.series[index]));
      }
      setText(row.summary, columns.describe(row.info.name, left.series[index], right.series[index]) + describeMarkers(rightMarkers));
    });
  }

  // Only the bottom row carries the time axis on the wall, so it gets the extra height for it.
  const rowHeights = detailed || codes.length === 1
    ? `auto repeat(${codes.length}, minmax(0, 1fr))`
    : `auto repeat(${codes.length - 1}, minmax(0, 1fr)) minmax(0, 1.45fr)`;
  const section = h('section', { class: `panel panel-trends${detailed ? ' detailed' : ''}`, 'aria-labelledby': titleId, 'data-period': 'live' },
    h('div', { class: 'panel-head' },
      h('h2', { id: titleId }, 'Task-force activity'),
      h('p', { class: 'legend marker-key' }, `${MARKER_GLYPHS.action} action · ${MARKER_GLYPHS.result} result`)),
    h('div', { class: 'trend-grid', style: { gridTemplateRows: rowHeights } },
      h('div', { class: 'trend-heading', 'aria-hidden': 'true' }, h('span'), leftHeading, rightHeading),
      rows.map((row) => row.figure)));
  parent.append(section);
  showColumns(live);

  let latest = {};
  let past = null;

  // Until a past period's data comes (or when it cannot), nothing of another period is shown.
  function clear() {
    for (const row of rows) {
      row.leftChart.setData([], []);
      row.rightChart.setData([], []);
      showNumber(row.leftSum, NaN);
      showNumber(row.rightSum, NaN);
      row.summary.textContent = '';
    }
  }

  // The period chosen, and when it is a past one, the steps it is drawn in and its trends once
  // they came (null before).
  function onShow(period, steps, trends) {
    past = trends;
    if (period.kind === LIVE_PERIOD.kind) {
      showColumns(live);
      draw(latest.trendMinutes, latest.trendDays, latest.operations);
      return;
    }
    showColumns(pastColumns(period, steps, zone));
    if (past) draw(past.left, past.right, latest.operations);
    else clear();
  }

  const lookingBack = detailed ? createLookBack(section, { codes, spans: keptSpans(contract.kept), zone, now, onShow }) : null;
  return {
    // While a past period is shown the live trends are only kept, for going back to Live; the
    // operations still move its markers.
    update(views) {
      const operationsChanged = views.operations !== latest.operations;
      latest = views;
      // Before the first message the page's "now" is its own clock's; the dates on offer follow the service's.
      lookingBack?.offerDates();
      if (!lookingBack?.isPast()) draw(views.trendMinutes, views.trendDays, views.operations);
      else if (past && operationsChanged) draw(past.left, past.right, views.operations);
    },
  };
}

// The period bar of the task-force view: Live, Day or Week and a date, kept in the address, with
// the loading and error states of a past period and, when it is drawn in coarser steps than
// usual, why. `spans`: how long each step is kept (keptSpans); `zone` and `now`: the center's
// calendar and the service's clock (center-time.js). onShow(period, steps, trends) at each change,
// and again with the trends once they came.
function createLookBack(section, { codes, spans, zone, now, onShow }) {
  const status = h('p', { class: 'period-status', role: 'status' });
  const note = h('p', { class: 'period-note', 'data-testid': 'period-note', hidden: true });
  const retry = h('button', { type: 'button', class: 'period-retry', 'data-testid': 'period-retry', hidden: true }, 'Retry');
  const control = createPeriodControl({ spans, zone, now }, (next) => {
    history.replaceState(history.state, '', `${location.pathname}${periodSearch(location.search, next)}${location.hash}`);
    show(next);
  });
  section.querySelector('.panel-head').after(h('div', { class: 'period-bar' }, control.form, status, note, retry));

  let period = readPeriod(location.search, now(), zone, spans);
  let steps = null;
  const loader = createPeriodLoader({
    base: location.href,
    taskForces: codes,
    zone,
    onState({ state, left, right, message, retryAt }) {
      section.dataset.load = state;
      retry.hidden = state !== 'error';
      const { title } = periodWords(period, steps);
      if (state === 'loading') status.textContent = `Loading ${title}…`;
      if (state === 'error') {
        status.textContent = `Cannot load ${title}: ${message}${retryAt ? `; trying again at ${formatClock(new Date(retryAt), zone.name)}` : ''}`;
      }
      if (state !== 'ready') return;
      status.textContent = `${title} · not live`;
      onShow(period, steps, { left, right });
      section.dataset.period = periodKey(period);
    },
  });
  retry.addEventListener('click', () => loader.load(period, steps));

  function show(next) {
    period = next;
    control.set(period);
    const isLive = period.kind === LIVE_PERIOD.kind;
    section.classList.toggle('looking-back', !isLive);
    // The test hook names a past period only once its data is drawn.
    if (isLive) section.dataset.period = periodKey(period);
    else section.removeAttribute('data-period');
    steps = isLive ? null : periodSteps(period, spans, now(), zone);
    note.textContent = steps?.note ?? '';
    note.hidden = !steps?.note;
    onShow(period, steps, null);
    if (!isLive) {
      loader.load(period, steps);
      return;
    }
    loader.cancel();
    delete section.dataset.load;
    status.textContent = '';
    retry.hidden = true;
  }

  show(period);
  return { isPast: () => period.kind !== LIVE_PERIOD.kind, offerDates: control.offerDates };
}

// Live, Day, Week and the date of the day or the week's first day. A date picked while Live
// means that day; a past kind picked with no date, or with one older than it can show, takes its
// usual one, or its oldest (history.js). The picker offers the dates the kind can show as of
// the moment it is reached for, by pointer or keyboard, in the center's calendar: a page stays
// open for days, and its today moves on at the center's midnight. `now`: the service's clock.
export function createPeriodControl({ spans, zone, now }, choose) {
  const name = uniqueId('period');
  const radios = [['live', 'Live'], ['day', 'Day'], ['week', 'Week']].map(([kind, label]) => ({
    kind,
    label,
    input: h('input', { type: 'radio', name, value: kind, 'data-testid': `period-${kind}` }),
  }));
  const date = h('input', { type: 'date', 'aria-label': `Day, or first day of the week (${zone.timeName})`, 'data-testid': 'period-date' });
  const form = h('form', { class: 'period-choice', 'aria-label': 'Period shown' },
    radios.map(({ input, label }) => h('label', {}, input, label)), date);
  let shown = LIVE_PERIOD;

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const picked = radios.find(({ input }) => input.checked).kind;
    const kind = event.target === date && picked === LIVE_PERIOD.kind ? 'day' : picked;
    if (kind === LIVE_PERIOD.kind) {
      choose(LIVE_PERIOD);
      return;
    }
    const day = pickedDate(kind, date.value, now(), zone, spans);
    // A typed date can still be in the future or not a date at all: the choice stays as it was.
    if (day) choose({ kind, date: day });
    else set(shown);
  });

  function offerDates() {
    const { min, max } = dateBounds(shown.kind, spans, now(), zone);
    date.min = min;
    date.max = max;
  }
  date.addEventListener('focus', offerDates);
  date.addEventListener('pointerdown', offerDates);

  function set(period) {
    shown = period;
    radios.forEach(({ kind, input }) => { input.checked = kind === period.kind; });
    if (period.date) date.value = period.date;
    offerDates();
  }

  return { form, set, offerDates };
}
