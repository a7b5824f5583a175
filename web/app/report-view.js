// The annual report (/report?year=Y): the center's yearly document, the seed's two tables first.
// Everything here but the two render functions is pure: the year comes from the address, the
// answers are read into outcomes, and each table is a model (rows of cells with their text and
// test hooks), so every number and sentence is tested in Node. report.js only fetches and renders.
import { centerZone, contractZone } from './center-time.js';
import { createContract } from './contract.js';
import { h } from './dom.js';
import { direction, formatInteger } from './format.js';
import { crimeAreaRows } from './selectors.js';

// The years the page asks for at all; the server decides which of them it has a report for.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MISSING = '—';
const MINUS = '\u2212';
// The same narrow no-break space format.js puts before a percent sign.
const PERCENT = '\u202F%';
// A change is read by its sign and arrow, never by its colour alone: the report is printed in black.
export const CHANGE_GLYPHS = { up: '▲', down: '▼', flat: '▬' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The seed's "Total exchanges" rows, labelled as on the wall; members–observers in operations only
// shows when either year has any.
const SCOPE_ROWS = [
  { key: 'membersDaily', label: 'Among members, daily' },
  { key: 'membersOperations', label: 'Among members, regional operations' },
  { key: 'memberObserverDaily', label: 'Members–observers, daily' },
  { key: 'memberObserverOperations', label: 'Members–observers, regional operations', optional: true },
];

// Quarkus answers a request marked as the page's own script with 499 once the sign-in session
// cannot be renewed (see session.js); 401 and a redirect to the provider mean the same.
const SESSION_GONE = 499;
const UNAUTHORIZED = 401;
const FORBIDDEN = 403;
const BAD_REQUEST = 400;

// ?year=2008: four digits within MIN_YEAR..MAX_YEAR; anything else (absent, "abc", 20081, 1850)
// is null, the center's current year, which only the contract's zone can tell (loadReport).
export function readReportYear(search) {
  const text = new URLSearchParams(search ?? '').get('year')?.trim() ?? '';
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

// Every address relative to the page's own (it is /report), so the service may sit under a prefix.
function contractUrl(base) {
  return new URL('api/v1/contract', base).href;
}

export function reportUrls(year, base) {
  return {
    contract: contractUrl(base),
    report: new URL(`api/v1/reports/${year}`, base).href,
    csv: new URL(`api/v1/reports/${year}.csv`, base).href,
  };
}

export function yearHref(year, base) {
  return new URL(`?year=${year}`, base).href;
}

// "+1 613", "−88", "±0": a count's change with its sign always written.
export function formatSignedInteger(value) {
  if (!Number.isFinite(value)) return MISSING;
  if (Math.round(value) === 0) return '±0';
  return value > 0 ? `+${formatInteger(value)}` : formatInteger(value);
}

// "+21.3 %": one decimal, as a printed report states it (the wall rounds harder, format.js).
export function formatPercentChange(current, previous) {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return MISSING;
  const percent = ((current - previous) / previous) * 100;
  const text = Math.abs(percent).toFixed(1);
  if (Number(text) === 0) return `±0.0${PERCENT}`;
  return `${percent > 0 ? '+' : MINUS}${text}${PERCENT}`;
}

// "10.3 %" of the whole; a whole of nothing has no shares.
export function formatShare(part, whole) {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return MISSING;
  return `${((100 * part) / whole).toFixed(1)}${PERCENT}`;
}

// "28 Nov 2026, 16:03 EET": the time the counts were read, in the center's time zone.
export function formatTimestamp(milliseconds, zone) {
  if (!Number.isFinite(milliseconds)) return MISSING;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone.name }).format(milliseconds);
  return `${day}, ${zone.clock(milliseconds)}`;
}

function numberCell(value, testId) {
  const known = Number.isFinite(value);
  return { text: formatInteger(value), numeric: true, value: known ? value : null, testId: testId ?? null };
}

