import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDelta, applySnapshot, emptyState, replaceByKey, shiftTrendWindow, stepMilliseconds } from '../app/state.js';

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
  it('replaces the whole state, yearly rows in ascending years', () => {
    const state = applySnapshot(snapshotMessage());
    assert.deepEqual(state.views.yearly.map((row) => row.year), [2006, 2007, 2008, 2026]);
    assert.equal(state.views.totals.today, 120);
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

  it('replaces yearly rows by year and appends new years in order', () => {
    const { state, changed } = applyDelta(base(), deltaOf({
      yearly: [
        { year: 2026, membersDaily: 101, membersOperations: 5, memberObserverDaily: 10, memberObserverOperations: 1, total: 117 },
        { year: 2027, membersDaily: 1, membersOperations: 0, memberObserverDaily: 0, total: 1 },
      ],
    }));
    assert.deepEqual(changed, ['yearly']);
    assert.deepEqual(state.views.yearly.map((row) => [row.year, row.total]), [[2006, 5953], [2007, 7583], [2008, 9196], [2026, 117], [2027, 1]]);
    assert.equal(state.views.yearly[3].memberObserverOperations, 1);
  });

  it('replaces crime areas by crime area and adds missing ones', () => {
    const { state } = applyDelta(base(), deltaOf({
      crimeAreas: [
        { crimeArea: 'TERRORISM', taskForce: 'TERRORISM', requests: 6, information: 1 },
        { crimeArea: 'MONEY_LAUNDERING', taskForce: 'FINANCIAL_COMPUTER_CRIME', requests: 1, information: 0 },
      ],
    }));
    assert.deepEqual(state.views.crimeAreas.map((row) => [row.crimeArea, row.requests]),
      [['DRUG_TRAFFICKING', 112], ['TERRORISM', 6], ['MONEY_LAUNDERING', 1]]);
  });

  it('merges the changed totals fields over the others', () => {
    const { state } = applyDelta(base(), deltaOf({ totals: { today: 121, thisYear: 40212 } }));
    assert.deepEqual(state.views.totals, { date: '2026-11-28', today: 121, sameDayLastYear: 98, thisYear: 40212, lastYearToDate: 38002 });
  });

  it('replaces flows by (from, to): direction matters', () => {
    const { state } = applyDelta(base(), deltaOf({ flows: [{ from: 'RO', to: 'BG', count: 13 }, { from: 'TR', to: 'GR', count: 1 }] }));
    assert.deepEqual(state.views.flows, [{ from: 'RO', to: 'BG', count: 13 }, { from: 'BG', to: 'RO', count: 7 }, { from: 'TR', to: 'GR', count: 1 }]);
  });

  it('takes the operations array whole', () => {
    const operations = [{ id: 'DORA', name: 'Dora', status: 'OPEN', arrests: 25 }];
    const { state } = applyDelta(base(), deltaOf({ operations }));
    assert.deepEqual(state.views.operations, operations);
  });

  it('sets trend points within the same window', () => {
    const { state } = applyDelta(base(), deltaOf({
      trendMinutes: { from: '2026-11-28T13:57:00Z', to: '2026-11-28T14:01:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:00:00Z', count: 7 }] },
    }));
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
    }));
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
    }));
    assert.deepEqual(state.views.trendDays.series[0].counts, [200, 50, 1]);
  });

  it('starts a series for a task force it has not seen, and ignores points outside the window', () => {
    const { state } = applyDelta(base(), deltaOf({
      trendMinutes: {
        from: '2026-11-28T13:57:00Z',
        to: '2026-11-28T14:01:00Z',
        points: [{ taskForce: 'STOLEN_VEHICLES', t: '2026-11-28T13:58:00Z', count: 4 }, { taskForce: 'DRUGS', t: '2026-11-28T14:01:00Z', count: 99 }],
      },
    }));
    const series = state.views.trendMinutes.series;
    assert.deepEqual(series.find((entry) => entry.taskForce === 'STOLEN_VEHICLES').counts, [0, 4, 0, 0]);
    assert.deepEqual(series[0].counts, [1, 2, 3, 4]);
  });

  it('applies one delta with every view kind and reports each as changed', () => {
    const { changed } = applyDelta(base(), deltaOf({
      yearly: [], crimeAreas: [], totals: {}, flows: [], operations: [],
      trendMinutes: { from: '2026-11-28T13:57:00Z', to: '2026-11-28T14:01:00Z', points: [] },
      trendDays: { from: '2026-11-26T00:00:00Z', to: '2026-11-29T00:00:00Z', points: [] },
    }));
    assert.deepEqual(changed, ['yearly', 'crimeAreas', 'totals', 'trendMinutes', 'trendDays', 'flows', 'operations']);
  });

  it('is idempotent: values are absolute', () => {
    const message = deltaOf({ totals: { today: 130 }, flows: [{ from: 'RO', to: 'BG', count: 20 }] });
    const once = applyDelta(base(), message).state;
    const twice = applyDelta(once, message).state;
    assert.deepEqual(twice, once);
  });

  it('never modifies the state it is given', () => {
    const state = base();
    const before = structuredClone(state);
    applyDelta(state, deltaOf({
      totals: { today: 1 },
      yearly: [{ year: 2026, total: 1 }],
      trendMinutes: { from: '2026-11-28T13:58:00Z', to: '2026-11-28T14:02:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:01:00Z', count: 1 }] },
    }));
    assert.deepEqual(state, before);
  });

  it('builds a trend from a delta when the snapshot had none', () => {
    const { state } = applyDelta(emptyState(), deltaOf({
      trendDays: { from: '2026-11-28T00:00:00Z', to: '2026-11-30T00:00:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-29T00:00:00Z', count: 3 }] },
    }));
    assert.equal(state.views.trendDays.step, 'P1D');
    assert.deepEqual(state.views.trendDays.series, [{ taskForce: 'DRUGS', counts: [0, 3] }]);
  });
});

describe('helpers', () => {
  it('replaceByKey keeps order, replaces in place, appends the new', () => {
    const rows = [{ k: 'a', v: 1 }, { k: 'b', v: 2 }];
    assert.deepEqual(replaceByKey(rows, [{ k: 'b', v: 3 }, { k: 'c', v: 4 }], (row) => row.k), [{ k: 'a', v: 1 }, { k: 'b', v: 3 }, { k: 'c', v: 4 }]);
  });

  it('reads the trend steps', () => {
    assert.equal(stepMilliseconds('PT1M'), 60_000);
    assert.equal(stepMilliseconds('PT1H'), 3_600_000);
    assert.equal(stepMilliseconds('P1D'), 86_400_000);
    assert.throws(() => stepMilliseconds('P1M1'));
  });

  it('shifting a window back in time keeps the overlap and zero-fills the rest', () => {
    const trend = { from: '2026-11-28T14:00:00Z', to: '2026-11-28T14:03:00Z', step: 'PT1M', series: [{ taskForce: 'DRUGS', counts: [1, 2, 3] }] };
    assert.deepEqual(shiftTrendWindow(trend, '2026-11-28T13:59:00Z', '2026-11-28T14:02:00Z').series[0].counts, [0, 1, 2]);
    assert.deepEqual(shiftTrendWindow(trend, '2026-11-28T15:00:00Z', '2026-11-28T15:02:00Z').series[0].counts, [0, 0]);
  });
});
