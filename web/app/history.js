// Looking back: the task-force view can show a past day or week of the center's calendar (23 to 25
// hours a day, center-time.js) on its trend panel, read from the stored counters through GET
// api/v1/task-forces/trend, while the rest of the page stays live.
// The choice is in the address (?day=2026-11-20, ?week=2026-11-16), so a view of the past can be
// linked to. The service keeps each step's counts for a time (the contract's `kept`): a period
// whose fine steps are gone is drawn with coarser ones, and one whose coarse steps are gone is not
// offered. Pure but for the fetching, whose fetch and clock are parameters.
import { addDays } from './center-time.js';
import { formatDay } from './format.js';
import { systemClock } from './live-client.js';

export const LIVE_PERIOD = { kind: 'live' };

const DAY_MS = 86_400_000;
// The query takes instants from 1900 on; the future has nothing to show yet.
const EARLIEST_DATE = '1900-01-01';
// The steps a past period is drawn in: how long one is, and how the panel names it (`busiest`: a
// right chart's, never in minutes).
const STEPS = {
  PT1M: { ms: 60_000, name: 'minutes', per: 'per minute' },
  PT1H: { ms: 3_600_000, name: 'hours', per: 'per hour', busiest: 'in its busiest hour' },
  P1D: { ms: DAY_MS, name: 'days', per: 'per day', busiest: 'on its busiest day' },
};
// Per kind: its length, then the left chart's step and the right chart's.
const KINDS = {
  day: { days: 1, steps: ['PT1M', 'PT1H'], whole: 'that day' },
  week: { days: 7, steps: ['PT1H', 'P1D'], whole: 'that week' },
};
// The page's clock may run behind the service's: a step is taken as kept only if it still will be
// this much later, so that the page never asks for a step the service has just stopped keeping.
const CLOCK_MARGIN_MS = 5 * 60_000;
// When the service does not say when to come back.
const DEFAULT_RETRY_MS = 10_000;

// A calendar date from `earliest` (1900) until the center's today, written YYYY-MM-DD (Date.parse
// alone takes 2026-02-30).
export function validDate(date, now, zone, earliest = EARLIEST_DATE) {
  const time = Date.parse(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') && Number.isFinite(time) && addDays(date, 0) === date
    && date >= earliest && date <= zone.date(now);
}

// The contract's `kept` ({"PT1M": "P35D", "P1D": "forever"}) as step → milliseconds, a step kept
// for ever left out. What it does not say is taken as kept for ever: a service from before retention sends no
// `kept`, and a duration the page cannot read leaves the judging to the service, whose 400 then
// names the limit.
export function keptSpans(kept, log = console) {
  const spans = {};
  for (const [step, text] of Object.entries(kept ?? {})) {
    if (text === 'forever') continue;
    const span = durationMs(text);
    if (span === null) log.warn(`contract: cannot read how long ${step} is kept (${text}); taking it as for ever`);
    else spans[step] = span;
  }
  return spans;
}

// An ISO-8601 duration of weeks, days, hours, minutes and seconds (the contract writes whole days, P35D, else
// hours and minutes, PT36H30M);
// null for anything else, months and years having no fixed length.
function durationMs(text) {
  const parts = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text ?? '');
  if (!parts || text === 'P' || text.endsWith('T')) return null;
  const [weeks, days, hours, minutes, seconds] = parts.slice(1).map((part) => Number(part ?? 0));
  return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000;
}