// The change against a previous count: the absolute change (with its arrow) and the percentage.
// A previous of zero, or none, is nothing to compare with: both read "—", with no arrow.
export function changeCells(current, previous) {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) {
    return [{ text: MISSING, numeric: true }, { text: MISSING, numeric: true }];
  }
  const way = direction(current, previous);
  return [
    { text: formatSignedInteger(current - previous), numeric: true, value: current - previous, glyph: CHANGE_GLYPHS[way], direction: way },
    { text: formatPercentChange(current, previous), numeric: true, direction: way },
  ];
}

function count(source, key) {
  const value = source?.[key];
  return Number.isFinite(value) ? value : 0;
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function comparisonColumns(year) {
  return [
    { label: String(year), numeric: true },
    { label: String(year - 1), numeric: true },
    { label: 'Change', numeric: true },
    { label: 'Change %', numeric: true },
  ];
}

/**
 * The seed's "Total exchanges" table for the year and the one before.
 * A year without counts (totals null) reads as zeros; a previous year without counts as "—".
 */
export function scopeTable(report) {
  const { year, totals, previousTotals } = report;
  const previousKnown = previousTotals !== null && previousTotals !== undefined;
  const shown = SCOPE_ROWS.filter((row) => !row.optional || count(totals, row.key) > 0 || count(previousTotals, row.key) > 0);
  const totalOf = (source) => (Number.isFinite(source?.total) ? source.total : sum(SCOPE_ROWS.map((row) => count(source, row.key))));

  const row = ({ label, testId, current, previous, previousTestId, total = false }) => ({
    testId,
    total,
    cells: [
      { text: label, header: true },
      numberCell(current, total ? 'report-total' : null),
      previousKnown ? numberCell(previous, previousTestId) : { text: MISSING, numeric: true },
      ...changeCells(current, previousKnown ? previous : null),
    ],
  });

  return {
    id: 'scope',
    caption: `Exchanges in ${year} and ${year - 1}, by scope (among members, or between members and observers) and channel`,
    columns: [{ label: 'Exchanges' }, ...comparisonColumns(year)],
    rows: shown.map(({ key, label }) => row({
      label, testId: `report-scope-${key}`, current: count(totals, key), previous: count(previousTotals, key),
    })),
    totals: row({
      label: 'Total', testId: 'report-scope-total', current: totalOf(totals), previous: totalOf(previousTotals),
      previousTestId: 'report-total-previous', total: true,
    }),
    notes: previousKnown ? [] : [`No counts for ${year - 1} in the history: nothing to compare with.`],
  };
}

// Whether a previous year's rows hold any count: the history has crime areas and task forces for
// 2008 only, so the server's zeros for 2007 mean "not kept", and print as "—" rather than 0.
function anyCount(rows, keys) {
  return (rows ?? []).some((row) => keys.some((key) => count(row, key) > 0));
}

/**
 * The seed's "Requests and information exchanges" table: every crime area in the contract's
 * order (an area it does not know yet still shows, under its code), its task force, the share of
 * the table's total, and the change of its total against the year before.
 */
export function crimeAreaTable(report, contract) {
  const { year } = report;
  const { rows } = crimeAreaRows(contract, report.crimeAreas ?? []);
  const previousByCode = new Map((report.previousCrimeAreas ?? []).map((row) => [row.crimeArea, row]));
  const previousKnown = anyCount(report.previousCrimeAreas, ['requests', 'information']);
  const previousOf = (code) => count(previousByCode.get(code), 'requests') + count(previousByCode.get(code), 'information');
  const taskForceName = (code) => contract.taskForce(code)?.name ?? code ?? MISSING;

  const requests = sum(rows.map((row) => row.requests));
  const information = sum(rows.map((row) => row.information));
  const whole = requests + information;
  const previousWhole = sum(rows.map((row) => previousOf(row.code)));

  const comparison = (current, previous) => [
    previousKnown ? numberCell(previous) : { text: MISSING, numeric: true },
    ...changeCells(current, previousKnown ? previous : null),
  ];

  return {
    id: 'crime-areas',
    caption: `Requests and information exchanges in ${year} by crime area; the share is of the table's total`,
    columns: [
      { label: 'Crime area' }, { label: 'Task force' },
      { label: 'Requests', numeric: true }, { label: 'Information', numeric: true }, { label: 'Total', numeric: true },
      { label: 'Share', numeric: true },
      { label: `${year - 1} total`, numeric: true }, { label: 'Change', numeric: true }, { label: 'Change %', numeric: true },
    ],
    rows: rows.map((row) => {
      const total = row.requests + row.information;
      return {
        testId: `report-crime-${row.code}`,
        cells: [
          { text: row.name, header: true },
          { text: taskForceName(row.taskForce) },
          numberCell(row.requests, `report-crime-${row.code}-requests`),
          numberCell(row.information, `report-crime-${row.code}-information`),
          numberCell(total, `report-crime-${row.code}-total`),
          { text: formatShare(total, whole), numeric: true },
          ...comparison(total, previousOf(row.code)),
        ],
      };
    }),
    totals: {
      testId: 'report-crime-totals',
      total: true,
      cells: [
        { text: 'All crime areas', header: true },
        { text: '' },
        numberCell(requests, 'report-crime-totals-requests'),
        numberCell(information, 'report-crime-totals-information'),
        numberCell(whole, 'report-crime-totals-total'),
        { text: formatShare(whole, whole), numeric: true },
        ...comparison(whole, previousWhole),
      ],
    },
    notes: previousKnown ? [] : [`By crime area: not in the history for ${year - 1}.`],
  };
}

// The task forces in the contract's order, then any the report names that the contract does not.
function taskForceRows(report, contract) {
  const byCode = new Map((report.taskForces ?? []).map((row) => [row.taskForce, row]));
  const known = new Set(contract.taskForces.map((taskForce) => taskForce.code));
  const extra = (report.taskForces ?? []).filter((row) => !known.has(row.taskForce))
    .map((row) => ({ code: row.taskForce, name: row.taskForce }));
  return [...contract.taskForces, ...extra].map(({ code, name }) => ({ code, name, row: byCode.get(code) ?? null }));
}

/** Each task force's year against the year before, with a total row. */
export function taskForceTable(report, contract) {
  const { year } = report;
  const rows = taskForceRows(report, contract);
  const previousKnown = anyCount(report.taskForces, ['previousTotal']);
  const line = ({ testId, label, current, previous, total = false }) => ({
    testId,
    total,
    cells: [
      { text: label, header: true },
      numberCell(current, `${testId}-total`),
      previousKnown ? numberCell(previous) : { text: MISSING, numeric: true },
      ...changeCells(current, previousKnown ? previous : null),
    ],
  });
  return {
    id: 'task-forces',
    caption: `Exchanges in ${year} and ${year - 1} by task force`,
    columns: [{ label: 'Task force' }, ...comparisonColumns(year)],
    rows: rows.map(({ code, name, row }) => line({
      testId: `report-task-force-${code}`, label: name, current: count(row, 'total'), previous: count(row, 'previousTotal'),
    })),
    totals: line({
      testId: 'report-task-force-totals',
      label: 'All task forces',
      current: sum(rows.map(({ row }) => count(row, 'total'))),
      previous: sum(rows.map(({ row }) => count(row, 'previousTotal'))),
      total: true,
    }),
    notes: previousKnown ? [] : [`By task force: not in the history for ${year - 1}.`],
  };
}

function monthCounts(months) {
  return MONTHS.map((_, index) => count(months, index));
}

/**
 * The year's month-by-month table (January first, the center's months), or null when the history
 * keeps only the year's totals (monthsKept false): then monthsNote says so in one line.
 */
export function monthTable(report, contract) {
  if (!report.monthsKept) return null;
  const rows = taskForceRows(report, contract).map(({ code, name, row }) => ({ code, name, months: monthCounts(row?.months) }));
  const totals = MONTHS.map((_, index) => sum(rows.map((row) => row.months[index])));
  return {
    id: 'months',
    caption: `Exchanges in ${report.year} by task force and month (${contractZone(contract).timeName})`,
    columns: [{ label: 'Task force' }, ...MONTHS.map((month) => ({ label: month, numeric: true }))],
    rows: rows.map((row) => ({
      testId: `report-months-${row.code}`,
      cells: [{ text: row.name, header: true }, ...row.months.map((value) => numberCell(value))],
    })),
    totals: {
      testId: 'report-months-totals',
      total: true,
      cells: [{ text: 'All task forces', header: true }, ...totals.map((value) => numberCell(value))],
    },
    notes: [],
  };
}

export function monthsNote(report) {
  return report.monthsKept ? null : `By month: not in the history for ${report.year}.`;
}

function hasCounts(report) {
  return count(report.totals, 'total') > 0
    || anyCount(report.crimeAreas, ['requests', 'information'])
    || anyCount(report.taskForces, ['total']);
}

/**
 * The whole page: title, subtitle, links and the three sections in the report's order.
 *
 * @param report   GET api/v1/reports/{year}
 * @param contract createContract(GET api/v1/contract)
 * @param options.asOf        when the counts were read (ms since the epoch)
 * @param options.currentYear the center's current year (loadReport): the next-year link stops there
 * @param options.base        the page's address, for the links
 */
export function reportPage(report, contract, { asOf, currentYear, base }) {
  const { year } = report;
  const asOfText = formatTimestamp(asOf, contractZone(contract));
  const months = monthTable(report, contract);
  return {
    year,
    documentTitle: `Annual report ${year} · Exchange Pulse`,
    title: `Exchange Pulse · Annual report ${year}`,
    subtitle: `Generated ${asOfText}${year === currentYear ? ' · the year is still counting' : ''}`,
    csvHref: reportUrls(year, base).csv,
    csvName: `exchange-pulse-report-${year}.csv`,
    previous: year > MIN_YEAR ? { year: year - 1, href: yearHref(year - 1, base) } : null,
    next: year < Math.min(currentYear, MAX_YEAR) ? { year: year + 1, href: yearHref(year + 1, base) } : null,
    emptyNote: hasCounts(report) ? null : `No exchanges were counted in ${year}: the tables show zeros.`,
    sections: [
      { id: 'scope', title: 'Total exchanges by scope and channel', tables: [scopeTable(report)], notes: [] },
      { id: 'crime-areas', title: 'Requests and information exchanges by crime area', tables: [crimeAreaTable(report, contract)], notes: [] },
      {
        id: 'task-forces',
        title: 'Task-force activity',
        tables: [taskForceTable(report, contract), months].filter(Boolean),
        notes: months ? [] : [monthsNote(report)],
      },
    ],
    footer: `Exchange Pulse, counts as of ${asOfText}`,
  };
}

// ---------- Loading ----------

// What went wrong, as a kind the page has a sentence for: forbidden (a task-force leader: the
// report counts the whole center), rejected (400: the server's detail), signedOut, network,
// server (any other answer) or unreadable (an answer of the wrong shape).
async function fetchJson(fetch, url, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' },
      credentials: 'same-origin',
      // A redirect can only be to the provider's sign-in page: the session is gone.
      redirect: 'manual',
      cache: 'no-store',
      signal: controller.signal,
    });
  } catch (error) {
    clearTimeout(timer);
    return { failure: { kind: 'network', detail: error?.message ?? String(error) } };
  }
  try {
    if (response.type === 'opaqueredirect' || response.status === SESSION_GONE || response.status === UNAUTHORIZED) {
      return { failure: { kind: 'signedOut', status: response.status } };
    }
    if (!response.ok) {
      const detail = await problemDetail(response);
      if (response.status === FORBIDDEN) return { failure: { kind: 'forbidden', status: FORBIDDEN, detail } };
      if (response.status === BAD_REQUEST) return { failure: { kind: 'rejected', status: BAD_REQUEST, detail } };
      return { failure: { kind: 'server', status: response.status, detail } };
    }
    const date = Date.parse(response.headers?.get?.('date') ?? '');
    return { json: await response.json(), date: Number.isNaN(date) ? null : date };
  } catch (error) {
    return { failure: { kind: controller.signal.aborted ? 'network' : 'unreadable', detail: error?.message ?? String(error) } };
  } finally {
    clearTimeout(timer);
  }
}

