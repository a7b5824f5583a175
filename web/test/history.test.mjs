import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  LIVE_PERIOD, createPeriodLoader, dateBounds, defaultDate, earliestDate, fetchTrend, keptSpans, pastTickFormat, periodKey, periodRanges,
  periodSearch, periodSteps, periodWords, pickedDate, readPeriod, trendQueryUrl, validDate,
} from '../app/history.js';
import { centerZone } from '../app/center-time.js';
import { trendSeries } from '../app/selectors.js';
import { createContract } from '../app/contract.js';
import { createPeriodControl } from '../app/views/trends.js';
import { createFakeClock, createFakeServiceClock } from './support/fake-clock.mjs';
import { withFakeDom } from './support/fake-dom.mjs';
import { SIGN_IN, wallCaller } from './support/signed-in.mjs';

const NOW = Date.parse('2026-11-28T14:05:00Z');
// The rules, in UTC: the center's zone comes later in this file.
const UTC = centerZone('UTC');
const DAY = { kind: 'day', date: '2026-11-21' };
const WEEK = { kind: 'week', date: '2026-11-16' };
const DAY_MS = 86_400_000;
// A contract without `kept`, and the one the service sends by default.
const ALL_KEPT = keptSpans(undefined);
const KEPT = keptSpans({ PT1M: 'P35D', PT1H: 'P400D', P1D: 'forever' });
const DAY_STEPS = { left: 'PT1M', right: 'PT1H', note: null };
const WEEK_STEPS = { left: 'PT1H', right: 'P1D', note: null };

