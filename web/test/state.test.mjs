import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDelta, applySnapshot, emptyState, matrixRows, replaceByKey, rowKey } from '../app/state.js';

// The contract's merge rules, as GET api/v1/contract gives them.
const VIEWS = [
  { name: 'crimeAreas', merge: 'rows', key: ['crimeArea'] },
  { name: 'flows', merge: 'matrix', key: ['from', 'to'], value: 'count' },
  { name: 'operations', merge: 'whole' },
  { name: 'totals', merge: 'fields' },
  { name: 'trendDays', merge: 'trend', step: 'P1D' },
  { name: 'trendMinutes', merge: 'trend', step: 'PT1M' },
  { name: 'yearly', merge: 'rows', key: ['year'] },
];

const yearly = [
  { year: 2007, membersDaily: 6561, membersOperations: 532, memberObserverDaily: 490, total: 7583 },
  { year: 2006, membersDaily: 4334, membersOperations: 1069, memberObserverDaily: 550, total: 5953 },
  { year: 2008, membersDaily: 8323, membersOperations: 495, memberObserverDaily: 378, total: 9196 },
  { year: 2026, membersDaily: 100, membersOperations: 5, memberObserverDaily: 10, total: 115 },
];

function snapshotMessage() {
  return {
    type: 'snapshot',
    seq: 1,
    serverTime: '2026-11-28T14:00:30Z',
    subscription: { views: ['yearly'], taskForces: [], minutes: 60, days: 30 },
    views: {
      yearly,
      crimeAreas: [
        { crimeArea: 'DRUG_TRAFFICKING', taskForce: 'DRUGS', requests: 112, information: 1352 },
        { crimeArea: 'TERRORISM', taskForce: 'TERRORISM', requests: 5, information: 1 },
      ],
      totals: { date: '2026-11-28', today: 120, sameDayLastYear: 98, thisYear: 40211, lastYearToDate: 38002 },
      trendMinutes: {
        from: '2026-11-28T13:57:00Z',
        to: '2026-11-28T14:01:00Z',
        step: 'PT1M',
        series: [{ taskForce: 'DRUGS', counts: [1, 2, 3, 4] }, { taskForce: 'TERRORISM', counts: [0, 0, 1, 0] }],
      },
      trendDays: {
        from: '2026-11-26T00:00:00Z',
        to: '2026-11-29T00:00:00Z',
        step: 'P1D',
        series: [{ taskForce: 'DRUGS', counts: [100, 200, 50] }],
      },
      flows: [{ from: 'RO', to: 'BG', count: 12 }, { from: 'BG', to: 'RO', count: 7 }],
      operations: [{ id: 'TARA', name: 'Tara', status: 'ACTION_TAKEN', arrests: 68 }],
    },
  };
}

const deltaOf = (changes) => ({ type: 'delta', seq: 2, serverTime: '2026-11-28T14:00:31Z', newestIngestedAt: null, changes });

describe('snapshot', () => {
  it('replaces the whole state', () => {
    const state = applySnapshot(snapshotMessage());
    assert.deepEqual(state.views, snapshotMessage().views);
    assert.deepEqual(state.subscription.taskForces, []);
  });

  it('keeps only the views it carries', () => {
    const state = applySnapshot({ type: 'snapshot', seq: 1, views: { totals: { today: 1 } } });
    assert.deepEqual(Object.keys(state.views), ['totals']);
  });

  it('starts from an empty state', () => {
    assert.deepEqual(emptyState().views, {});
  });
});