// The detail of an RFC 9457 problem (application/problem+json), or null.
async function problemDetail(response) {
  try {
    const body = await response.json();
    return typeof body?.detail === 'string' && body.detail.trim() ? body.detail.trim() : null;
  } catch {
    return null;
  }
}

function looksLikeReport(json, year) {
  return json !== null && typeof json === 'object' && json.year === year
    && Array.isArray(json.crimeAreas) && Array.isArray(json.taskForces);
}

/**
 * Fetches the contract and the year's report together; without a year, the contract first, whose
 * zone says which year the center is in.
 *
 * @param options.year  the address's year, or null for the center's current one
 * @returns a promise of {state: 'ready', year, currentYear, contract, report, asOf} or {state:
 *          'error', year, currentYear, failure}; it never rejects. asOf is the report's generatedAt
 *          if the server sends one, else the time its answer was dated (the Date header), else now;
 *          currentYear is the center's year at asOf (or now), in the contract's zone.
 */
export async function loadReport({
  year,
  base,
  fetch = (...args) => globalThis.fetch(...args),
  now = () => Date.now(),
  // A service that never answers must not leave the page on "Loading" for good.
  timeoutMs = 20_000,
}) {
  const contractRequest = fetchJson(fetch, contractUrl(base), timeoutMs);
  // A contract that did not come leaves the zone to UTC: only for a failure's words.
  const zoneOf = ({ json }) => centerZone(json?.zone ?? 'UTC');
  const shown = year ?? zoneOf(await contractRequest).year(now());
  const [contractAnswer, reportAnswer] = await Promise.all([contractRequest, fetchJson(fetch, reportUrls(shown, base).report, timeoutMs)]);
  const failed = (failure) => ({ state: 'error', year: shown, currentYear: zoneOf(contractAnswer).year(now()), failure });
  // The report's refusal is the more telling one (a leader may read the contract, not the report).
  if (reportAnswer.failure) return failed(reportAnswer.failure);
  if (contractAnswer.failure) return failed(contractAnswer.failure);
  let contract;
  try {
    contract = createContract(contractAnswer.json);
  } catch (error) {
    return failed({ kind: 'unreadable', detail: error.message });
  }
  if (!looksLikeReport(reportAnswer.json, shown)) {
    return failed({ kind: 'unreadable', detail: `the answer is not the report for ${shown}` });
  }
  const generatedAt = Date.parse(reportAnswer.json.generatedAt ?? '');
  const asOf = Number.isNaN(generatedAt) ? reportAnswer.date ?? now() : generatedAt;
  return { state: 'ready', year: shown, currentYear: zoneOf(contractAnswer).year(asOf), contract, report: reportAnswer.json, asOf };
}

