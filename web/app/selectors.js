// What each panel shows, derived from the views. Pure, so the ordering and filtering rules are
// tested in Node and the render code only draws.
import { contractZone } from './center-time.js';
import { stepStarts } from './trend.js';

const YEARLY_COLUMNS = [
  { key: 'membersDaily', label: 'Among members, daily' },
  { key: 'membersOperations', label: 'Among members, regional operations' },
  { key: 'memberObserverDaily', label: 'Members–observers, daily' },
  { key: 'memberObserverOperations', label: 'Members–observers, operations', optional: true },
  { key: 'total', label: 'Total' },
];

// The seed's history (2006-2008) is always shown, and so is the current year, last and marked as
// still counting. Between them come the most recent other years, as many as fit (at most
// MAX_RECENT_YEARS): the view says how many fit. The years left out are counted, not scrolled to.
export const SEED_LAST_YEAR = 2008;
export const MAX_RECENT_YEARS = 3;

// The seed's table, with the members-observers operations column only when some year has any.
// `omitted` counts the other years left out; they sit between the history and the recent years.
export function yearlyTable(rows = [], currentYear = null, recentThatFit = MAX_RECENT_YEARS) {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const history = sorted.filter((row) => row.year <= SEED_LAST_YEAR);
  const live = sorted.filter((row) => row.year === currentYear && row.year > SEED_LAST_YEAR);
  const others = sorted.filter((row) => row.year > SEED_LAST_YEAR && row.year !== currentYear);
  const recentCount = Math.max(0, Math.min(MAX_RECENT_YEARS, Math.floor(recentThatFit) || 0, others.length));
  const recent = others.slice(others.length - recentCount);
  const left = others.slice(0, others.length - recentCount);
  const shown = [...history, ...recent, ...live];
  const columns = YEARLY_COLUMNS.filter((column) => !column.optional || sorted.some((row) => row[column.key] > 0));
  return {
    columns,
    rows: shown.map((row) => ({ ...row, live: row.year === currentYear })),
    omitted: left.length === 0 ? null : {
      count: left.length,
      years: left.map((row) => row.year),
      // The muted "more years" line goes right after the history rows.
      afterIndex: history.length,
    },
  };
}

export function omittedYearsText(count) {
  return `… ${count} more ${count === 1 ? 'year' : 'years'}`;
}

// Every crime area of the shown task forces, in the contract's order, zeros where no row came
// yet; an area the contract does not know yet still shows, under its code.
export function crimeAreaRows(contract, rows = [], taskForces = []) {
  const byCode = new Map(rows.map((row) => [row.crimeArea, row]));
  const shows = (taskForce) => taskForces.length === 0 || taskForces.includes(taskForce);
  const known = new Set(contract.crimeAreas.map((area) => area.code));
  const extra = rows
    .filter((row) => !known.has(row.crimeArea) && shows(row.taskForce))
    .map((row) => ({ code: row.crimeArea, name: row.crimeArea, taskForce: row.taskForce }));
  const result = [...contract.crimeAreas.filter((area) => shows(area.taskForce)), ...extra].map((area) => ({
    ...area,
    requests: byCode.get(area.code)?.requests ?? 0,
    information: byCode.get(area.code)?.information ?? 0,
  }));
  return {
    rows: result,
    maxRequests: Math.max(0, ...result.map((row) => row.requests)),
    maxInformation: Math.max(0, ...result.map((row) => row.information)),
  };
}

// The matrix of today's flows: the parties that sent or received anything, members first.
export function flowMatrix(contract, flows = []) {
  const active = flows.filter((flow) => flow.count > 0);
  const parties = [...new Set(active.flatMap((flow) => [flow.from, flow.to]))].sort(contract.compareParties);
  const pair = (from, to) => `${from}>${to}`;
  const counts = new Map(active.map((flow) => [pair(flow.from, flow.to), flow.count]));
  const max = Math.max(0, ...active.map((flow) => flow.count));
  const total = active.reduce((sum, flow) => sum + flow.count, 0);
  return { parties, max, total, countOf: (from, to) => counts.get(pair(from, to)) ?? 0 };
}

// The wall's matrix: the members that sent or received anything today, and `others`, the sum of
// every exchange that is not member to member (a non-member at either end), which the map
// draws. The members' cells and `others` add up to `total`.
export function memberFlowMatrix(contract, flows = []) {
  const all = flowMatrix(contract, flows);
  const parties = all.parties.filter((code) => contract.isMember(code));
  const cells = parties.flatMap((from) => parties.map((to) => all.countOf(from, to)));
  const amongMembers = cells.reduce((sum, count) => sum + count, 0);
  return {
    parties,
    max: Math.max(0, ...cells),
    total: all.total,
    others: all.total - amongMembers,
    countOf: all.countOf,
  };
}

// The server sends the board in its display order; only the task forces are chosen here.
export function operationsBoard(operations = [], taskForces = []) {
  return operations.filter((operation) => taskForces.length === 0 || taskForces.includes(operation.taskForce));
}

// One series per shown task force, in the contract's order, with x in Unix seconds (what uPlot
// expects) and the numbers the labels and the screen-reader summaries need.
export function trendSeries(contract, trend, taskForces = []) {
  const codes = contract.taskForces.map((taskForce) => taskForce.code)
    .filter((code) => taskForces.length === 0 || taskForces.includes(code));
  if (!trend) return { xs: [], series: codes.map((code) => ({ taskForce: code, counts: [], sum: 0, peak: 0, latest: 0 })) };
  const xs = stepStarts(trend, contractZone(contract)).map((milliseconds) => milliseconds / 1000);
  const series = codes.map((code) => {
    const found = trend.series.find((entry) => entry.taskForce === code);
    const counts = xs.map((_, index) => found?.counts[index] ?? 0);
    return {
      taskForce: code,
      counts,
      sum: counts.reduce((total, count) => total + count, 0),
      peak: Math.max(0, ...counts),
      latest: counts.length ? counts[counts.length - 1] : 0,
    };
  });
  return { xs, series };
}