describe('delta', () => {
  const base = () => applySnapshot(snapshotMessage());

  it('replaces yearly rows by year in place and appends new years', () => {
    const { state, changed } = applyDelta(base(), deltaOf({
      yearly: [
        { year: 2026, membersDaily: 101, membersOperations: 5, memberObserverDaily: 10, memberObserverOperations: 1, total: 117 },
        { year: 2027, membersDaily: 1, membersOperations: 0, memberObserverDaily: 0, total: 1 },
      ],
    }), VIEWS);
    assert.deepEqual(changed, ['yearly']);
    assert.deepEqual(state.views.yearly.map((row) => [row.year, row.total]), [[2007, 7583], [2006, 5953], [2008, 9196], [2026, 117], [2027, 1]]);
    assert.equal(state.views.yearly[3].memberObserverOperations, 1);
  });

  it('replaces crime areas by crime area and adds missing ones', () => {
    const { state } = applyDelta(base(), deltaOf({
      crimeAreas: [
        { crimeArea: 'TERRORISM', taskForce: 'TERRORISM', requests: 6, information: 1 },
        { crimeArea: 'MONEY_LAUNDERING', taskForce: 'FINANCIAL_COMPUTER_CRIME', requests: 1, information: 0 },
      ],
    }), VIEWS);
    assert.deepEqual(state.views.crimeAreas.map((row) => [row.crimeArea, row.requests]),
      [['DRUG_TRAFFICKING', 112], ['TERRORISM', 6], ['MONEY_LAUNDERING', 1]]);
  });

  it('merges the changed totals fields over the others', () => {
    const { state } = applyDelta(base(), deltaOf({ totals: { today: 121, thisYear: 40212 } }), VIEWS);
    assert.deepEqual(state.views.totals, { date: '2026-11-28', today: 121, sameDayLastYear: 98, thisYear: 40212, lastYearToDate: 38002 });
  });

  it('sets flow counts by (from, to) from a matrix: direction matters', () => {
    const { state } = applyDelta(base(), deltaOf({ flows: { RO: { BG: 13 }, TR: { GR: 1 } } }), VIEWS);
    assert.deepEqual(state.views.flows, [{ from: 'RO', to: 'BG', count: 13 }, { from: 'BG', to: 'RO', count: 7 }, { from: 'TR', to: 'GR', count: 1 }]);
  });

  it('gives the rows of a matrix delta the shape of the snapshot\'s rows', () => {
    const { state } = applyDelta(applySnapshot({ type: 'snapshot', seq: 1, views: { flows: [] } }),
      deltaOf({ flows: { BG: { RO: 2, INTERPOL: 1 } } }), VIEWS);
    assert.deepEqual(state.views.flows, [{ from: 'BG', to: 'RO', count: 2 }, { from: 'BG', to: 'INTERPOL', count: 1 }]);
  });

  it('takes the operations array whole', () => {
    const operations = [{ id: 'DORA', name: 'Dora', status: 'OPEN', arrests: 25 }];
    const { state } = applyDelta(base(), deltaOf({ operations }), VIEWS);
    assert.deepEqual(state.views.operations, operations);
  });

  it('sets trend points within the same window', () => {
    const { state } = applyDelta(base(), deltaOf({
      trendMinutes: { from: '2026-11-28T13:57:00Z', to: '2026-11-28T14:01:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:00:00Z', count: 7 }] },
    }), VIEWS);
    assert.deepEqual(state.views.trendMinutes.series[0].counts, [1, 2, 3, 7]);
    assert.deepEqual(state.views.trendMinutes.series[1].counts, [0, 0, 1, 0]);
  });

  it('moves the trend window first, then sets the points', () => {
    const { state } = applyDelta(base(), deltaOf({
      trendMinutes: {
        from: '2026-11-28T13:59:00Z',
        to: '2026-11-28T14:03:00Z',
        points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:02:00Z', count: 2 }, { taskForce: 'DRUGS', t: '2026-11-28T14:00:00Z', count: 5 }],
      },
    }), VIEWS);
    const trend = state.views.trendMinutes;
    assert.equal(trend.from, '2026-11-28T13:59:00Z');
    assert.equal(trend.to, '2026-11-28T14:03:00Z');
    assert.equal(trend.step, 'PT1M');
    assert.deepEqual(trend.series[0].counts, [3, 5, 0, 2]);
    assert.deepEqual(trend.series[1].counts, [1, 0, 0, 0]);
  });

  it('moves the day window across a day', () => {
    const { state } = applyDelta(base(), deltaOf({
      trendDays: { from: '2026-11-27T00:00:00Z', to: '2026-11-30T00:00:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-29T00:00:00Z', count: 1 }] },
    }), VIEWS);
    assert.deepEqual(state.views.trendDays.series[0].counts, [200, 50, 1]);
  });

  it('starts a series for a task force it has not seen, and ignores points outside the window', () => {
    const { state } = applyDelta(base(), deltaOf({
      trendMinutes: {
        from: '2026-11-28T13:57:00Z',
        to: '2026-11-28T14:01:00Z',
        points: [{ taskForce: 'STOLEN_VEHICLES', t: '2026-11-28T13:58:00Z', count: 4 }, { taskForce: 'DRUGS', t: '2026-11-28T14:01:00Z', count: 99 }],
      },
    }), VIEWS);
    const series = state.views.trendMinutes.series;
    assert.deepEqual(series.find((entry) => entry.taskForce === 'STOLEN_VEHICLES').counts, [0, 4, 0, 0]);
    assert.deepEqual(series[0].counts, [1, 2, 3, 4]);
  });

  it('applies one delta with every view kind and reports each as changed', () => {
    const { changed } = applyDelta(base(), deltaOf({
      yearly: [], crimeAreas: [], totals: {}, flows: {}, operations: [],
      trendMinutes: { from: '2026-11-28T13:57:00Z', to: '2026-11-28T14:01:00Z', points: [] },
      trendDays: { from: '2026-11-26T00:00:00Z', to: '2026-11-29T00:00:00Z', points: [] },
    }), VIEWS);
    assert.deepEqual(changed, ['yearly', 'crimeAreas', 'totals', 'flows', 'operations', 'trendMinutes', 'trendDays']);
  });

  it('ignores views the contract does not know, and rules this page does not know', () => {
    const state = base();
    const { state: next, changed } = applyDelta(state, deltaOf({
      weather: [{ city: 'Bucharest', sky: 'clear' }],
      totals: { today: 121 },
      heatmap: { cells: [] },
    }), [...VIEWS, { name: 'heatmap', merge: 'sparse' }]);
    assert.deepEqual(changed, ['totals']);
    assert.equal(next.views.weather, undefined);
    assert.equal(next.views.heatmap, undefined);
    assert.equal(next.views.totals.today, 121);
  });

  it('merges any view by its rule, whatever its name', () => {
    const views = [{ name: 'desks', merge: 'rows', key: ['country', 'agency'] }, { name: 'trendHours', merge: 'trend', step: 'PT1H' }];
    const { state } = applyDelta(emptyState(), deltaOf({
      desks: [{ country: 'RO', agency: 'POLICE', open: 3 }, { country: 'RO', agency: 'CUSTOMS', open: 1 }],
      trendHours: { from: '2026-11-28T12:00:00Z', to: '2026-11-28T15:00:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:00:00Z', count: 9 }] },
    }), views);
    const { state: next } = applyDelta(state, deltaOf({ desks: [{ country: 'RO', agency: 'CUSTOMS', open: 2 }] }), views);
    assert.deepEqual(next.views.desks, [{ country: 'RO', agency: 'POLICE', open: 3 }, { country: 'RO', agency: 'CUSTOMS', open: 2 }]);
    assert.equal(next.views.trendHours.step, 'PT1H');
    assert.deepEqual(next.views.trendHours.series, [{ taskForce: 'DRUGS', counts: [0, 0, 9] }]);
  });

  it('is idempotent: values are absolute', () => {
    const message = deltaOf({ totals: { today: 130 }, flows: { RO: { BG: 20 } } });
    const once = applyDelta(base(), message, VIEWS).state;
    const twice = applyDelta(once, message, VIEWS).state;
    assert.deepEqual(twice, once);
  });

  it('never modifies the state it is given', () => {
    const state = base();
    const before = structuredClone(state);
    applyDelta(state, deltaOf({
      totals: { today: 1 },
      yearly: [{ year: 2026, total: 1 }],
      trendMinutes: { from: '2026-11-28T13:58:00Z', to: '2026-11-28T14:02:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:01:00Z', count: 1 }] },
    }), VIEWS);
    assert.deepEqual(state, before);
  });

  it('builds a trend from a delta when the snapshot had none', () => {
    const { state } = applyDelta(emptyState(), deltaOf({
      trendDays: { from: '2026-11-28T00:00:00Z', to: '2026-11-30T00:00:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-29T00:00:00Z', count: 3 }] },
    }), VIEWS);
    assert.equal(state.views.trendDays.step, 'P1D');
    assert.deepEqual(state.views.trendDays.series, [{ taskForce: 'DRUGS', counts: [0, 3] }]);
  });
});