/**
 * One sentence for a failure, and the one thing to do about it.
 * action: {kind: 'retry'|'link', text, href}, or null.
 */
export function failureView(failure, { year, currentYear, base }) {
  const retry = { kind: 'retry', text: 'Try again', href: yearHref(year, base) };
  switch (failure.kind) {
    case 'forbidden':
      return {
        kind: failure.kind,
        message: 'The annual report counts the whole center’s exchanges, and your sign-in is for a task force’s counts only.',
        action: { kind: 'link', text: 'Back to the dashboard', href: new URL('./', base).href },
      };
    case 'rejected':
      return {
        kind: failure.kind,
        message: failure.detail ?? `There is no report for ${year}.`,
        action: year === currentYear ? null : { kind: 'link', text: `Show ${currentYear}`, href: yearHref(currentYear, base) },
      };
    case 'signedOut':
      return {
        kind: failure.kind,
        message: 'Your sign-in has ended; sign in again to see the report.',
        // Loading the page itself goes through the provider's sign-in and back here.
        action: { kind: 'link', text: 'Sign in again', href: yearHref(year, base) },
      };
    case 'network':
      return { kind: failure.kind, message: `Exchange Pulse cannot be reached, so the report for ${year} cannot be shown.`, action: retry };
    case 'unreadable':
      return { kind: failure.kind, message: `Exchange Pulse's answer cannot be read as the report for ${year}.`, action: retry };
    default:
      return {
        kind: 'server',
        message: failure.detail ?? `Exchange Pulse could not make the report for ${year} (HTTP ${failure.status}).`,
        action: retry,
      };
  }
}

