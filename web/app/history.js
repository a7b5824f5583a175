// Looking back: the task-force view can show a past UTC day or week on its trend panel, read from
// the stored minute and hour counters through GET api/v1/task-forces/trend, while the rest of the
// page stays live. The choice is in the address (?day=2026-11-20, ?week=2026-11-16), so a view of
// the past can be linked to. Pure but for the fetching, whose fetch and clock are parameters.
import { formatDay } from './format.js';
import { systemClock } from './live-client.js';

export const LIVE_PERIOD = { kind: 'live' };

const DAY_MS = 86_400_000;
// The query takes instants from 1900 on; the future has nothing to show yet.
const EARLIEST_DATE = '1900-01-01';
// Per kind: its length, then the left chart's step and the right chart's.
const KINDS = {
  day: { days: 1, steps: ['PT1M', 'PT1H'], per: ['per minute', 'per hour'], whole: 'that day', busiest: 'in its busiest hour' },
  week: { days: 7, steps: ['PT1H', 'P1D'], per: ['per hour', 'per day'], whole: 'that week', busiest: 'on its busiest day' },
};
// When the service does not say when to come back.
const DEFAULT_RETRY_MS = 10_000;

export function utcDate(milliseconds) {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

// A calendar date from 1900 until today, written YYYY-MM-DD (Date.parse alone takes 2026-02-30).
export function validDate(date, now) {
  const time = Date.parse(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') && Number.isFinite(time) && utcDate(time) === date
    && date >= EARLIEST_DATE && date <= utcDate(now);
}

// The period the address asks for: ?day= first, then ?week=. A wrong one is reported and the
// panel stays live.
export function readPeriod(search, now, log = console) {
  const params = new URLSearchParams(search);
  for (const kind of Object.keys(KINDS)) {
    const date = params.get(kind);
    if (date === null) continue;
    if (validDate(date, now)) return { kind, date };
    log.warn(`Ignoring ${kind}=${date}: not a date (YYYY-MM-DD) from ${EARLIEST_DATE} to today; showing live`);
    return LIVE_PERIOD;
  }
  return LIVE_PERIOD;
}

// The address's query with the period written in it, every other parameter kept.
export function periodSearch(search, period) {
  const params = new URLSearchParams(search);
  Object.keys(KINDS).forEach((kind) => params.delete(kind));
  if (period.kind !== LIVE_PERIOD.kind) params.set(period.kind, period.date);
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The test hook on the panel: "live", "day:2026-11-20", "week:2026-11-16".
export function periodKey(period) {
  return period.kind === LIVE_PERIOD.kind ? period.kind : `${period.kind}:${period.date}`;
}

// What a person is likely after on switching to a day or a week: yesterday, or the seven days
// before today.
export function defaultDate(kind, now) {
  return utcDate(now - KINDS[kind].days * DAY_MS);
}

// The two ranges to read, each {from, to, step}: the left chart's fine steps and the right's coarse.
export function periodRanges(period) {
  const { days, steps } = KINDS[period.kind];
  const start = Date.parse(`${period.date}T00:00:00Z`);
  const range = { from: isoInstant(start), to: isoInstant(start + days * DAY_MS) };
  return { left: { ...range, step: steps[0] }, right: { ...range, step: steps[1] } };
}

function isoInstant(milliseconds) {
  return new Date(milliseconds).toISOString().replace('.000Z', 'Z');
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const weekdayDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

// "Sat 21 Nov 2026"; a week "Mon 16 Nov – Sun 22 Nov 2026", both years where it spans two.
function describeDates({ kind, date }) {
  const named = (isoDate) => `${weekday.format(Date.parse(isoDate))} ${formatDay(isoDate)}`;
  if (kind === 'day') return named(date);
  const last = utcDate(Date.parse(date) + (KINDS.week.days - 1) * DAY_MS);
  const first = date.slice(0, 4) === last.slice(0, 4)
    ? `${weekday.format(Date.parse(date))} ${dayMonth.format(Date.parse(date))}` : named(date);
  return `${first} – ${named(last)}`;
}

// The words the panel shows for a past period: its title ("Sat 21 Nov 2026, per minute · per
// hour"), each chart's step, and what the totals beside the charts count.
export function periodWords(period) {
  const { per, whole, busiest } = KINDS[period.kind];
  const dates = describeDates(period);
  return { dates, title: `${dates}, ${per[0]} · ${per[1]}`, per, whole, busiest };
}

// Axis labels of the past charts, in UTC like the counters' buckets: the hour, or at midnight
// the day ("Sat 21"), so a week's hours and a day's first hour both say which day they are on.
export function pastTick(seconds) {
  const milliseconds = seconds * 1000;
  return milliseconds % DAY_MS === 0 ? weekdayDay.format(milliseconds) : hourMinute.format(milliseconds);
}

export function trendQueryUrl(base, { from, to, step }, taskForces) {
  const url = new URL('api/v1/task-forces/trend', base);
  url.search = new URLSearchParams([['from', from], ['to', to], ['step', step], ...taskForces.map((code) => ['taskForce', code])]);
  return url.href;
}

// A failed query, with what the service said (a problem's detail names the parameter or the task
// force) and, for a 503, when to ask again.
class QueryError extends Error {
  constructor(message, retryAfterMs = null) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}

async function queryError(response) {
  const problem = await response.json().catch(() => null);
  const message = problem?.detail ?? problem?.title ?? `HTTP ${response.status}`;
  if (response.status !== 503) return new QueryError(message);
  const seconds = Number.parseInt(response.headers.get('Retry-After'), 10);
  return new QueryError(message, Number.isFinite(seconds) ? seconds * 1000 : DEFAULT_RETRY_MS);
}

export async function fetchTrend(fetch, url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new QueryError('the service cannot be reached');
  }
  if (!response.ok) throw await queryError(response);
  const trend = await response.json();
  if (!Array.isArray(trend?.series) || !trend.series.every((entry) => Array.isArray(entry.counts))) {
    throw new QueryError('the answer has no series of counts');
  }
  return trend;
}

/**
 * Reads past periods, one at a time: a new load or a cancel makes the answers still on their
 * way count for nothing. While the database is away (503) it asks again by itself after the
 * service's Retry-After.
 *
 * @param options.base        the page's address; the query is relative to it
 * @param options.taskForces  the codes whose series to read
 * @param options.onState     ({state: 'loading'|'ready'|'error', period, left, right, message, retryAt})
 */
export function createPeriodLoader({ base, taskForces, onState, fetch = (...args) => globalThis.fetch(...args), clock = systemClock, log = console }) {
  let generation = 0;
  let retryTimer = null;

  function cancel() {
    generation += 1;
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
  }

  async function load(period) {
    cancel();
    const current = generation;
    onState({ state: 'loading', period });
    const { left, right } = periodRanges(period);
    try {
      const trends = await Promise.all([left, right].map((range) => fetchTrend(fetch, trendQueryUrl(base, range, taskForces))));
      if (current === generation) onState({ state: 'ready', period, left: trends[0], right: trends[1] });
    } catch (error) {
      if (current !== generation) return;
      log.warn(`trend of ${periodKey(period)}: ${error.message}`);
      const retryIn = error.retryAfterMs ?? null;
      if (retryIn !== null) retryTimer = clock.setTimeout(() => load(period), retryIn);
      onState({ state: 'error', period, message: error.message, retryAt: retryIn === null ? null : clock.now() + retryIn });
    }
  }

  return { load, cancel };
}
