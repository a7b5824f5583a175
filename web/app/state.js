// The client's copy of the server's views: a snapshot replaces it, a delta overwrites parts of
// it, each view by the merge rule the contract gives it. Values in deltas are absolute, so
// applying one twice changes nothing. Pure functions: the state passed in is never modified, a
// new one is returned.
import { applyTrendDelta } from './trend.js';

export function emptyState() {
  return { subscription: null, views: {} };
}

export function applySnapshot(message) {
  return { subscription: message.subscription ?? null, views: { ...message.views } };
}

// contractViews: the contract's views ({name, merge, key, step, value}). Returns the new state and the
// names of the views that changed, so that only those re-render. A view the contract does not
// know, or whose rule this page does not know, is left out: a newer server must not break an
// older page.
export function applyDelta(state, message, contractViews) {
  const views = { ...state.views };
  const changed = [];
  for (const [name, change] of Object.entries(message.changes ?? {})) {
    const view = contractViews.find((candidate) => candidate.name === name);
    const merge = MERGES.get(view?.merge);
    if (change === undefined || change === null || !merge) continue;
    views[name] = merge(views[name], change, view);
    changed.push(name);
  }
  return { state: { ...state, views }, changed };
}

const MERGES = new Map([
  ['rows', (rows, change, view) => replaceByKey(rows, change, rowKey(view.key))],
  ['matrix', (rows, change, view) => replaceByKey(rows, matrixRows(change, view), rowKey(view.key))],
  ['fields', (value, change) => ({ ...value, ...change })],
  ['trend', (trend, change, view) => applyTrendDelta(trend, change, view.step)],
  ['whole', (_value, change) => change],
]);

// The identity of a row of a `rows` view: the values of its key fields.
export function rowKey(fields) {
  return (row) => JSON.stringify(fields.map((field) => row[field]));
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

// The rows a `matrix` delta sets: {first: {second: value}} under the view's two key fields and its
// value field, e.g. {RO: {BG: 13}} with key [from, to] and value count is {from: RO, to: BG, count: 13}.
export function matrixRows(change, view) {
  const [first, second] = view.key;
  return Object.entries(change).flatMap(([firstKey, cells]) => Object.entries(cells)
    .map(([secondKey, value]) => ({ [first]: firstKey, [second]: secondKey, [view.value]: value })));
}