// ---------- Rendering ----------

function renderCell(cell) {
  const classes = [cell.numeric ? 'num' : null, cell.direction ? `change-${cell.direction}` : null].filter(Boolean).join(' ');
  return h(cell.header ? 'th' : 'td', {
    scope: cell.header ? 'row' : null,
    class: classes || null,
    'data-testid': cell.testId ?? null,
    'data-value': Number.isFinite(cell.value) ? cell.value : null,
    'data-direction': cell.direction ?? null,
  },
  cell.glyph ? h('span', { class: 'glyph', 'aria-hidden': 'true' }, cell.glyph) : null,
  cell.text);
}

function renderRow(row) {
  return h('tr', { class: row.total ? 'total' : null, 'data-testid': row.testId ?? null }, row.cells.map(renderCell));
}

// The totals row closes the body rather than sitting in a tfoot: print repeats a tfoot on every page.
// Returns the table's frame followed by its notes (dom.js's h flattens one level only).
export function renderTable(table) {
  const element = h('table', { class: `report-table report-table-${table.id}`, 'data-testid': `report-table-${table.id}` },
    h('caption', {}, table.caption),
    h('thead', {}, h('tr', {}, table.columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)))),
    h('tbody', {}, table.rows.map(renderRow), table.totals ? renderRow(table.totals) : null));
  return [h('div', { class: 'table-frame' }, element), ...table.notes.map((note) => h('p', { class: 'note' }, note))];
}