// "35 days", "36 hours", "90 minutes": as the service's 400 says it.
function describeSpan(milliseconds) {
  const [unit, length] = [['day', DAY_MS], ['hour', 3_600_000], ['minute', 60_000]]
    .find(([, ms]) => milliseconds % ms === 0) ?? ['second', 1000];
  const count = milliseconds / length;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

// The first bucket of the step still kept at `now` (as the service counts it: the bucket holding
// the moment its retention ago; a day's bucket is the center's day), or null when it is kept for ever.
function oldestKept(step, spans, now, zone) {
  const span = spans[step];
  if (span === undefined) return null;
  const moment = now + CLOCK_MARGIN_MS - span;
  if (STEPS[step].ms === DAY_MS) return zone.dayStart(zone.date(moment));
  return moment - (((moment % STEPS[step].ms) + STEPS[step].ms) % STEPS[step].ms);
}

// The oldest date a day or a week can start on: its right chart's step must still be kept from
// that midnight on. With that step kept for ever, 1900.
export function earliestDate(kind, spans, now, zone) {
  const oldest = oldestKept(KINDS[kind].steps[1], spans, now, zone);
  if (oldest === null || oldest <= zone.dayStart(EARLIEST_DATE)) return EARLIEST_DATE;
  const day = zone.date(oldest);
  return zone.dayStart(day) >= oldest ? day : addDays(day, 1);
}

// The dates the picker offers for a kind (live picks a day): the oldest it can show to the center's today.
export function dateBounds(kind, spans, now, zone) {
  return { min: earliestDate(kind === LIVE_PERIOD.kind ? 'day' : kind, spans, now, zone), max: zone.date(now) };
}

// The steps a past period is drawn in, {left, right, note}: the kind's own, but where its fine
// steps are no longer kept from the period's start the left chart is drawn in the coarse ones
// too, and `note` says why ("minutes are kept for 35 days: per hour").
export function periodSteps(period, spans, now, zone) {
  const [fine, coarse] = KINDS[period.kind].steps;
  const oldest = oldestKept(fine, spans, now, zone);
  if (oldest === null || zone.dayStart(period.date) >= oldest) return { left: fine, right: coarse, note: null };
  return { left: coarse, right: coarse, note: `${STEPS[fine].name} are kept for ${describeSpan(spans[fine])}: ${STEPS[coarse].per}` };
}

// The period the address asks for: ?day= first, then ?week=. A wrong one, or one older than what
// is kept, is reported and the panel stays live.
export function readPeriod(search, now, zone, spans, log = console) {
  const params = new URLSearchParams(search);
  for (const kind of Object.keys(KINDS)) {
    const date = params.get(kind);
    if (date === null) continue;
    const earliest = earliestDate(kind, spans, now, zone);
    if (validDate(date, now, zone, earliest)) return { kind, date };
    log.warn(`Ignoring ${kind}=${date}: not a date (YYYY-MM-DD) from ${earliest} to today; showing live`);
    return LIVE_PERIOD;
  }
  return LIVE_PERIOD;
}

// The date a choice of the period control stands for: a past kind picked with no date takes its
// usual one, and a date older than what the kind can show takes the oldest it can; null for a
// date that is none, or in the future.
export function pickedDate(kind, date, now, zone, spans) {
  const picked = date || defaultDate(kind, now, zone);
  if (!validDate(picked, now, zone)) return null;
  const earliest = earliestDate(kind, spans, now, zone);
  const shown = picked < earliest ? earliest : picked;
  return shown <= zone.date(now) ? shown : null;
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
// before today, in the center's calendar.
export function defaultDate(kind, now, zone) {
  return addDays(zone.date(now), -KINDS[kind].days);
}

// The two ranges to read, each {from, to, step}, in the steps periodSteps chose, midnight to midnight.
export function periodRanges(period, steps, zone) {
  const range = {
    from: isoInstant(zone.dayStart(period.date)),
    to: isoInstant(zone.dayStart(addDays(period.date, KINDS[period.kind].days))),
  };
  return { left: { ...range, step: steps.left }, right: { ...range, step: steps.right } };
}

function isoInstant(milliseconds) {
  return new Date(milliseconds).toISOString().replace('.000Z', 'Z');
}

// Calendar dates (YYYY-MM-DD) are named as written: read at UTC midnight.
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

// "Sat 21 Nov 2026"; a week "Mon 16 Nov – Sun 22 Nov 2026", both years where it spans two.
function describeDates({ kind, date }) {
  const named = (isoDate) => `${weekday.format(Date.parse(isoDate))} ${formatDay(isoDate)}`;
  if (kind === 'day') return named(date);
  const last = addDays(date, KINDS.week.days - 1);
  const first = date.slice(0, 4) === last.slice(0, 4)
    ? `${weekday.format(Date.parse(date))} ${dayMonth.format(Date.parse(date))}` : named(date);
  return `${first} – ${named(last)}`;
}

// The words the panel shows for a past period in its steps: its title ("Sat 21 Nov 2026, per
// minute · per hour", or one step when both charts have it), each chart's step, and what the
// totals beside the charts count.
export function periodWords(period, steps) {
  const per = [STEPS[steps.left].per, STEPS[steps.right].per];
  const dates = describeDates(period);
  const title = `${dates}, ${steps.left === steps.right ? per[0] : per.join(' · ')}`;
  return { dates, title, per, whole: KINDS[period.kind].whole, busiest: STEPS[steps.right].busiest };
}

// Axis labels of the past charts, in the center's time like the counters' buckets: the hour, or at
// midnight the day ("Sat 21"), so a week's hours and a day's first hour both say which day they are
// on. A 25-hour day reads 03:00 twice, as the clocks did.
export function pastTickFormat(zone) {
  const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone.name });
  const weekdayDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: zone.name });
  return (seconds) => {
    const milliseconds = seconds * 1000;
    return zone.isDayStart(milliseconds) ? weekdayDay.format(milliseconds) : hourMinute.format(milliseconds);
  };
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
 * @param options.zone        the center's zone (center-time.js)
 * @param options.onState     ({state: 'loading'|'ready'|'error', period, steps, left, right, message, retryAt})
 */
export function createPeriodLoader({ base, taskForces, zone, onState, fetch = (...args) => globalThis.fetch(...args), clock = systemClock, log = console }) {
  let generation = 0;
  let retryTimer = null;

  function cancel() {
    generation += 1;
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
  }

  // `steps` as periodSteps chose them; both charts in one step are read once.
  async function load(period, steps) {
    cancel();
    const current = generation;
    onState({ state: 'loading', period, steps });
    const { left, right } = periodRanges(period, steps, zone);
    const ranges = left.step === right.step ? [left] : [left, right];
    try {
      const trends = await Promise.all(ranges.map((range) => fetchTrend(fetch, trendQueryUrl(base, range, taskForces))));
      if (current === generation) onState({ state: 'ready', period, steps, left: trends[0], right: trends.at(-1) });
    } catch (error) {
      if (current !== generation) return;
      log.warn(`trend of ${periodKey(period)}: ${error.message}`);
      const retryIn = error.retryAfterMs ?? null;
      if (retryIn !== null) retryTimer = clock.setTimeout(() => load(period, steps), retryIn);
      onState({ state: 'error', period, steps, message: error.message, retryAt: retryIn === null ? null : clock.now() + retryIn });
    }
  }

  return { load, cancel };
}