function recordingLog() {
  const warnings = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

describe('the period in the address', () => {
  it('reads a past day or week, and live when there is neither', () => {
    assert.deepEqual(readPeriod('?taskForce=DRUGS&day=2026-11-20', NOW, UTC, KEPT), { kind: 'day', date: '2026-11-20' });
    assert.deepEqual(readPeriod('?week=2026-11-16&taskForce=DRUGS', NOW, UTC, KEPT), WEEK);
    assert.deepEqual(readPeriod('?taskForce=DRUGS', NOW, UTC, KEPT), LIVE_PERIOD);
    assert.deepEqual(readPeriod('?day=2026-11-28', NOW, UTC, KEPT), { kind: 'day', date: '2026-11-28' }, 'today so far');
    assert.deepEqual(readPeriod('?day=2026-11-20&week=2026-11-16', NOW, UTC, KEPT), { kind: 'day', date: '2026-11-20' }, 'the day first');
  });

  it('ignores with a warning a date that is wrong, in the future or before 1900', () => {
    for (const search of ['?day=2026-11-29', '?day=2026-02-30', '?day=20261120', '?day=', '?week=tomorrow', '?week=1899-12-31', '?day=2026-11-20T00:00']) {
      const log = recordingLog();
      assert.deepEqual(readPeriod(search, NOW, UTC, ALL_KEPT, log), LIVE_PERIOD, search);
      assert.equal(log.warnings.length, 1, search);
      assert.match(log.warnings[0], /showing live/);
    }
  });

  it('ignores with a warning a day whose hours are no longer kept, but not a week of that day', () => {
    const log = recordingLog();
    assert.deepEqual(readPeriod('?day=2025-10-24', NOW, UTC, KEPT, log), LIVE_PERIOD);
    assert.deepEqual(log.warnings, ['Ignoring day=2025-10-24: not a date (YYYY-MM-DD) from 2025-10-25 to today; showing live']);
    assert.deepEqual(readPeriod('?day=2025-10-25', NOW, UTC, KEPT), { kind: 'day', date: '2025-10-25' });
    assert.deepEqual(readPeriod('?week=1950-01-02', NOW, UTC, KEPT), { kind: 'week', date: '1950-01-02' });
  });

  it('checks a date like the address does', () => {
    assert.equal(validDate('2024-02-29', NOW, UTC), true);
    assert.equal(validDate('2025-02-29', NOW, UTC), false);
    assert.equal(validDate(undefined, NOW, UTC), false);
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
    assert.equal(defaultDate('day', NOW, UTC), '2026-11-27');
    assert.equal(defaultDate('week', NOW, UTC), '2026-11-21');
  });
});

describe('a past period', () => {
  it('in UTC is a day of 1440 minutes and 24 hours', () => {
    assert.deepEqual(periodRanges(DAY, DAY_STEPS, UTC), {
      left: { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z', step: 'PT1M' },
      right: { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z', step: 'PT1H' },
    });
  });

  it('is a week of 168 hours and 7 days from the chosen date', () => {
    assert.deepEqual(periodRanges(WEEK, WEEK_STEPS, UTC), {
      left: { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z', step: 'PT1H' },
      right: { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z', step: 'P1D' },
    });
  });

  it('says what it shows', () => {
    assert.equal(periodWords(DAY, DAY_STEPS).title, 'Sat 21 Nov 2026, per minute · per hour');
    assert.equal(periodWords(WEEK, WEEK_STEPS).title, 'Mon 16 Nov – Sun 22 Nov 2026, per hour · per day');
    assert.equal(periodWords({ kind: 'week', date: '2026-12-28' }, WEEK_STEPS).dates, 'Mon 28 Dec 2026 – Sun 3 Jan 2027');
    assert.deepEqual(periodWords(DAY, DAY_STEPS).busiest, 'in its busiest hour');
  });

  it('says it once when both charts have one step', () => {
    const words = periodWords(DAY, { left: 'PT1H', right: 'PT1H', note: 'minutes are kept for 35 days: per hour' });
    assert.equal(words.title, 'Sat 21 Nov 2026, per hour');
    assert.deepEqual(words.per, ['per hour', 'per hour']);
    assert.equal(periodWords(WEEK, { left: 'P1D', right: 'P1D' }).busiest, 'on its busiest day');
  });

  it('labels its axes in UTC, naming the day at midnight', () => {
    assert.equal(pastTickFormat(UTC)(Date.parse('2026-11-21T06:00:00Z') / 1000), '06:00');
    assert.equal(pastTickFormat(UTC)(Date.parse('2026-11-21T00:00:00Z') / 1000), 'Sat 21');
  });

  it('is asked for relative to the page, for the shown task forces', () => {
    const url = new URL(trendQueryUrl('https://pulse.example/center/?taskForce=DRUGS&day=2026-11-21', periodRanges(DAY, DAY_STEPS, UTC).left, ['DRUGS', 'TERRORISM']));
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
    const answer = { ...periodRanges(WEEK, WEEK_STEPS, UTC).right, series: [{ taskForce: 'DRUGS', counts: [1, 2, 3, 4, 5, 6, 7], total: 28 }] };
    const { xs, series } = trendSeries(contract, answer, ['DRUGS', 'TERRORISM']);
    assert.equal(xs.length, 7);
    assert.equal(xs[6], Date.parse('2026-11-22T00:00:00Z') / 1000);
    assert.deepEqual(series.map(({ sum, peak }) => [sum, peak]), [[28, 7], [0, 0]]);
  });
});

describe('what is kept', () => {
  // NOW is 2026-11-28T14:05Z: 35 days before is 2026-10-24T14:05, 400 days before 2025-10-24T14:05.
  it('reads the durations of the contract, the way Java writes them too, and for ever', () => {
    assert.deepEqual(KEPT, { PT1M: 35 * DAY_MS, PT1H: 400 * DAY_MS });
    assert.deepEqual(keptSpans({ PT1M: 'PT840H', PT1H: 'P57W1D', P1D: 'PT36H30M' }), { PT1M: 35 * DAY_MS, PT1H: 400 * DAY_MS, P1D: 131_400_000 });
    assert.deepEqual(keptSpans({ PT1M: 'PT90.5S' }), { PT1M: 90_500 });
  });

  it('takes a missing kept, and a duration it cannot read, as for ever', () => {
    assert.deepEqual(ALL_KEPT, {});
    const log = recordingLog();
    assert.deepEqual(keptSpans({ PT1M: 'P1Y', PT1H: 'PT', P1D: 'P' }, log), {});
    assert.equal(log.warnings.length, 3);
    assert.match(log.warnings[0], /cannot read how long PT1M is kept \(P1Y\)/);
  });

  it('draws a day per minute while its minutes are kept, else per hour, and says so', () => {
    assert.deepEqual(periodSteps({ kind: 'day', date: '2026-10-25' }, KEPT, NOW, UTC), DAY_STEPS);
    assert.deepEqual(periodSteps({ kind: 'day', date: '2026-10-24' }, KEPT, NOW, UTC),
      { left: 'PT1H', right: 'PT1H', note: 'minutes are kept for 35 days: per hour' });
    assert.deepEqual(periodSteps({ kind: 'day', date: '2026-10-24' }, ALL_KEPT, NOW, UTC), DAY_STEPS);
    assert.deepEqual(periodSteps({ kind: 'day', date: '2026-10-24' }, keptSpans({ PT1M: 'PT840H' }), NOW, UTC).note,
      'minutes are kept for 35 days: per hour');
    assert.equal(periodSteps({ kind: 'day', date: '2026-11-27' }, keptSpans({ PT1M: 'PT36H' }), NOW, UTC).note,
      'minutes are kept for 36 hours: per hour');
  });

  it('draws a week per hour while its hours are kept, else per day', () => {
    assert.deepEqual(periodSteps({ kind: 'week', date: '2025-10-25' }, KEPT, NOW, UTC), WEEK_STEPS);
    assert.deepEqual(periodSteps({ kind: 'week', date: '2025-10-24' }, KEPT, NOW, UTC),
      { left: 'P1D', right: 'P1D', note: 'hours are kept for 400 days: per day' });
    assert.equal(periodSteps({ kind: 'week', date: '2020-01-06' }, keptSpans({ PT1H: 'P1D' }), NOW, UTC).note,
      'hours are kept for 1 day: per day');
  });

  it('gives up the fine steps a few minutes early rather than ask for ones the service just dropped', () => {
    const day = { kind: 'day', date: '2026-10-25' };
    // The service answers that day's minutes until 2026-11-29T00:01Z, when the minute 35 days
    // before is past its first; a page clock running behind must not be the one still asking.
    assert.deepEqual(periodSteps(day, KEPT, Date.parse('2026-11-28T23:55:59Z'), UTC), DAY_STEPS);
    assert.equal(periodSteps(day, KEPT, Date.parse('2026-11-28T23:56:00Z'), UTC).left, 'PT1H');
    assert.equal(periodSteps(day, KEPT, Date.parse('2026-11-29T00:00:00Z'), UTC).left, 'PT1H');
  });

  it('offers the days whose hours are kept, and weeks as far back as days are kept', () => {
    assert.equal(earliestDate('day', KEPT, NOW, UTC), '2025-10-25');
    assert.equal(earliestDate('day', ALL_KEPT, NOW, UTC), '1900-01-01');
    assert.equal(earliestDate('week', KEPT, NOW, UTC), '1900-01-01');
    assert.equal(earliestDate('week', keptSpans({ P1D: 'P3650D' }), NOW, UTC), '2016-11-30');
    assert.equal(earliestDate('day', keptSpans({ PT1H: 'P400000D' }), NOW, UTC), '1900-01-01');
    // Until the hour 400 days before is past that day's first, less the margin, it has all its hours.
    assert.equal(earliestDate('day', KEPT, Date.parse('2026-11-28T00:54:59Z'), UTC), '2025-10-24');
    assert.equal(earliestDate('day', KEPT, Date.parse('2026-11-28T00:55:00Z'), UTC), '2025-10-25');
  });

  it('turns a choice of the control into the date to show', () => {
    assert.equal(pickedDate('day', '', NOW, UTC, KEPT), '2026-11-27', 'yesterday by default');
    assert.equal(pickedDate('week', '', NOW, UTC, KEPT), '2026-11-21');
    assert.equal(pickedDate('day', '2026-10-01', NOW, UTC, KEPT), '2026-10-01', 'minutes gone, hours kept');
    assert.equal(pickedDate('day', '2024-03-04', NOW, UTC, KEPT), '2025-10-25', 'the oldest day whose hours are kept');
    assert.equal(pickedDate('week', '2024-03-04', NOW, UTC, KEPT), '2024-03-04');
    assert.equal(pickedDate('day', '2026-11-29', NOW, UTC, KEPT), null, 'the future');
    assert.equal(pickedDate('day', '2026-02-30', NOW, UTC, KEPT), null);
    assert.equal(pickedDate('day', '', NOW, UTC, keptSpans({ PT1H: 'PT2H' })), null, 'not even today has all its hours');
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
      zone: UTC,
      onState: (state) => states.push(state),
      fetch: fake.fetch,
      clock,
      log: recordingLog(),
    });
  });

  it('is loading, then ready with the minutes and the hours of a day', async () => {
    loader.load(DAY, DAY_STEPS);
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

  it('reads a day whose minutes are gone once, per hour, for both charts', async () => {
    const steps = periodSteps({ kind: 'day', date: '2026-10-24' }, KEPT, NOW, UTC);
    loader.load(DAY, steps);
    assert.deepEqual(fake.requests.map((request) => request.url.searchParams.get('step')), ['PT1H']);
    fake.requests[0].answer(200, trendAnswer(fake.requests[0], [3]));
    await settle();
    const ready = states.at(-1);
    assert.equal(ready.state, 'ready');
    assert.equal(ready.steps, steps);
    assert.equal(ready.left, ready.right);
    assert.equal(ready.left.step, 'PT1H');
  });

  it('shows the message of a 400 the service gives for any reason', async () => {
    loader.load(WEEK, { left: 'P1D', right: 'P1D', note: 'hours are kept for 400 days: per day' });
    fake.requests[0].answer(400, { detail: 'days are kept for 10 days (EXCHANGEPULSE_COUNTERS_DAY_RETENTION): the oldest kept now is 2026-11-18T00:00:00Z' });
    await settle();
    assert.equal(states.at(-1).state, 'error');
    assert.match(states.at(-1).message, /^days are kept for 10 days/);
  });

  it('ignores the answers of a period it has moved on from', async () => {
    loader.load(DAY, DAY_STEPS);
    loader.load(WEEK, WEEK_STEPS);
    for (const request of fake.requests) request.answer(200, trendAnswer(request, [1]));
    await settle();
    assert.deepEqual(states.map((state) => [state.state, state.period.kind]), [['loading', 'day'], ['loading', 'week'], ['ready', 'week']]);
    assert.equal(states.at(-1).left.step, 'PT1H');
  });

  it('ignores everything once cancelled (back to live)', async () => {
    loader.load(DAY, DAY_STEPS);
    loader.cancel();
    fake.requests[0].answer(200, trendAnswer(fake.requests[0], [1]));
    fake.requests[1].answer(503, {}, { 'Retry-After': '5' });
    await settle();
    assert.deepEqual(states.map((state) => state.state), ['loading']);
    assert.equal(clock.pending(), 0);
  });

  it('says why it failed, and tries no more unless asked', async () => {
    loader.load(DAY, DAY_STEPS);
    fake.requests[0].answer(400, { detail: 'from: not an instant' });
    fake.requests[1].answer(200, trendAnswer(fake.requests[1], [1]));
    await settle();
    assert.deepEqual(states.at(-1), { state: 'error', period: DAY, steps: DAY_STEPS, message: 'from: not an instant', retryAt: null });
    assert.equal(clock.pending(), 0);
    loader.load(DAY, DAY_STEPS);
    assert.equal(fake.requests.length, 4, 'a retry asks again');
  });

  it('asks again by itself after the Retry-After of a 503', async () => {
    loader.load(WEEK, WEEK_STEPS);
    fake.requests[0].answer(503, { title: 'Database unavailable' }, { 'Retry-After': '20' });
    fake.requests[1].answer(200, trendAnswer(fake.requests[1], [1]));
    await settle();
    assert.deepEqual(states.at(-1), { state: 'error', period: WEEK, steps: WEEK_STEPS, message: 'Database unavailable', retryAt: 20_000 });
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
      zone: UTC,
      onState(state) {
        states.push(state);
        if (state.state === 'ready') throw new Error('cannot draw');
      },
      fetch: fake.fetch,
      clock,
      log,
    });
    failing.load(DAY, DAY_STEPS);
    for (const request of fake.requests) request.answer(200, trendAnswer(request, [1]));
    await settle();
    assert.deepEqual(states.map((state) => state.state), ['loading', 'ready', 'error']);
    assert.match(log.warnings[0], /day:2026-11-21: cannot draw/);
  });
});

describe('looking back in the center\'s calendar', () => {
  const BUCHAREST = centerZone('Europe/Bucharest');
  // Half an hour off whole hours, and with summer time from the first Sunday of October to April's.
  const ADELAIDE = centerZone('Australia/Adelaide');
  const HOUR_MS = 3_600_000;
  const contractIn = (zone) => createContract({
    taskForces: [{ code: 'DRUGS', name: 'Drug trafficking' }], crimeAreas: [], parties: [], operationStatuses: [], operationKinds: [], seizures: [],
    views: [], caller: wallCaller(['DRUGS']), signIn: SIGN_IN, zone: zone.name,
  });
  const hours = ({ from, to }) => (Date.parse(to) - Date.parse(from)) / HOUR_MS;

  for (const { zone, lastSecond } of [
    { zone: BUCHAREST, lastSecond: '2026-11-27T21:59:59Z' },
    { zone: ADELAIDE, lastSecond: '2026-11-27T13:29:59Z' },
  ]) {
    it(`moves today, yesterday and the picker's last day at midnight in ${zone.name}`, () => {
      // The page's now is the service's: a frame a second before the center's midnight.
      const clock = createFakeServiceClock(lastSecond);
      assert.equal(dateBounds('live', KEPT, clock.now(), zone).max, '2026-11-27');
      assert.equal(defaultDate('day', clock.now(), zone), '2026-11-26');
      assert.deepEqual(readPeriod('?day=2026-11-28', clock.now(), zone, KEPT, recordingLog()), LIVE_PERIOD, 'tomorrow, for one more second');
      clock.advance(1000);
      assert.equal(dateBounds('live', KEPT, clock.now(), zone).max, '2026-11-28');
      assert.equal(dateBounds('week', KEPT, clock.now(), zone).max, '2026-11-28');
      assert.equal(defaultDate('day', clock.now(), zone), '2026-11-27');
      assert.equal(defaultDate('week', clock.now(), zone), '2026-11-21');
      assert.deepEqual(readPeriod('?day=2026-11-28', clock.now(), zone, KEPT), { kind: 'day', date: '2026-11-28' });
      assert.equal(pickedDate('day', '', clock.now(), zone, KEPT), '2026-11-27');
    });
  }

  // Each zone's short day (the clocks go forward), its long day (back), and a week across the long one.
  const SUMMER_TIME = [
    {
      zone: BUCHAREST,
      short: { date: '2026-03-29', ticks: ['Sun 29', '01:00', '02:00', '04:00', '05:00'] },
      long: { date: '2026-10-25', ticks: ['Sun 25', '01:00', '02:00', '03:00', '03:00', '04:00'] },
      week: { date: '2026-10-19', hours: 169, days: ['Mon 19', 'Tue 20', 'Wed 21', 'Thu 22', 'Fri 23', 'Sat 24', 'Sun 25'] },
    },
    {
      zone: ADELAIDE,
      short: { date: '2026-10-04', ticks: ['Sun 4', '01:00', '03:00', '04:00'] },
      long: { date: '2026-04-05', ticks: ['Sun 5', '01:00', '02:00', '02:00', '03:00'] },
      week: { date: '2026-09-28', hours: 167, days: ['Mon 28', 'Tue 29', 'Wed 30', 'Thu 1', 'Fri 2', 'Sat 3', 'Sun 4'] },
    },
  ];

  for (const { zone, short, long, week } of SUMMER_TIME) {
    it(`draws the 23-hour and the 25-hour day of ${zone.name} in 23 and 25 hours`, () => {
      for (const [{ date, ticks }, length] of [[short, 23], [long, 25]]) {
        const { left, right } = periodRanges({ kind: 'day', date }, DAY_STEPS, zone);
        assert.equal(left.from, new Date(zone.dayStart(date)).toISOString().replace('.000Z', 'Z'), date);
        assert.equal(hours(right), length, date);
        const { xs } = trendSeries(contractIn(zone), { ...right, series: [{ taskForce: 'DRUGS', counts: Array(length).fill(1) }] });
        assert.equal(xs.length, length, `${date}: an hour's tick each`);
        assert.deepEqual(xs.slice(0, ticks.length).map(pastTickFormat(zone)), ticks, date);
        assert.equal(pastTickFormat(zone)(xs.at(-1)), '23:00', date);
        assert.equal(hours(left) * 60, length * 60, `${date}: its minutes`);
      }
    });

    it(`draws a week across the change of ${zone.name} in its hours and in its seven days`, () => {
      const { left, right } = periodRanges({ kind: 'week', date: week.date }, WEEK_STEPS, zone);
      assert.equal(hours(left), week.hours);
      const { xs } = trendSeries(contractIn(zone), { ...right, series: [] });
      assert.deepEqual(xs.map(pastTickFormat(zone)), week.days, 'each day at its midnight');
      assert.ok(xs.every((seconds) => zone.isDayStart(seconds * 1000)));
    });
  }

  it('offers the first day all of whose hours are kept, counted from the center\'s midnight', () => {
    // 400 days before 2026-11-28T14:05Z, less the margin, is 2025-10-24T14:10Z: Bucharest's 25 Oct
    // starts at 2025-10-24T21:00Z, Adelaide's at 2025-10-24T13:30Z, already gone.
    assert.equal(earliestDate('day', KEPT, NOW, BUCHAREST), '2025-10-25');
    assert.equal(earliestDate('day', KEPT, NOW, ADELAIDE), '2025-10-26');
  });
});

describe('the period control', () => {
  const BUCHAREST = centerZone('Europe/Bucharest');
  withFakeDom();

  function controlAt(serverTime) {
    const clock = createFakeServiceClock(serverTime);
    const chosen = [];
    const control = createPeriodControl({ spans: KEPT, zone: BUCHAREST, now: clock.now }, (period) => chosen.push(period));
    const part = (testId) => control.form.querySelector(`[data-testid="${testId}"]`);
    return { control, chosen, date: part('period-date'), live: part('period-live'), day: part('period-day'), advance: clock.advance };
  }

  it('offers up to the center\'s today, and moves it on at its midnight when it is reached for', () => {
    const { control, date, advance } = controlAt('2026-11-27T21:59:59Z');
    control.set(LIVE_PERIOD);
    assert.deepEqual([date.min, date.max], ['2025-10-25', '2026-11-27']);
    advance(1000);
    assert.equal(date.max, '2026-11-27', 'nothing moves by itself');
    date.dispatch('focus');
    assert.equal(date.max, '2026-11-28', 'reached for by keyboard');
    advance(86_400_000);
    date.dispatch('pointerdown');
    assert.equal(date.max, '2026-11-29', 'and by pointer');
  });

  it('takes the center\'s yesterday for a day picked without a date', () => {
    const { control, chosen, live, day, advance } = controlAt('2026-11-27T21:59:59Z');
    control.set(LIVE_PERIOD);
    advance(1000);
    [live.checked, day.checked] = [false, true];
    day.dispatch('change', { bubbles: true });
    assert.deepEqual(chosen, [{ kind: 'day', date: '2026-11-27' }]);
  });
});