// replaceChildren would write a null out as the text "null".
function fill(root, ...children) {
  root.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
}

function setState(root, state) {
  root.setAttribute('data-state', state);
  root.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

// year: null while the center's current year is still being found.
export function renderLoading(root, year) {
  fill(root,
    h('h1', {}, `Exchange Pulse · Annual report${year === null ? '' : ` ${year}`}`),
    h('p', { class: 'subtitle', role: 'status' }, 'Loading the report…'));
  setState(root, 'loading');
}

/** Draws reportPage's model into root and marks it data-state="ready". */
export function renderReportPage(root, page) {
  const navigation = h('nav', { class: 'report-actions no-print', 'aria-label': 'Report' },
    page.previous ? h('a', { href: page.previous.href, rel: 'prev', 'data-testid': 'report-previous-year' }, `← ${page.previous.year}`) : null,
    page.next ? h('a', { href: page.next.href, rel: 'next', 'data-testid': 'report-next-year' }, `${page.next.year} →`) : null,
    h('a', { class: 'download', href: page.csvHref, download: page.csvName, type: 'text/csv', 'data-testid': 'report-csv' }, 'Download CSV'));
  fill(root,
    h('header', { class: 'report-header' },
      h('div', {},
        h('h1', {}, page.title),
        h('p', { class: 'subtitle', 'data-testid': 'report-generated' }, page.subtitle)),
      navigation),
    page.emptyNote ? h('p', { class: 'note note-empty', 'data-testid': 'report-empty' }, page.emptyNote) : null,
    page.sections.map((section) => h('section', {
      class: 'report-section', id: `section-${section.id}`, 'aria-labelledby': `title-${section.id}`, 'data-testid': `report-section-${section.id}`,
    },
    h('h2', { id: `title-${section.id}` }, section.title),
    section.tables.flatMap(renderTable),
    section.notes.map((note) => h('p', { class: 'note', 'data-testid': `report-note-${section.id}` }, note)))),
    h('footer', { class: 'report-footer' }, page.footer));
  setState(root, 'ready');
}

/** Draws failureView's sentence and action into root and marks it data-state="error". */
export function renderFailure(root, view, { year, onRetry = null } = {}) {
  let action = null;
  if (view.action) {
    action = h('a', { href: view.action.href, 'data-testid': view.action.kind === 'retry' ? 'report-retry' : 'report-action' }, view.action.text);
    if (view.action.kind === 'retry' && onRetry) {
      action.addEventListener('click', (event) => {
        event.preventDefault();
        onRetry();
      });
    }
  }
  fill(root,
    h('h1', {}, `Exchange Pulse · Annual report ${year}`),
    h('p', { class: 'failure', role: 'alert', 'data-testid': 'report-error', 'data-kind': view.kind }, view.message),
    action ? h('p', { class: 'failure-action' }, action) : null);
  setState(root, 'error');
}
