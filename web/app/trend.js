// A trend is a window of steps, from (inclusive) to `to` (exclusive), with one count per step for
// each task force: step i starts at from + i * step, but for days, which are the center's (its
// midnights, 23 to 25 hours apart). Every place that turns a time into a step, or a step into a
// time, goes through here.
import { addDays, centerZone } from './center-time.js';

const DAY_MS = 86_400_000;

// ISO-8601 durations of the trend steps ("PT1M", "PT1H", "P1D"); weeks and months are not used.
export function stepMilliseconds(step) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(step ?? '');
  if (!match) throw new Error(`unsupported step ${step}`);
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

// Times in the protocol fall on step starts; rounding keeps one that is a little off on its
// step rather than the one before, and a day that is an hour longer or shorter on its day.
export function stepIndex(trend, time) {
  return Math.round((Date.parse(time) - Date.parse(trend.from)) / stepMilliseconds(trend.step));
}

export function trendLength(trend) {
  return Math.max(0, stepIndex(trend, trend.to));
}

// When each step starts, in Unix milliseconds; days at the midnights of the center's zone.
export function stepStarts(trend, zone = centerZone()) {
  const start = Date.parse(trend.from);
  const stepMs = stepMilliseconds(trend.step);
  if (stepMs !== DAY_MS) return Array.from({ length: trendLength(trend) }, (_, index) => start + index * stepMs);
  const first = zone.date(start);
  return Array.from({ length: trendLength(trend) }, (_, index) => zone.dayStart(addDays(first, index)));
}

// Moves a trend's window to from..to: steps before `from` fall off, steps beyond the old end
// start at zero, steps in both keep their counts.
export function shiftTrendWindow(trend, from, to) {
  const offset = stepIndex(trend, from);
  const length = trendLength({ ...trend, from, to });
  const series = trend.series.map(({ taskForce, counts }) => ({
    taskForce,
    counts: Array.from({ length }, (_, index) => counts[index + offset] ?? 0),
  }));
  return { ...trend, from, to, series };
}

// A trend delta: move the window to from..to, then set each point. Deltas do not repeat the
// step, so a trend that starts from a delta takes the one given.
export function applyTrendDelta(trend, change, step) {
  let next = trend ?? { from: change.from, to: change.to, step, series: [] };
  if (change.from && change.to && (change.from !== next.from || change.to !== next.to)) {
    next = shiftTrendWindow(next, change.from, change.to);
  }
  const length = trendLength(next);
  const series = next.series.map(({ taskForce, counts }) => ({ taskForce, counts: [...counts] }));
  for (const point of change.points ?? []) {
    const index = stepIndex(next, point.t);
    if (!(index >= 0 && index < length)) continue;
    let target = series.find((entry) => entry.taskForce === point.taskForce);
    if (!target) {
      target = { taskForce: point.taskForce, counts: new Array(length).fill(0) };
      series.push(target);
    }
    target.counts[index] = point.count;
  }
  return { ...next, series };
}

// The coordinated actions and results of one task force's operations that fall in a trend's
// window, each at the start of its step, as uPlot's x (Unix seconds): one marker per step and
// kind, so a day with results in five countries shows one ✓. Operations from before the board
// carried `actions` have none.
export function trendMarkers(operations = [], taskForce, trend, zone = centerZone()) {
  if (!trend) return [];
  const start = Date.parse(trend.from);
  const end = Date.parse(trend.to);
  const markers = new Map();
  let starts = null;
  for (const operation of operations.filter((candidate) => candidate.taskForce === taskForce)) {
    const events = [
      ...(operation.actions ?? []).map((at) => ({ kind: 'action', at })),
      ...(operation.results ?? []).map((result) => ({ kind: 'result', at: result.occurredAt })),
    ];
    for (const { kind, at } of events) {
      const time = Date.parse(at);
      if (!(time >= start && time < end)) continue;
      starts ??= stepStarts(trend, zone);
      const x = starts.findLast((stepStart) => stepStart <= time) / 1000;
      markers.set(`${kind} ${x}`, { kind, x });
    }
  }
  return [...markers.values()].sort((a, b) => a.x - b.x || a.kind.localeCompare(b.kind));
}
