import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centerZone } from '../app/center-time.js';
import { applyTrendDelta, shiftTrendWindow, stepIndex, stepMilliseconds, stepStarts, trendLength, trendMarkers } from '../app/trend.js';

const trend = { from: '2026-11-28T14:00:00Z', to: '2026-11-28T14:03:00Z', step: 'PT1M', series: [{ taskForce: 'DRUGS', counts: [1, 2, 3] }] };

describe('trend', () => {
  it('reads the trend steps', () => {
    assert.equal(stepMilliseconds('PT1M'), 60_000);
    assert.equal(stepMilliseconds('PT1H'), 3_600_000);
    assert.equal(stepMilliseconds('P1D'), 86_400_000);
    assert.throws(() => stepMilliseconds('P1M1'));
  });

  it('finds the step a time falls on, before, in and after the window', () => {
    assert.equal(stepIndex(trend, '2026-11-28T13:59:00Z'), -1);
    assert.equal(stepIndex(trend, '2026-11-28T14:00:00Z'), 0);
    assert.equal(stepIndex(trend, '2026-11-28T14:02:00.004Z'), 2);
    assert.equal(stepIndex(trend, '2026-11-28T14:03:00Z'), 3);
    assert.equal(trendLength(trend), 3);
    assert.equal(trendLength({ ...trend, to: trend.from }), 0);
  });

  it('tells when each step starts', () => {
    const start = Date.parse('2026-11-28T14:00:00Z');
    assert.deepEqual(stepStarts(trend), [start, start + 60_000, start + 120_000]);
    assert.deepEqual(stepStarts({ ...trend, from: '2026-11-26T00:00:00Z', to: '2026-11-28T00:00:00Z', step: 'P1D' }),
      [Date.parse('2026-11-26T00:00:00Z'), Date.parse('2026-11-27T00:00:00Z')]);
  });

  it('shifting a window keeps the overlap and zero-fills the rest', () => {
    assert.deepEqual(shiftTrendWindow(trend, '2026-11-28T14:01:00Z', '2026-11-28T14:05:00Z').series[0].counts, [2, 3, 0, 0]);
    assert.deepEqual(shiftTrendWindow(trend, '2026-11-28T13:59:00Z', '2026-11-28T14:02:00Z').series[0].counts, [0, 1, 2]);
    assert.deepEqual(shiftTrendWindow(trend, '2026-11-28T15:00:00Z', '2026-11-28T15:02:00Z').series[0].counts, [0, 0]);
  });

  it('builds a trend from a delta with the step it is given', () => {
    const built = applyTrendDelta(undefined, {
      from: '2026-11-28T00:00:00Z', to: '2026-11-30T00:00:00Z', points: [{ taskForce: 'DRUGS', t: '2026-11-29T00:00:00Z', count: 3 }],
    }, 'P1D');
    assert.deepEqual(built, { from: '2026-11-28T00:00:00Z', to: '2026-11-30T00:00:00Z', step: 'P1D', series: [{ taskForce: 'DRUGS', counts: [0, 3] }] });
  });

  it('keeps the step of a trend it already has', () => {
    const next = applyTrendDelta(trend, { from: trend.from, to: trend.to, points: [{ taskForce: 'DRUGS', t: '2026-11-28T14:01:00Z', count: 7 }] }, 'P1D');
    assert.equal(next.step, 'PT1M');
    assert.deepEqual(next.series[0].counts, [1, 7, 3]);
  });
});

