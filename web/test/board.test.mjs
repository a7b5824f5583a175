import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createBoard } from '../app/board.js';
import { centerZone } from '../app/center-time.js';
import { createContract } from '../app/contract.js';
import { readMode } from '../app/mode.js';
import { applyDelta, applySnapshot } from '../app/state.js';
import { FakeElement, withFakeDom, writes } from './support/fake-dom.mjs';
import { SIGN_IN, wallCaller } from './support/signed-in.mjs';

const CODES = ['DRUGS', 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', 'SMUGGLING_CUSTOMS_FRAUD', 'STOLEN_VEHICLES', 'FINANCIAL_COMPUTER_CRIME',
  'TERRORISM', 'CONTAINER_SECURITY', 'ENVIRONMENT_NATURE'];
// Every view of the wall but the flows, whose map loads its outlines over the network.
const VIEWS = [
  { name: 'alerts', merge: 'whole' },
  { name: 'totals', merge: 'fields' },
  { name: 'yearly', merge: 'rows', key: ['year'] },
  { name: 'crimeAreas', merge: 'rows', key: ['crimeArea'] },
  { name: 'trendMinutes', merge: 'trend', step: 'PT1M' },
  { name: 'trendDays', merge: 'trend', step: 'P1D' },
  { name: 'operations', merge: 'whole' },
];
const contract = createContract({
  taskForces: CODES.map((code) => ({ code, name: code.toLowerCase() })),
  crimeAreas: [{ code: 'DRUG_TRAFFICKING', name: 'Drug trafficking', taskForce: 'DRUGS' }, { code: 'TERRORISM', name: 'Terrorism', taskForce: 'TERRORISM' }],
  parties: [],
  operationStatuses: [{ code: 'OPEN', name: 'Open' }],
  operationKinds: [],
  seizures: [],
  views: VIEWS,
  caller: { ...wallCaller(CODES), views: VIEWS.map((view) => view.name) },
  signIn: SIGN_IN,
  zone: 'Europe/Bucharest',
});
const zone = centerZone('Europe/Bucharest');
const NOW = Date.parse('2026-11-28T12:00:30Z');

const minute = (index) => new Date(Date.parse('2026-11-28T11:01:00Z') + index * 60_000).toISOString().replace('.000Z', 'Z');
// The wall's snapshot: 60 minutes and 30 of the center's days of every task force, on 28 November.
function snapshot() {
  return {
    type: 'snapshot',
    serverTime: '2026-11-28T12:00:30Z',
    views: {
      alerts: [],
      totals: { date: '2026-11-28', today: 120, sameDayLastYear: 0, thisYear: 40_211, lastYearToDate: 38_002 },
      yearly: [2006, 2007, 2008, 2026].map((year) => ({ year, membersDaily: 1, membersOperations: 1, memberObserverDaily: 1, total: 3 })),
      crimeAreas: [{ crimeArea: 'DRUG_TRAFFICKING', taskForce: 'DRUGS', requests: 5, information: 50 }],
      trendMinutes: {
        from: minute(0), to: minute(60), step: 'PT1M', series: CODES.map((taskForce, row) => ({ taskForce, counts: Array.from({ length: 60 }, (_, index) => (index + row) % 7) })),
      },
      trendDays: {
        from: '2026-10-29T22:00:00Z', to: '2026-11-28T22:00:00Z', step: 'P1D', series: CODES.map((taskForce, row) => ({ taskForce, counts: Array(30).fill(row) })),
      },
      operations: [{ id: 'STORM', name: 'Storm', taskForce: 'TERRORISM', status: 'OPEN', countries: ['RO', 'BG'], arrests: 0, actions: [], results: [] }],
    },
  };
}

