import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  LIVE_PERIOD, createPeriodLoader, defaultDate, fetchTrend, pastTick, periodKey, periodRanges, periodSearch, periodWords,
  readPeriod, trendQueryUrl, validDate,
} from '../app/history.js';
import { trendSeries } from '../app/selectors.js';
import { createContract } from '../app/contract.js';
import { createFakeClock } from './support/fake-clock.mjs';
import { SIGN_IN, wallCaller } from './support/signed-in.mjs';

const NOW = Date.parse('2026-11-28T14:05:00Z');
const DAY = { kind: 'day', date: '2026-11-21' };
const WEEK = { kind: 'week', date: '2026-11-16' };

function recordingLog() {
  const warnings = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

describe('the period in the address', () => {
  it('reads a past day or week, and live when there is neither', () => {
    assert.deepEqual(readPeriod('?taskForce=DRUGS&day=2026-11-20', NOW), { kind: 'day', date: '2026-11-20' });
    assert.deepEqual(readPeriod('?week=2026-11-16&taskForce=DRUGS', NOW), WEEK);
    assert.deepEqual(readPeriod('?taskForce=DRUGS', NOW), LIVE_PERIOD);
    assert.deepEqual(readPeriod('?day=2026-11-28', NOW), { kind: 'day', date: '2026-11-28' }, 'today so far');
    assert.deepEqual(readPeriod('?day=2026-11-20&week=2026-11-16', NOW), { kind: 'day', date: '2026-11-20' }, 'the day first');
  });

  it('ignores with a warning a date that is wrong, in the future or before 1900', () => {
    for (const search of ['?day=2026-11-29', '?day=2026-02-30', '?day=20261120', '?day=', '?week=tomorrow', '?week=1899-12-31', '?day=2026-11-20T00:00']) {
      const log = recordingLog();
      assert.deepEqual(readPeriod(search, NOW, log), LIVE_PERIOD, search);
      assert.equal(log.warnings.length, 1, search);
      assert.match(log.warnings[0], /showing live/);
    }
  });

  it('checks a date like the address does', () => {
    assert.equal(validDate('2024-02-29', NOW), true);
    assert.equal(validDate('2025-02-29', NOW), false);
    assert.equal(validDate(undefined, NOW), false);
  });

  it('writes the period into the address, keeping the other parameters', () => {
    assert.equal(periodSearch('?taskForce=DRUGS', DAY), '?taskForce=DRUGS&day=2026-11-21');
    assert.equal(periodSearch('?taskForce=DRUGS&day=2026-11-21', WEEK), '?taskForce=DRUGS&week=2026-11-16');
    assert.equal(periodSearch('?taskForce=DRUGS&week=2026-11-16', LIVE_PERIOD), '?taskForce=DRUGS');
    assert.equal(periodSearch('?day=2026-11-21', LIVE_PERIOD), '');
  });

  it('names the period for the test hook', () => {
    assert.equal(periodKey(LIVE_PERIOD), 'live');
    assert.equal(periodKey(DAY), 'day:2026-11-21');
    assert.equal(periodKey(WEEK), 'week:2026-11-16');
  });

  it('offers yesterday, or the seven days before today', () => {
    assert.equal(defaultDate('day', NOW), '2026-11-27');
    assert.equal(defaultDate('week', NOW), '2026-11-21');
  });
});

describe('a past period', () => {
  it('is a UTC day of 1440 minutes and 24 hours', () => {
    assert.deepEqual(periodRanges(DAY), {
      left: { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z', step: 'PT1M' },
      right: { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z', step: 'PT1H' },
    });
  });

  it('is a week of 168 hours and 7 days from the chosen date', () => {
    assert.deepEqual(periodRanges(WEEK), {
      left: { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z', step: 'PT1H' },
      right: { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z', step: 'P1D' },
    });
  });

  it('says what it shows', () => {
    assert.equal(periodWords(DAY).title, 'Sat 21 Nov 2026, per minute · per hour');
    assert.equal(periodWords(WEEK).title, 'Mon 16 Nov – Sun 22 Nov 2026, per hour · per day');
    assert.equal(periodWords({ kind: 'week', date: '2026-12-28' }).dates, 'Mon 28 Dec 2026 – Sun 3 Jan 2027');
  });

  it('labels its axes in UTC, naming the day at midnight', () => {
    assert.equal(pastTick(Date.parse('2026-11-21T06:00:00Z') / 1000), '06:00');
    assert.equal(pastTick(Date.parse('2026-11-21T00:00:00Z') / 1000), 'Sat 21');
  });

  it('is asked for relative to the page, for the shown task forces', () => {
    const url = new URL(trendQueryUrl('https://pulse.example/center/?taskForce=DRUGS&day=2026-11-21', periodRanges(DAY).left, ['DRUGS', 'TERRORISM']));
    assert.equal(url.pathname, '/center/api/v1/task-forces/trend');
    assert.deepEqual([...url.searchParams], [
      ['from', '2026-11-21T00:00:00Z'], ['to', '2026-11-22T00:00:00Z'], ['step', 'PT1M'], ['taskForce', 'DRUGS'], ['taskForce', 'TERRORISM'],
    ]);
  });

  it('turns the answer into chart series, zeros where a task force has no series', () => {
    const contract = createContract({
      taskForces: [{ code: 'DRUGS', name: 'Drug trafficking' }, { code: 'TERRORISM', name: 'Terrorism' }],
      crimeAreas: [], parties: [], operationStatuses: [], operationKinds: [], seizures: [], views: [],
      caller: wallCaller([]), signIn: SIGN_IN,
    });
    const answer = { ...periodRanges(WEEK).right, series: [{ taskForce: 'DRUGS', counts: [1, 2, 3, 4, 5, 6, 7], total: 28 }] };
    const { xs, series } = trendSeries(contract, answer, ['DRUGS', 'TERRORISM']);
    assert.equal(xs.length, 7);
    assert.equal(xs[6], Date.parse('2026-11-22T00:00:00Z') / 1000);
    assert.deepEqual(series.map(({ sum, peak }) => [sum, peak]), [[28, 7], [0, 0]]);
  });
});

// A fetch that answers each request with the next of `answers` ({status, body, headers}), or
// holds it until the test releases it.
function fakeFetch() {
  const requests = [];
  const fetch = (url, init) => new Promise((resolve, reject) => {
    requests.push({ url: new URL(url), init, answer: (status, body, headers = {}) => resolve(response(status, body, headers)), fail: reject });
  });
  return { fetch, requests };
}

function response(status, body, headers) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name) => headers[name] ?? null },
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
  };
}

const settle = () => new Promise((resolve) => { setImmediate(resolve); });

function trendAnswer(request, counts) {
  const params = request.url.searchParams;
  return { from: params.get('from'), to: params.get('to'), step: params.get('step'), series: [{ taskForce: 'DRUGS', counts, total: 0 }] };
}

describe('fetching a past trend', () => {
  it('sends the session cookie and asks for JSON', async () => {
    const { fetch, requests } = fakeFetch();
    const trend = fetchTrend(fetch, 'https://pulse.example/api/v1/task-forces/trend');
    assert.equal(requests[0].init.credentials, 'same-origin');
    assert.equal(requests[0].init.headers.Accept, 'application/json');
    requests[0].answer(200, { series: [] });
    assert.deepEqual(await trend, { series: [] });
  });

  it('reports the problem the service names', async () => {
    const { fetch, requests } = fakeFetch();
    const trend = fetchTrend(fetch, 'https://pulse.example/x');
    requests[0].answer(403, { title: 'Forbidden', detail: 'task force TERRORISM is not open to leader-drugs' });
    await assert.rejects(trend, { message: 'task force TERRORISM is not open to leader-drugs', retryAfterMs: null });
  });

  it('says when to try again while the database is away', async () => {
    const { fetch, requests } = fakeFetch();
    const trend = fetchTrend(fetch, 'https://pulse.example/x');
    requests[0].answer(503, 'not json', { 'Retry-After': '30' });
    await assert.rejects(trend, { message: 'HTTP 503', retryAfterMs: 30_000 });
  });

  it('rejects an answer without series, and a service out of reach', async () => {
    const { fetch, requests } = fakeFetch();
    const shapeless = fetchTrend(fetch, 'https://pulse.example/x');
    requests[0].answer(200, { series: [{ taskForce: 'DRUGS' }] });
    await assert.rejects(shapeless, /no series of counts/);
    const unreachable = fetchTrend(fetch, 'https://pulse.example/x');
    requests[1].fail(new TypeError('Failed to fetch'));
    await assert.rejects(unreachable, /cannot be reached/);
  });
});

describe('period loader', () => {
  let clock;
  let fake;
  let states;
  let loader;

  beforeEach(() => {
    clock = createFakeClock();
    fake = fakeFetch();
    states = [];
    loader = createPeriodLoader({
      base: 'https://pulse.example/?taskForce=DRUGS',
      taskForces: ['DRUGS'],
      onState: (state) => states.push(state),
      fetch: fake.fetch,
      clock,
      log: recordingLog(),
    });
  });

  it('is loading, then ready with the minutes and the hours of a day', async () => {
    loader.load(DAY);
    assert.deepEqual(states.map((state) => state.state), ['loading']);
    assert.deepEqual(fake.requests.map((request) => request.url.searchParams.get('step')), ['PT1M', 'PT1H']);
    fake.requests[0].answer(200, trendAnswer(fake.requests[0], [1, 2]));
    await settle();
    assert.equal(states.length, 1, 'ready only once both charts have their data');
    fake.requests[1].answer(200, trendAnswer(fake.requests[1], [3]));
    await settle();
    const ready = states.at(-1);
    assert.equal(ready.state, 'ready');
    assert.equal(ready.period, DAY);
    assert.equal(ready.left.step, 'PT1M');
    assert.equal(ready.right.step, 'PT1H');
  });

  it('ignores the answers of a period it has moved on from', async () => {
    loader.load(DAY);
    loader.load(WEEK);
    for (const request of fake.requests) request.answer(200, trendAnswer(request, [1]));
    await settle();
    assert.deepEqual(states.map((state) => [state.state, state.period.kind]), [['loading', 'day'], ['loading', 'week'], ['ready', 'week']]);
    assert.equal(states.at(-1).left.step, 'PT1H');
  });

  it('ignores everything once cancelled (back to live)', async () => {
    loader.load(DAY);
    loader.cancel();
    fake.requests[0].answer(200, trendAnswer(fake.requests[0], [1]));
    fake.requests[1].answer(503, {}, { 'Retry-After': '5' });
    await settle();
    assert.deepEqual(states.map((state) => state.state), ['loading']);
    assert.equal(clock.pending(), 0);
  });

  it('says why it failed, and tries no more unless asked', async () => {
    loader.load(DAY);
    fake.requests[0].answer(400, { detail: 'from: not an instant' });
    fake.requests[1].answer(200, trendAnswer(fake.requests[1], [1]));
    await settle();
    assert.deepEqual(states.at(-1), { state: 'error', period: DAY, message: 'from: not an instant', retryAt: null });
    assert.equal(clock.pending(), 0);
    loader.load(DAY);
    assert.equal(fake.requests.length, 4, 'a retry asks again');
  });

  it('asks again by itself after the Retry-After of a 503', async () => {
    loader.load(WEEK);
    fake.requests[0].answer(503, { title: 'Database unavailable' }, { 'Retry-After': '20' });
    fake.requests[1].answer(200, trendAnswer(fake.requests[1], [1]));
    await settle();
    assert.deepEqual(states.at(-1), { state: 'error', period: WEEK, message: 'Database unavailable', retryAt: 20_000 });
    clock.advance(19_999);
    assert.equal(fake.requests.length, 2);
    clock.advance(1);
    assert.equal(fake.requests.length, 4);
    assert.equal(states.at(-1).state, 'loading');
    fake.requests[2].answer(200, trendAnswer(fake.requests[2], [1]));
    fake.requests[3].answer(200, trendAnswer(fake.requests[3], [1]));
    await settle();
    assert.equal(states.at(-1).state, 'ready');
  });

  it('reports a failure to draw the answer as an error', async () => {
    const log = recordingLog();
    const failing = createPeriodLoader({
      base: 'https://pulse.example/',
      taskForces: ['DRUGS'],
      onState(state) {
        states.push(state);
        if (state.state === 'ready') throw new Error('cannot draw');
      },
      fetch: fake.fetch,
      clock,
      log,
    });
    failing.load(DAY);
    for (const request of fake.requests) request.answer(200, trendAnswer(request, [1]));
    await settle();
    assert.deepEqual(states.map((state) => state.state), ['loading', 'ready', 'error']);
    assert.match(log.warnings[0], /day:2026-11-21: cannot draw/);
  });
});
