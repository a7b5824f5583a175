// The center's time: its calendar, in its own time zone (the contract's `zone`, any IANA name), and
// the service's clock as the page follows it. A center day may be 23 or 25 hours long (summer time)
// and an offset need not be whole hours (Adelaide, Kolkata): a day's start is found from the
// zone's own offsets, which Intl knows, never assumed.

const DAY_MS = 86_400_000;
// A day trend asks for its days' starts on every render: a few years' are kept, no more.
const KEPT_DAY_STARTS = 1000;

const zones = new Map();

// The zone named, made once per name: its formatters are dear to make.
export function centerZone(name = 'UTC') {
  if (!zones.has(name)) zones.set(name, createZone(name));
  return zones.get(name);
}

// The zone a contract names; a service from before zones counted in UTC.
export function contractZone(contract) {
  return centerZone(contract.zone ?? 'UTC');
}

// A calendar date (YYYY-MM-DD) moved by whole days: calendar arithmetic, the same in every zone.
export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function createZone(name) {
  const fields = new Intl.DateTimeFormat('en-GB', {
    timeZone: name, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  // "14:03 EET"; "14:03 GMT+10:30" where English has no name for the zone.
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: name, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  // "Bucharest" for Europe/Bucharest, "Buenos Aires" for America/Argentina/Buenos_Aires.
  const place = name === 'UTC' || name.startsWith('Etc/') ? 'UTC' : name.slice(name.lastIndexOf('/') + 1).replaceAll('_', ' ');
  const starts = new Map();

  function reading(milliseconds) {
    return Object.fromEntries(fields.formatToParts(milliseconds).map(({ type, value }) => [type, value]));
  }

  function date(milliseconds) {
    const { year, month, day } = reading(milliseconds);
    return `${year}-${month}-${day}`;
  }

  // How far the zone's clock is ahead of UTC at an instant: its reading, taken as UTC, less the instant.
  function offset(milliseconds) {
    const whole = Math.floor(milliseconds / 1000) * 1000;
    const { year, month, day, hour, minute, second } = reading(whole);
    return Date.UTC(year, month - 1, day, hour, minute, second) - whole;
  }

  // A day's midnight is read with the offsets a day either side; where both fit (midnight came
  // twice) the earlier counts, and where neither does (the clock jumped over midnight) the day
  // starts when it jumped, found by halving.
  function findDayStart(isoDate) {
    const midnight = Date.parse(`${isoDate}T00:00:00Z`);
    const [before, after] = [offset(midnight - DAY_MS), offset(midnight + DAY_MS)];
    const fitting = [midnight - before, midnight - after].filter((instant) => instant + offset(instant) === midnight);
    if (fitting.length) return Math.min(...fitting);
    let [low, high] = [midnight - after, midnight - before];
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (date(middle) >= isoDate) high = middle;
      else low = middle;
    }
    return high;
  }

  // The first instant of a center day (YYYY-MM-DD); the next day's is its end.
  function dayStart(isoDate) {
    if (!starts.has(isoDate)) {
      if (starts.size >= KEPT_DAY_STARTS) starts.clear();
      starts.set(isoDate, findDayStart(isoDate));
    }
    return starts.get(isoDate);
  }

  return {
    name,
    // For labels: "Bucharest day", "Bucharest time"; UTC is UTC.
    place,
    timeName: place === 'UTC' ? 'UTC' : `${place} time`,
    // The center's date at an instant (YYYY-MM-DD), and its year.
    date,
    year: (milliseconds) => Number(reading(milliseconds).year),
    dayStart,
    isDayStart: (milliseconds) => dayStart(date(milliseconds)) === milliseconds,
    clock: (milliseconds) => clock.format(milliseconds),
  };
}

// The service's clock as the page follows it: every /live frame carries `serverTime`, the service's
// now (which tests and rehearsals set); the page's now is the last one plus the time elapsed here
// since (`elapsed`: monotonic ms), or until the first frame its own clock (`wallNow`).
export function createServiceClock({ wallNow = () => Date.now(), elapsed = () => performance.now() } = {}) {
  let heard = null;
  return {
    observe(serverTime) {
      const milliseconds = Date.parse(serverTime ?? '');
      if (Number.isFinite(milliseconds)) heard = { milliseconds, at: elapsed() };
    },
    now: () => (heard === null ? wallNow() : heard.milliseconds + (elapsed() - heard.at)),
  };
}
