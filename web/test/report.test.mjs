import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centerZone } from '../app/center-time.js';
import { createContract } from '../app/contract.js';
import {
  changeCells, crimeAreaTable, failureView, formatPercentChange, formatShare, formatSignedInteger, formatTimestamp,
  loadReport, monthTable, monthsNote, readReportYear, renderFailure, renderReportPage, reportPage, reportUrls,
  scopeTable, taskForceTable,
} from '../app/report-view.js';
import { FakeElement, withFakeDom } from './support/fake-dom.mjs';
import { SIGN_IN, leaderCaller, wallCaller } from './support/signed-in.mjs';

const NNBSP = '\u202F';
const MINUS = '\u2212';

// The contract's task forces and crime areas, in the server's order (TaskForce and CrimeArea).
const TASK_FORCES = [
  { code: 'DRUGS', name: 'Drug trafficking' },
  { code: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', name: 'Human trafficking & illegal immigration' },
  { code: 'SMUGGLING_CUSTOMS_FRAUD', name: 'Smuggling & customs fraud' },
  { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles' },
  { code: 'FINANCIAL_COMPUTER_CRIME', name: 'Financial & computer crime' },
  { code: 'TERRORISM', name: 'Terrorism' },
  { code: 'CONTAINER_SECURITY', name: 'Container security' },
  { code: 'ENVIRONMENT_NATURE', name: 'Environment & nature' },
];
const CRIME_AREAS = [
  { code: 'HUMAN_TRAFFICKING', name: 'Human trafficking (THB)', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
  { code: 'ILLEGAL_IMMIGRATION', name: 'Illegal immigration', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
  { code: 'DRUG_TRAFFICKING', name: 'Drug trafficking', taskForce: 'DRUGS' },
  { code: 'SMUGGLING_CUSTOMS_FRAUD', name: 'Smuggling & customs fraud', taskForce: 'SMUGGLING_CUSTOMS_FRAUD' },
  { code: 'COUNTERFEIT_CURRENCY', name: 'Counterfeit currency', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
  { code: 'MONEY_LAUNDERING', name: 'Money laundering', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
  { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles', taskForce: 'STOLEN_VEHICLES' },
  { code: 'TERRORISM', name: 'Terrorism', taskForce: 'TERRORISM' },
  { code: 'CONTAINER_SECURITY', name: 'Container security', taskForce: 'CONTAINER_SECURITY' },
  { code: 'ECONOMIC_CRIME', name: 'Economic crimes', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
  { code: 'ENVIRONMENTAL_CRIME', name: 'Environmental crime', taskForce: 'ENVIRONMENT_NATURE' },
];
const CONTRACT_JSON = {
  taskForces: TASK_FORCES,
  crimeAreas: CRIME_AREAS,
  parties: [{ code: 'RO', name: 'Romania', role: 'MEMBER' }],
  operationStatuses: [],
  operationKinds: [],
  seizures: [],
  views: [{ name: 'totals', merge: 'fields' }],
  caller: wallCaller(TASK_FORCES.map((taskForce) => taskForce.code)),
  signIn: SIGN_IN,
};
const contract = createContract(CONTRACT_JSON);

// The seed's 2008 table, requests and information per crime area (DOMAIN.md).
const SEED_2008 = {
  HUMAN_TRAFFICKING: [58, 8],
  ILLEGAL_IMMIGRATION: [92, 87],
  DRUG_TRAFFICKING: [112, 1352],
  SMUGGLING_CUSTOMS_FRAUD: [274, 6061],
  COUNTERFEIT_CURRENCY: [11, 39],
  MONEY_LAUNDERING: [29, 26],
  STOLEN_VEHICLES: [40, 13],
  TERRORISM: [5, 1],
  CONTAINER_SECURITY: [3, 1],
  ECONOMIC_CRIME: [52, 4],
  ENVIRONMENTAL_CRIME: [0, 0],
};

function crimeAreaRowsOf(counts) {
  return CRIME_AREAS.map((area) => ({
    crimeArea: area.code, taskForce: area.taskForce, requests: counts[area.code]?.[0] ?? 0, information: counts[area.code]?.[1] ?? 0,
  }));
}

function taskForceTotals(counts) {
  const totals = Object.fromEntries(TASK_FORCES.map((taskForce) => [taskForce.code, 0]));
  for (const area of CRIME_AREAS) totals[area.taskForce] += (counts[area.code]?.[0] ?? 0) + (counts[area.code]?.[1] ?? 0);
  return totals;
}

// GET api/v1/reports/2008 as the server answers it: the seed's history, 2007 without crime areas.
function report2008() {
  const totals = taskForceTotals(SEED_2008);
  return {
    year: 2008,
    totals: { year: 2008, membersDaily: 8323, membersOperations: 495, memberObserverDaily: 378, memberObserverOperations: null, total: 9196 },
    previousTotals: { year: 2007, membersDaily: 6561, membersOperations: 532, memberObserverDaily: 490, total: 7583 },
    crimeAreas: crimeAreaRowsOf(SEED_2008),
    previousCrimeAreas: crimeAreaRowsOf({}),
    // The server's order need not be the contract's.
    taskForces: [...TASK_FORCES].reverse().map(({ code }) => ({ taskForce: code, total: totals[code], previousTotal: 0, months: null, previousMonths: null })),
    monthsKept: false,
    previousMonthsKept: false,
  };
}

// A live year: months kept, a previous year with crime areas and task forces.
function report2026() {
  const months = (base) => Array.from({ length: 12 }, (_, index) => (index < 3 ? base * (index + 1) : 0));
  return {
    year: 2026,
    totals: { year: 2026, membersDaily: 900, membersOperations: 80, memberObserverDaily: 15, memberObserverOperations: 5, total: 1000 },
    previousTotals: { year: 2025, membersDaily: 1000, membersOperations: 60, memberObserverDaily: 40, total: 1100 },
    crimeAreas: crimeAreaRowsOf({ DRUG_TRAFFICKING: [100, 500], TERRORISM: [10, 30] }),
    previousCrimeAreas: crimeAreaRowsOf({ DRUG_TRAFFICKING: [200, 600], TERRORISM: [0, 0] }),
    taskForces: TASK_FORCES.map(({ code }) => {
      if (code === 'DRUGS') return { taskForce: code, total: 600, previousTotal: 800, months: months(100), previousMonths: months(50) };
      if (code === 'TERRORISM') return { taskForce: code, total: 40, previousTotal: 0, months: [10, 10, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0], previousMonths: null };
      return { taskForce: code, total: 0, previousTotal: 0, months: Array(12).fill(0), previousMonths: Array(12).fill(0) };
    }),
    monthsKept: true,
    previousMonthsKept: true,
  };
}

const texts = (row) => row.cells.map((cell) => cell.text);
const BASE = 'https://pulse.example/report?year=2008';
const AS_OF = Date.UTC(2026, 10, 28, 14, 3, 7);

describe('report: the year and the addresses', () => {
  it('reads the year from the query string', () => {
    assert.equal(readReportYear('?year=2008'), 2008);
    assert.equal(readReportYear('year=2007&lang=en'), 2007);
    assert.equal(readReportYear('?year=%202006%20'), 2006);
  });

  it('leaves the year to the center\'s calendar when it is absent or not a year', () => {
    assert.equal(readReportYear(''), null);
    assert.equal(readReportYear(undefined), null);
    for (const search of ['?year=', '?year=abc', '?year=20081', '?year=208', '?year=2008.5', '?year=-2008', '?year=0x7d8', '?year=2e3']) {
      assert.equal(readReportYear(search), null, search);
    }
  });

  it('keeps to 1900-2199', () => {
    assert.equal(readReportYear('?year=1900'), 1900);
    assert.equal(readReportYear('?year=2199'), 2199);
    assert.equal(readReportYear('?year=1899'), null);
    assert.equal(readReportYear('?year=2200'), null);
  });

  it('builds every address relative to the page', () => {
    assert.deepEqual(reportUrls(2008, BASE), {
      contract: 'https://pulse.example/api/v1/contract',
      report: 'https://pulse.example/api/v1/reports/2008',
      csv: 'https://pulse.example/api/v1/reports/2008.csv',
    });
    assert.equal(reportUrls(2008, 'https://host.example/pulse/report').report, 'https://host.example/pulse/api/v1/reports/2008');
  });
});

describe('report: changes and shares', () => {
  it('writes a change with its sign, and a percentage with one decimal', () => {
    assert.equal(formatSignedInteger(1613), `+1${NNBSP}613`);
    assert.equal(formatSignedInteger(-37), `${MINUS}37`);
    assert.equal(formatSignedInteger(0), '±0');
    assert.equal(formatPercentChange(9196, 7583), `+21.3${NNBSP}%`);
    assert.equal(formatPercentChange(495, 532), `${MINUS}7.0${NNBSP}%`);
    assert.equal(formatPercentChange(5, 5), `±0.0${NNBSP}%`);
  });

  it('has no change against a previous of zero or none', () => {
    assert.equal(formatPercentChange(1464, 0), '—');
    assert.equal(formatPercentChange(1464, null), '—');
    assert.deepEqual(changeCells(1464, 0).map((cell) => cell.text), ['—', '—']);
    assert.deepEqual(changeCells(1464, undefined).map((cell) => cell.text), ['—', '—']);
    assert.equal(changeCells(1464, 0)[0].glyph, undefined);
  });

  it('marks a change by arrow and sign, not only by colour', () => {
    const [down, downPercent] = changeCells(378, 490);
    assert.deepEqual([down.glyph, down.text, down.direction, down.value], ['▼', `${MINUS}112`, 'down', -112]);
    assert.equal(downPercent.text, `${MINUS}22.9${NNBSP}%`);
    const [up] = changeCells(8323, 6561);
    assert.deepEqual([up.glyph, up.text], ['▲', `+1${NNBSP}762`]);
    const [flat] = changeCells(7, 7);
    assert.deepEqual([flat.glyph, flat.text], ['▬', '±0']);
  });

  it('writes a share of a whole, none of nothing', () => {
    assert.equal(formatShare(6335, 8268), `76.6${NNBSP}%`);
    assert.equal(formatShare(0, 8268), `0.0${NNBSP}%`);
    assert.equal(formatShare(0, 0), '—');
  });

  it('dates the counts in the center\'s time, naming its zone', () => {
    assert.equal(formatTimestamp(AS_OF, centerZone('UTC')), '28 Nov 2026, 14:03 UTC');
    assert.equal(formatTimestamp(AS_OF, centerZone('Europe/Bucharest')), '28 Nov 2026, 16:03 EET');
    assert.equal(formatTimestamp(AS_OF, centerZone('Australia/Adelaide')), '29 Nov 2026, 00:33 GMT+10:30');
    assert.equal(formatTimestamp(NaN, centerZone('UTC')), '—');
  });
});

describe('report: the seed\'s scope table', () => {
  it('gives 2008 against 2007 as the seed does', () => {
    const table = scopeTable(report2008());
    assert.deepEqual(table.columns.map((column) => column.label), ['Exchanges', '2008', '2007', 'Change', 'Change %']);
    assert.deepEqual(table.rows.map(texts), [
      ['Among members, daily', `8${NNBSP}323`, `6${NNBSP}561`, `+1${NNBSP}762`, `+26.9${NNBSP}%`],
      ['Among members, regional operations', '495', '532', `${MINUS}37`, `${MINUS}7.0${NNBSP}%`],
      ['Members–observers, daily', '378', '490', `${MINUS}112`, `${MINUS}22.9${NNBSP}%`],
    ]);
    assert.deepEqual(texts(table.totals), ['Total', `9${NNBSP}196`, `7${NNBSP}583`, `+1${NNBSP}613`, `+21.3${NNBSP}%`]);
    assert.deepEqual(table.totals.cells.slice(1, 4).map((cell) => cell.value), [9196, 7583, 1613]);
    assert.equal(table.totals.cells[1].testId, 'report-total');
    assert.deepEqual(table.notes, []);
  });

  it('shows members–observers in operations only when either year has any', () => {
    assert.equal(scopeTable(report2008()).rows.length, 3);
    const live = scopeTable(report2026());
    assert.deepEqual(texts(live.rows[3]), ['Members–observers, regional operations', '5', '0', '—', '—']);
  });

  it('reads a year without counts as zeros, and a previous one without counts as nothing to compare', () => {
    const table = scopeTable({ ...report2008(), year: 2005, totals: null, previousTotals: null });
    assert.deepEqual(texts(table.totals), ['Total', '0', '—', '—', '—']);
    assert.equal(table.totals.cells[1].value, 0);
    assert.deepEqual(table.notes, ['No counts for 2004 in the history: nothing to compare with.']);
  });
});

describe('report: the seed\'s crime-area table', () => {
  it('lists every crime area in the contract\'s order with its task force', () => {
    const table = crimeAreaTable(report2008(), contract);
    assert.deepEqual(table.rows.map((row) => row.testId), CRIME_AREAS.map((area) => `report-crime-${area.code}`));
    assert.deepEqual(table.rows.map((row) => row.cells[0].text), CRIME_AREAS.map((area) => area.name));
    assert.equal(table.rows[0].cells[1].text, 'Human trafficking & illegal immigration');
    assert.equal(table.rows[9].cells[1].text, 'Financial & computer crime');
  });

  it('holds the seed\'s 2008 numbers, with their test hooks', () => {
    const table = crimeAreaTable(report2008(), contract);
    for (const [code, [requests, information]] of Object.entries(SEED_2008)) {
      const row = table.rows.find((candidate) => candidate.testId === `report-crime-${code}`);
      assert.deepEqual([row.cells[2].testId, row.cells[2].value], [`report-crime-${code}-requests`, requests], code);
      assert.deepEqual([row.cells[3].testId, row.cells[3].value], [`report-crime-${code}-information`, information], code);
      assert.equal(row.cells[4].value, requests + information, code);
    }
    assert.deepEqual(texts(table.rows[3]).slice(2, 6), ['274', `6${NNBSP}061`, `6${NNBSP}335`, `76.6${NNBSP}%`]);
  });

  it('adds up to the seed\'s totals: 676 requests and 7592 information exchanges', () => {
    const { totals } = crimeAreaTable(report2008(), contract);
    assert.deepEqual(totals.cells.slice(2, 5).map((cell) => cell.value), [676, 7592, 8268]);
    assert.deepEqual(texts(totals).slice(0, 6), ['All crime areas', '', '676', `7${NNBSP}592`, `8${NNBSP}268`, `100.0${NNBSP}%`]);
  });

  it('has nothing to compare with where the history has no crime areas for the year before', () => {
    const table = crimeAreaTable(report2008(), contract);
    assert.equal(table.columns[6].label, '2007 total');
    assert.deepEqual(texts(table.rows[2]).slice(6), ['—', '—', '—']);
    assert.deepEqual(texts(table.totals).slice(6), ['—', '—', '—']);
    assert.deepEqual(table.notes, ['By crime area: not in the history for 2007.']);
  });

  it('compares with the year before where it has counts', () => {
    const table = crimeAreaTable(report2026(), contract);
    const drugs = table.rows.find((row) => row.testId === 'report-crime-DRUG_TRAFFICKING');
    assert.deepEqual(texts(drugs).slice(2), ['100', '500', '600', `93.8${NNBSP}%`, '800', `${MINUS}200`, `${MINUS}25.0${NNBSP}%`]);
    const terrorism = table.rows.find((row) => row.testId === 'report-crime-TERRORISM');
    assert.deepEqual(texts(terrorism).slice(6), ['0', '—', '—']);
    assert.deepEqual(table.notes, []);
  });

  it('still shows a crime area the contract does not know yet, under its code', () => {
    const report = report2008();
    report.crimeAreas.push({ crimeArea: 'CYBERCRIME', taskForce: 'FINANCIAL_COMPUTER_CRIME', requests: 4, information: 6 });
    const table = crimeAreaTable(report, contract);
    assert.deepEqual(texts(table.rows.at(-1)).slice(0, 5), ['CYBERCRIME', 'Financial & computer crime', '4', '6', '10']);
    assert.equal(table.totals.cells[4].value, 8278);
  });
});

describe('report: task-force activity', () => {
  it('lists the task forces in the contract\'s order, whatever the server\'s', () => {
    const table = taskForceTable(report2008(), contract);
    assert.deepEqual(table.rows.map((row) => row.cells[0].text), TASK_FORCES.map((taskForce) => taskForce.name));
    assert.deepEqual(table.rows.map((row) => row.cells[1].value), [1464, 245, 6335, 53, 161, 6, 4, 0]);
    assert.deepEqual(texts(table.totals), ['All task forces', `8${NNBSP}268`, '—', '—', '—']);
    assert.deepEqual(table.notes, ['By task force: not in the history for 2007.']);
  });

  it('says in one line that 2008 has no months, rather than a table of zeros', () => {
    assert.equal(monthTable(report2008(), contract), null);
    assert.equal(monthsNote(report2008()), 'By month: not in the history for 2008.');
  });

  it('gives a live year month by month, with the month totals', () => {
    const report = report2026();
    const table = taskForceTable(report, contract);
    assert.deepEqual(texts(table.rows[0]), ['Drug trafficking', '600', '800', `${MINUS}200`, `${MINUS}25.0${NNBSP}%`]);
    assert.deepEqual(texts(table.rows[5]), ['Terrorism', '40', '0', '—', '—']);

    const months = monthTable(report, contract);
    assert.equal(monthsNote(report), null);
    assert.deepEqual(months.columns.map((column) => column.label),
      ['Task force', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    assert.equal(months.rows.length, 8);
    assert.deepEqual(texts(months.rows[0]).slice(0, 5), ['Drug trafficking', '100', '200', '300', '0']);
    assert.deepEqual(months.totals.cells.slice(1, 5).map((cell) => cell.value), [110, 210, 320, 0]);
  });
});

describe('report: the page', () => {
  it('puts the sections in the report\'s order', () => {
    const page = reportPage(report2008(), contract, { asOf: AS_OF, currentYear: 2026, base: BASE });
    assert.equal(page.title, 'Exchange Pulse · Annual report 2008');
    assert.equal(page.subtitle, 'Generated 28 Nov 2026, 14:03 UTC');
    assert.equal(page.footer, 'Exchange Pulse, counts as of 28 Nov 2026, 14:03 UTC');
    assert.equal(page.csvHref, 'https://pulse.example/api/v1/reports/2008.csv');
    assert.deepEqual(page.sections.map((section) => section.title), [
      'Total exchanges by scope and channel',
      'Requests and information exchanges by crime area',
      'Task-force activity',
    ]);
    assert.deepEqual(page.sections[2].tables.map((table) => table.id), ['task-forces']);
    assert.deepEqual(page.sections[2].notes, ['By month: not in the history for 2008.']);
    assert.equal(page.emptyNote, null);
  });

  it('links the years either side, up to the current one', () => {
    const page = reportPage(report2008(), contract, { asOf: AS_OF, currentYear: 2026, base: BASE });
    assert.deepEqual(page.previous, { year: 2007, href: 'https://pulse.example/report?year=2007' });
    assert.deepEqual(page.next, { year: 2009, href: 'https://pulse.example/report?year=2009' });
    const current = reportPage(report2026(), contract, { asOf: AS_OF, currentYear: 2026, base: BASE });
    assert.equal(current.next, null);
    assert.equal(current.subtitle, 'Generated 28 Nov 2026, 14:03 UTC · the year is still counting');
    assert.deepEqual(current.sections[2].tables.map((table) => table.id), ['task-forces', 'months']);
    assert.deepEqual(current.sections[2].notes, []);
  });

  it('says so when a year has no counts at all, and still shows the tables', () => {
    const empty = {
      year: 2005, totals: null, previousTotals: null, crimeAreas: crimeAreaRowsOf({}), previousCrimeAreas: [],
      taskForces: [], monthsKept: false, previousMonthsKept: false,
    };
    const page = reportPage(empty, contract, { asOf: AS_OF, currentYear: 2026, base: BASE });
    assert.equal(page.emptyNote, 'No exchanges were counted in 2005: the tables show zeros.');
    assert.equal(page.sections[1].tables[0].rows.length, 11);
    assert.deepEqual(texts(page.sections[2].tables[0].rows[0]), ['Drug trafficking', '0', '—', '—', '—']);
  });
});

describe('report: rendering', () => {
  withFakeDom();

  it('carries the Selenium test\'s hooks', () => {
    const root = new FakeElement('main');
    renderReportPage(root, reportPage(report2008(), contract, { asOf: AS_OF, currentYear: 2026, base: BASE }));
    assert.equal(root.getAttribute('data-state'), 'ready');
    const total = root.byTestId('report-total');
    assert.deepEqual([total.tagName, total.getAttribute('data-value'), total.textContent], ['TD', '9196', `9${NNBSP}196`]);
    const smuggling = root.byTestId('report-crime-SMUGGLING_CUSTOMS_FRAUD');
    assert.equal(smuggling.tagName, 'TR');
    assert.equal(root.byTestId('report-crime-SMUGGLING_CUSTOMS_FRAUD-requests').getAttribute('data-value'), '274');
    assert.equal(root.byTestId('report-crime-SMUGGLING_CUSTOMS_FRAUD-information').getAttribute('data-value'), '6061');
    assert.equal(root.byTestId('report-crime-ENVIRONMENTAL_CRIME-requests').getAttribute('data-value'), '0');
    const csv = root.byTestId('report-csv');
    assert.equal(csv.getAttribute('href'), 'https://pulse.example/api/v1/reports/2008.csv');
    assert.ok(csv.getAttribute('download').endsWith('.csv'));
    assert.match(root.byTestId('report-note-task-forces').textContent, /^By month: not in the history for 2008\.$/);
    assert.ok(!root.textContent.includes('null') && !root.textContent.includes('undefined'));
  });

  it('draws a change\'s arrow beside its number, hidden from screen readers', () => {
    const root = new FakeElement('main');
    renderReportPage(root, reportPage(report2008(), contract, { asOf: AS_OF, currentYear: 2026, base: BASE }));
    const row = root.byTestId('report-scope-memberObserverDaily');
    const change = row.childNodes[3];
    assert.equal(change.getAttribute('data-direction'), 'down');
    assert.equal(change.className, 'num change-down');
    assert.equal(change.childNodes[0].getAttribute('aria-hidden'), 'true');
    assert.equal(change.textContent, `▼${MINUS}112`);
  });

  it('shows a failure and retries from its link', () => {
    const root = new FakeElement('main');
    let retried = 0;
    renderFailure(root, failureView({ kind: 'network' }, { year: 2008, currentYear: 2026, base: BASE }), { year: 2008, onRetry: () => { retried += 1; } });
    assert.equal(root.getAttribute('data-state'), 'error');
    assert.equal(root.byTestId('report-error').getAttribute('data-kind'), 'network');
    let prevented = false;
    root.byTestId('report-retry').dispatch('click', { preventDefault: () => { prevented = true; } });
    assert.deepEqual([retried, prevented], [1, true]);
  });
});

describe('report: loading', () => {
  function json(body, status = 200, headers = {}) {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }

  function fakeFetch(answers) {
    const calls = [];
    const fetch = async (url, init) => {
      calls.push({ url, init });
      const answer = answers[url];
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer() : answer;
    };
    return { fetch, calls };
  }

  const CONTRACT_URL = 'https://pulse.example/api/v1/contract';
  const REPORT_URL = 'https://pulse.example/api/v1/reports/2008';
  const context = { year: 2008, currentYear: 2026, base: BASE };

  it('fetches the contract and the report, same-origin, as the page\'s own script', async () => {
    const { fetch, calls } = fakeFetch({
      [CONTRACT_URL]: () => json(CONTRACT_JSON),
      [REPORT_URL]: () => json(report2008(), 200, { Date: 'Sat, 28 Nov 2026 14:03:07 GMT' }),
    });
    const outcome = await loadReport({ year: 2008, base: BASE, fetch, now: () => AS_OF });
    assert.equal(outcome.state, 'ready');
    assert.equal(outcome.report.totals.total, 9196);
    assert.equal(outcome.contract.taskForce('DRUGS').name, 'Drug trafficking');
    assert.equal(outcome.asOf, AS_OF);
    assert.deepEqual(calls.map((call) => call.url).sort(), [CONTRACT_URL, REPORT_URL]);
    for (const { init } of calls) {
      assert.equal(init.credentials, 'same-origin');
      assert.equal(init.headers['X-Requested-With'], 'JavaScript');
    }
  });

  it('explains a 403 in one sentence: the report is the whole center\'s', async () => {
    const { fetch } = fakeFetch({
      [CONTRACT_URL]: () => json({ ...CONTRACT_JSON, caller: leaderCaller('leader-drugs', ['DRUGS']) }),
      [REPORT_URL]: () => json({ status: 403, detail: 'The whole center\'s' }, 403),
    });
    const outcome = await loadReport({ year: 2008, base: BASE, fetch, now: () => AS_OF });
    assert.deepEqual(outcome, { state: 'error', year: 2008, currentYear: 2026, failure: { kind: 'forbidden', status: 403, detail: 'The whole center\'s' } });
    const view = failureView(outcome.failure, context);
    assert.match(view.message, /whole center/);
    assert.equal(view.message.split(/[.;] /).length, 1);
  });

  it('shows the server\'s detail for a year out of range', async () => {
    const detail = 'year must be between 2006 and 2026';
    const { fetch } = fakeFetch({
      [CONTRACT_URL]: () => json(CONTRACT_JSON),
      [REPORT_URL]: () => json({ type: 'urn:exchange-pulse:problem:invalid-query', status: 400, detail }, 400),
    });
    const outcome = await loadReport({ year: 2008, base: BASE, fetch, now: () => AS_OF });
    const view = failureView(outcome.failure, context);
    assert.equal(view.message, detail);
    assert.deepEqual(view.action, { kind: 'link', text: 'Show 2026', href: 'https://pulse.example/report?year=2026' });
  });

  it('offers a retry when the service cannot be reached', async () => {
    const { fetch } = fakeFetch({ [CONTRACT_URL]: new TypeError('Failed to fetch'), [REPORT_URL]: new TypeError('Failed to fetch') });
    const outcome = await loadReport({ year: 2008, base: BASE, fetch, now: () => AS_OF });
    assert.equal(outcome.failure.kind, 'network');
    const view = failureView(outcome.failure, context);
    assert.match(view.message, /cannot be reached/);
    assert.equal(view.action.kind, 'retry');
  });

  it('asks to sign in again when the session is gone', async () => {
    const { fetch } = fakeFetch({
      [CONTRACT_URL]: () => ({ type: 'opaqueredirect', status: 0, ok: false }),
      [REPORT_URL]: () => new Response('', { status: 499 }),
    });
    const outcome = await loadReport({ year: 2008, base: BASE, fetch, now: () => AS_OF });
    assert.equal(outcome.failure.kind, 'signedOut');
    assert.equal(failureView(outcome.failure, context).action.text, 'Sign in again');
  });

  it('refuses an answer that is not the year\'s report', async () => {
    const { fetch } = fakeFetch({ [CONTRACT_URL]: () => json(CONTRACT_JSON), [REPORT_URL]: () => json({ ...report2008(), year: 2007 }) });
    const outcome = await loadReport({ year: 2008, base: BASE, fetch, now: () => AS_OF });
    assert.equal(outcome.failure.kind, 'unreadable');
  });

  it('names the status of any other failure, or the server\'s detail', async () => {
    assert.match(failureView({ kind: 'server', status: 500, detail: null }, context).message, /HTTP 500/);
    assert.equal(failureView({ kind: 'server', status: 503, detail: 'Counters unavailable for now' }, context).message, 'Counters unavailable for now');
  });

  // The last second of a year in the center and the first of the next, in a zone with summer time
  // and whole hours, and in one with half hours (Adelaide is at +10:30 on New Year's Eve).
  const NEW_YEARS = [
    { zone: 'Europe/Bucharest', last: '2026-12-31T21:59:59Z', first: '2026-12-31T22:00:00Z' },
    { zone: 'Australia/Adelaide', last: '2026-12-31T13:29:59Z', first: '2026-12-31T13:30:00Z' },
  ];

  // The service as it answers at `at`: the contract in its zone, and any year's report, dated then.
  function serviceAt(zone, at) {
    const dated = { Date: new Date(at).toUTCString() };
    return fakeFetch({
      [CONTRACT_URL]: () => json({ ...CONTRACT_JSON, zone }),
      'https://pulse.example/api/v1/reports/2026': () => json(report2026(), 200, dated),
      'https://pulse.example/api/v1/reports/2027': () => json({ ...report2026(), year: 2027 }, 200, dated),
    });
  }

  for (const { zone, last, first } of NEW_YEARS) {
    it(`turns to the new year at the center's midnight, in ${zone}`, async () => {
      const before = serviceAt(zone, Date.parse(last));
      const lastSecond = await loadReport({ year: null, base: BASE, fetch: before.fetch, now: () => Date.parse(last) });
      assert.deepEqual([lastSecond.state, lastSecond.year, lastSecond.currentYear], ['ready', 2026, 2026], 'no year asked: the center\'s');
      assert.equal(before.calls[0].url, CONTRACT_URL, 'the contract first, for its zone');
      const stillCounting = reportPage(lastSecond.report, lastSecond.contract, { asOf: lastSecond.asOf, currentYear: lastSecond.currentYear, base: BASE });
      assert.equal(stillCounting.next, null);
      assert.match(stillCounting.subtitle, /the year is still counting$/);

      const after = serviceAt(zone, Date.parse(first));
      const firstSecond = await loadReport({ year: null, base: BASE, fetch: after.fetch, now: () => Date.parse(first) });
      assert.deepEqual([firstSecond.year, firstSecond.currentYear], [2027, 2027]);
      const ended = await loadReport({ year: 2026, base: BASE, fetch: after.fetch, now: () => Date.parse(first) });
      const page = reportPage(ended.report, ended.contract, { asOf: ended.asOf, currentYear: ended.currentYear, base: BASE });
      assert.deepEqual(page.next, { year: 2027, href: 'https://pulse.example/report?year=2027' }, 'the next-year link, now there is one');
      assert.doesNotMatch(page.subtitle, /still counting/);
    });
  }

  it('names the months of the center\'s calendar', () => {
    const months = monthTable(report2026(), createContract({ ...CONTRACT_JSON, zone: 'Australia/Adelaide' }));
    assert.equal(months.caption, 'Exchanges in 2026 by task force and month (Adelaide time)');
    assert.match(monthTable(report2026(), contract).caption, /\(UTC\)$/);
  });
});
