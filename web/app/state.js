// The client's copy of the server's views: a snapshot replaces it, a delta overwrites parts of
// it. Values in deltas are absolute, so applying one twice changes nothing. Pure functions: the
// state passed in is never modified, a new one is returned.

export const VIEW_NAMES = ['yearly', 'crimeAreas', 'totals', 'trendMinutes', 'trendDays', 'flows', 'operations'];

// Deltas of a trend do not repeat the step, so it comes from the view's name.
const DEFAULT_STEPS = { trendMinutes: 'PT1M', trendDays: 'P1D' };

export function emptyState() {
  return { subscription: null, views: {} };
}

export function applySnapshot(message) {
  const views = {};
  for (const name of VIEW_NAMES) {
    if (message.views?.[name] !== undefined) views[name] = message.views[name];
  }
  if (views.yearly) views.yearly = sortByYear(views.yearly);
  return { subscription: message.subscription ?? null, views };
}

// Returns the new state and the names of the views that changed, so that only those re-render.
export function applyDelta(state, message) {
  const changes = message.changes ?? {};
  const views = { ...state.views };
  const changed = [];
  for (const name of VIEW_NAMES) {
    const change = changes[name];
    if (change === undefined || change === null) continue;
    views[name] = MERGERS[name](views[name], change, name);
    changed.push(name);
  }
  return { state: { ...state, views }, changed };
}

const MERGERS = {
  yearly: (rows, change) => sortByYear(replaceByKey(rows, change, (row) => row.year)),
  crimeAreas: (rows, change) => replaceByKey(rows, change, (row) => row.crimeArea),
  totals: (totals, change) => ({ ...totals, ...change }),
  trendMinutes: applyTrendDelta,
  trendDays: applyTrendDelta,
  flows: (rows, change) => replaceByKey(rows, change, flowKey),
  operations: (_rows, change) => change,
};

export function flowKey(flow) {
  return `${flow.from}>${flow.to}`;
}

// Changed rows replace the row with the same key in place; new keys are appended.
export function replaceByKey(rows = [], changedRows, keyOf) {
  const changedByKey = new Map(changedRows.map((row) => [keyOf(row), row]));
  const merged = rows.map((row) => {
    const key = keyOf(row);
    if (!changedByKey.has(key)) return row;
    const replacement = changedByKey.get(key);
    changedByKey.delete(key);
    return replacement;
  });
  return [...merged, ...changedByKey.values()];
}

function sortByYear(rows) {
  return [...rows].sort((a, b) => a.year - b.year);
}

// ISO-8601 durations of the trend steps ("PT1M", "PT1H", "P1D"); weeks and months are not used.
export function stepMilliseconds(step) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(step ?? '');
  if (!match) throw new Error(`unsupported step ${step}`);
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

// Moves a trend's window to from..to (to exclusive): steps before `from` fall off, steps beyond
// the old end start at zero, steps in both keep their counts.
export function shiftTrendWindow(trend, from, to) {
  const stepMs = stepMilliseconds(trend.step);
  const oldFrom = Date.parse(trend.from);
  const newFrom = Date.parse(from);
  const length = Math.max(0, Math.round((Date.parse(to) - newFrom) / stepMs));
  const offset = Math.round((newFrom - oldFrom) / stepMs);
  const series = trend.series.map(({ taskForce, counts }) => ({
    taskForce,
    counts: Array.from({ length }, (_, index) => counts[index + offset] ?? 0),
  }));
  return { ...trend, from, to, series };
}

function applyTrendDelta(trend, change, viewName) {
  let next = trend ?? { from: change.from, to: change.to, step: DEFAULT_STEPS[viewName], series: [] };
  if (change.from && change.to && (change.from !== next.from || change.to !== next.to)) {
    next = shiftTrendWindow(next, change.from, change.to);
  }
  const stepMs = stepMilliseconds(next.step);
  const start = Date.parse(next.from);
  const length = Math.round((Date.parse(next.to) - start) / stepMs);
  const series = next.series.map(({ taskForce, counts }) => ({ taskForce, counts: [...counts] }));
  for (const point of change.points ?? []) {
    const index = Math.round((Date.parse(point.t) - start) / stepMs);
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