describe('operation markers', () => {
  const minutes = { from: '2026-11-27T05:58:00Z', to: '2026-11-27T06:03:00Z', step: 'PT1M', series: [] };
  const days = { from: '2026-11-25T00:00:00Z', to: '2026-11-28T00:00:00Z', step: 'P1D', series: [] };
  const seconds = (time) => Date.parse(time) / 1000;
  const tara = {
    id: 'TARA',
    taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION',
    actions: ['2026-11-27T06:00:00Z'],
    results: [
      { country: 'HR', arrests: 46, occurredAt: '2026-11-27T08:00:00Z' },
      { country: 'RS', arrests: 22, occurredAt: '2026-11-27T09:30:00Z' },
    ],
  };
  const drugs = { id: 'DORA', taskForce: 'DRUGS', actions: ['2026-11-27T06:01:30Z'], results: [] };

  it('marks the actions and results of the task force that fall in the window, on their step', () => {
    assert.deepEqual(trendMarkers([tara, drugs], 'DRUGS', minutes), [{ kind: 'action', x: seconds('2026-11-27T06:01:00Z') }]);
    assert.deepEqual(trendMarkers([tara, drugs], 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', minutes), [{ kind: 'action', x: seconds('2026-11-27T06:00:00Z') }]);
  });

  it('draws one marker per step and kind', () => {
    assert.deepEqual(trendMarkers([tara], 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', days), [
      { kind: 'action', x: seconds('2026-11-27T00:00:00Z') },
      { kind: 'result', x: seconds('2026-11-27T00:00:00Z') },
    ]);
  });

  it('leaves out what falls outside the window, its end excluded', () => {
    const late = { ...tara, actions: ['2026-11-28T00:00:00Z'], results: [{ occurredAt: '2026-11-24T23:59:59Z' }, { occurredAt: 'never' }] };
    assert.deepEqual(trendMarkers([late], 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', days), []);
  });

  it('takes an operation without actions (older data) and no operations at all', () => {
    const { actions, ...older } = tara;
    assert.equal(actions.length, 1);
    assert.deepEqual(trendMarkers([older], 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', days).map((marker) => marker.kind), ['result']);
    assert.deepEqual(trendMarkers(undefined, 'DRUGS', days), []);
    assert.deepEqual(trendMarkers([tara], 'DRUGS', undefined), []);
  });
});

describe('days of the center\'s calendar', () => {
  const iso = (milliseconds) => new Date(milliseconds).toISOString().replace('.000Z', 'Z');
  // Four days around the end of summer time in Bucharest: the 25th of October 2026 has 25 hours.
  const autumn = { from: '2026-10-23T21:00:00Z', to: '2026-10-27T22:00:00Z', step: 'P1D', series: [{ taskForce: 'DRUGS', counts: [1, 2, 3, 4] }] };
  const bucharest = centerZone('Europe/Bucharest');

  it('start at the center\'s midnights, an hour later after summer time ends', () => {
    assert.equal(trendLength(autumn), 4);
    assert.deepEqual(stepStarts(autumn, bucharest).map(iso),
      ['2026-10-23T21:00:00Z', '2026-10-24T21:00:00Z', '2026-10-25T22:00:00Z', '2026-10-26T22:00:00Z']);
    const adelaide = { from: '2026-10-02T14:30:00Z', to: '2026-10-05T13:30:00Z', step: 'P1D', series: [] };
    assert.deepEqual(stepStarts(adelaide, centerZone('Australia/Adelaide')).map(iso),
      ['2026-10-02T14:30:00Z', '2026-10-03T14:30:00Z', '2026-10-04T13:30:00Z'], 'and half an hour off UTC\'s');
  });

  it('take a delta\'s point, and an operation\'s marker, on the center\'s day', () => {
    const moved = applyTrendDelta(autumn, {
      from: '2026-10-24T21:00:00Z', to: '2026-10-28T22:00:00Z', points: [{ taskForce: 'DRUGS', t: '2026-10-26T22:00:00Z', count: 9 }],
    }, 'P1D');
    assert.deepEqual(moved.series[0].counts, [2, 3, 9, 0]);
    // 00:30 on the 26th in Bucharest: 24-hour steps from the 23rd would put it on the 25th.
    const operations = [{ taskForce: 'DRUGS', actions: ['2026-10-25T22:30:00Z'], results: [] }];
    assert.deepEqual(trendMarkers(operations, 'DRUGS', autumn, bucharest), [{ kind: 'action', x: Date.parse('2026-10-25T22:00:00Z') / 1000 }]);
  });
});