describe('the board draws what changed', () => {
  const dom = withFakeDom();
  let board;
  let state;
  let main;

  // As main.js does with each message: merge it, then draw the views it changed.
  function receive(changes) {
    const next = applyDelta(state, { type: 'delta', changes }, contract.views);
    state = next.state;
    dom.drawn.length = 0;
    writes.count = 0;
    board.render(state.views, new Set(next.changed), Number(state.views.totals.date.slice(0, 4)));
  }
  const rowOf = (chart) => chart.host.parentNode.parentNode.getAttribute('data-task-force');
  const text = (selector) => main.querySelector(selector).textContent;

  beforeEach(() => {
    main = new FakeElement('main');
    board = createBoard(main, readMode('', contract), contract, { zone, now: () => NOW });
    state = applySnapshot(snapshot());
    board.render(state.views, new Set(Object.keys(state.views)), 2026);
  });

  it('draws the sixteen trend charts of a snapshot, and says the day is the center\'s', () => {
    assert.equal(new Set(dom.drawn).size, 16);
    assert.equal(text('.kpi-context'), '28 Nov 2026 (Bucharest day)');
    assert.equal(main.byTestId('total-today').textContent, '120');
  });

  it('says "new" with its arrow where last year\'s day had nothing, never "no comparison"', () => {
    assert.equal(text('.kpi-change-line'), '▲new');
    receive({ totals: { today: 0 } });
    assert.equal(text('.kpi-change-line'), '▬±0\u202F%');
  });

  it('redraws one chart for a delta of one task force\'s minute', () => {
    receive({ trendMinutes: { from: minute(0), to: minute(60), points: [{ taskForce: 'DRUGS', t: minute(59), count: 40 }] } });
    assert.deepEqual(dom.drawn.map(rowOf), ['DRUGS']);
    assert.equal(dom.drawn[0].data[1][59], 40);
  });

  it('redraws the minute and the day chart of the task force an exchange counts for', () => {
    receive({
      trendMinutes: { from: minute(0), to: minute(60), points: [{ taskForce: 'TERRORISM', t: minute(59), count: 9 }] },
      trendDays: { from: '2026-10-29T22:00:00Z', to: '2026-11-28T22:00:00Z', points: [{ taskForce: 'TERRORISM', t: '2026-11-27T22:00:00Z', count: 12 }] },
      totals: { today: 121, thisYear: 40_212 },
    });
    assert.deepEqual(dom.drawn.map(rowOf), ['TERRORISM', 'TERRORISM']);
  });

  it('redraws every minute chart when the window moves on a minute, and no day chart', () => {
    receive({ trendMinutes: { from: minute(1), to: minute(61), points: [] } });
    assert.equal(dom.drawn.length, 8);
    assert.ok(dom.drawn.every((chart) => chart.data[0].length === 60));
  });

  it('draws nothing, and writes nothing, for a delta that repeats what is shown', () => {
    receive({
      trendMinutes: { from: minute(0), to: minute(60), points: [{ taskForce: 'DRUGS', t: minute(59), count: snapshot().views.trendMinutes.series[0].counts[59] }] },
      totals: { today: 120 },
      crimeAreas: [{ crimeArea: 'DRUG_TRAFFICKING', taskForce: 'DRUGS', requests: 5, information: 50 }],
      yearly: [{ year: 2026, membersDaily: 1, membersOperations: 1, memberObserverDaily: 1, total: 3 }],
    });
    assert.deepEqual([dom.drawn.length, writes.count], [0, 0]);
  });

  it('leaves a panel whose views the delta does not name', () => {
    main.querySelector('.kpi-context').textContent = 'not drawn again';
    receive({ trendMinutes: { from: minute(0), to: minute(60), points: [{ taskForce: 'DRUGS', t: minute(59), count: 41 }] } });
    assert.equal(text('.kpi-context'), 'not drawn again');
  });

  it('redraws the charts of the task force whose operation is marked, and only those', () => {
    const [storm] = snapshot().views.operations;
    receive({ operations: [{ ...storm, actions: [minute(30)] }] });
    assert.deepEqual(dom.drawn.map(rowOf), ['TERRORISM', 'TERRORISM'], 'its minute and its day');
  });

  it('turns the day at the center\'s midnight: today\'s label, and the day trends gain the new day', () => {
    receive({
      totals: { date: '2026-11-29', today: 0, sameDayLastYear: 4 },
      trendDays: { from: '2026-10-30T22:00:00Z', to: '2026-11-29T22:00:00Z', points: [] },
    });
    assert.equal(text('.kpi-context'), '29 Nov 2026 (Bucharest day)');
    assert.equal(text('.kpi-change-line'), '▼\u2212100\u202F%');
    assert.equal(dom.drawn.length, 8, 'every day chart, and no minute chart');
    assert.deepEqual(dom.drawn[0].data[0].slice(-2), [Date.parse('2026-11-27T22:00:00Z') / 1000, Date.parse('2026-11-28T22:00:00Z') / 1000]);
    assert.equal(dom.drawn[0].data[1].at(-1), 0);
  });

  it('draws every panel for the year in a new year, even those the delta does not name', () => {
    main.querySelector('.kpi-context').textContent = 'last year\'s';
    receive({
      totals: { date: '2027-01-01', today: 0, sameDayLastYear: 3, thisYear: 0, lastYearToDate: 2 },
      yearly: [{ year: 2027, membersDaily: 0, membersOperations: 0, memberObserverDaily: 0, total: 0 }],
    });
    assert.equal(text('.kpi-context'), '1 Jan 2027 (Bucharest day)');
    assert.equal(main.querySelector('.panel-crime').querySelector('h2').textContent, 'Requests vs information · 2027');
    assert.deepEqual(main.querySelectorAll('tr.live').map((row) => row.querySelector('th').textContent), ['2027live']);
  });
});