describe('helpers', () => {
  it('replaceByKey keeps order, replaces in place, appends the new', () => {
    const rows = [{ k: 'a', v: 1 }, { k: 'b', v: 2 }];
    assert.deepEqual(replaceByKey(rows, [{ k: 'b', v: 3 }, { k: 'c', v: 4 }], (row) => row.k), [{ k: 'a', v: 1 }, { k: 'b', v: 3 }, { k: 'c', v: 4 }]);
  });

  it('matrixRows names each cell by the view\'s key and value fields', () => {
    const view = { name: 'desks', merge: 'matrix', key: ['country', 'agency'], value: 'open' };
    assert.deepEqual(matrixRows({ RO: { POLICE: 3, CUSTOMS: 0 }, BG: {} }, view),
      [{ country: 'RO', agency: 'POLICE', open: 3 }, { country: 'RO', agency: 'CUSTOMS', open: 0 }]);
    assert.deepEqual(matrixRows({}, view), []);
  });

  it('keys a row by all its key fields, without mixing them up', () => {
    const keyOf = rowKey(['from', 'to']);
    assert.equal(keyOf({ from: 'RO', to: 'BG', count: 1 }), keyOf({ from: 'RO', to: 'BG', count: 2 }));
    assert.notEqual(keyOf({ from: 'RO', to: 'BG' }), keyOf({ from: 'BG', to: 'RO' }));
    assert.notEqual(keyOf({ from: 'A,B', to: 'C' }), keyOf({ from: 'A', to: 'B,C' }));
  });
});
