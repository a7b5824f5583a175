// The playlist's rules (playlist.html): which boards it turns through, how long each stays, and
// how a new alert interrupts the turn. The clock is a parameter, so that all of it runs in Node
// tests, as the live client's does.
import { systemClock } from './live-client.js';
import { TASK_FORCE, WALL } from './mode.js';

const DWELL = { defaultSeconds: 30, minSeconds: 5, maxSeconds: 3600 };
// Long enough to walk to the wall and read the alert, and never shorter than an ordinary turn.
const ALERT_DWELL = { defaultSeconds: 120, minSeconds: 5, maxSeconds: 3600 };

/**
 * Reads /playlist?slides=wall,DRUGS,TERRORISM&dwell=30&alertDwell=120 (slides as a comma
 * list or repeated; codes in any case; dwells in seconds).
 * @param contract  what names the task forces and says what the caller may see (contract.js)
 * @returns {slides: [{kind: WALL} | {kind: TASK_FORCE, code}], dwellMs, alertDwellMs, ignored}:
 *          ignored lists what was left out and why, for a warning. With no slide left: the wall,
 *          or for a task-force leader its own task forces.
 */
export function readPlaylist(search, contract) {
  const params = new URLSearchParams(search);
  const requested = params.getAll('slides')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter((value) => value !== '');
  const ignored = [];
  const seen = new Set();
  const slides = [];
  for (const code of requested) {
    const why = refusal(code, contract, seen);
    if (why) {
      ignored.push(`${code} (${why})`);
      continue;
    }
    seen.add(code);
    slides.push(code === WALL.toUpperCase() ? { kind: WALL } : { kind: TASK_FORCE, code });
  }
  const dwellMs = seconds(params.get('dwell'), DWELL, ignored, 'dwell') * 1000;
  const alertDwellMs = Math.max(dwellMs, seconds(params.get('alertDwell'), ALERT_DWELL, ignored, 'alertDwell') * 1000);
  return { slides: slides.length ? slides : fallback(contract), dwellMs, alertDwellMs, ignored };
}

function fallback({ caller, taskForces }) {
  const own = caller.wholeCenter ? [] : taskForces.map((taskForce) => taskForce.code).filter((code) => caller.taskForces.includes(code));
  return own.length ? own.map((code) => ({ kind: TASK_FORCE, code })) : [{ kind: WALL }];
}

// Why a slide is left out, or null. A task-force leader's boards show only its own task forces
// whatever the address asks (mode.js), so a slide of any other would be mislabelled.
function refusal(code, contract, seen) {
  if (seen.has(code)) return 'already in the list';
  if (code === WALL.toUpperCase()) return contract.caller.wholeCenter ? null : `no wall for ${contract.caller.name}`;
  if (!contract.isTaskForce(code)) return 'no such task force';
  return contract.caller.taskForces.includes(code) ? null : `not open to ${contract.caller.name}`;
}

function seconds(value, { defaultSeconds, minSeconds, maxSeconds }, ignored, name) {
  if (value === null || value.trim() === '') return defaultSeconds;
  const number = Number(value);
  if (!Number.isFinite(number)) {
    ignored.push(`${name}=${value} (not a number of seconds; ${defaultSeconds} s)`);
    return defaultSeconds;
  }
  const bounded = Math.min(maxSeconds, Math.max(minSeconds, number));
  if (bounded !== number) ignored.push(`${name}=${value} (bounded to ${bounded} s)`);
  return bounded;
}

// The board each slide shows, relative to the playlist page: it is the dashboard's own address.
export function slideAddress(slide) {
  return slide.kind === WALL ? './?mode=wall' : `./?taskForce=${encodeURIComponent(slide.code)}`;
}

export function slideName(slide, contract) {
  return slide.kind === WALL ? 'Wall' : contract.taskForce(slide.code)?.name ?? slide.code;
}

// The slide that shows an alert: its task force's, else the wall (which shows every alert), else
// none (-1): the playlist stays where it is.
export function slideForAlert(slides, alert) {
  const own = slides.findIndex((slide) => slide.kind === TASK_FORCE && slide.code === alert.taskForce);
  return own >= 0 ? own : slides.findIndex((slide) => slide.kind === WALL);
}

/**
 * Tells which alerts are new. Every board reports its whole list each time it changes; an alert
 * is new when no board's latest list had it, so the same alert reported by the wall and by its
 * task force's board interrupts once, and one that ended and began again interrupts again.
 */
export function createAlertWatch() {
  const latest = new Map();
  return {
    // source: which board reported (any value that tells them apart); alerts: its whole list.
    report(source, alerts) {
      const known = new Set([...latest.values()].flatMap((ids) => [...ids]));
      latest.set(source, new Set(alerts.map((alert) => alert.id)));
      return alerts.filter((alert) => !known.has(alert.id));
    },
  };
}

/**
 * Turns through slideCount slides, each shown for dwellMs. interrupt(index, cause) shows a slide
 * at once for alertDwellMs (interruptions that come meanwhile wait their turn, each once), then
 * the turn goes on from the slide after the one it left.
 * @param options.onShow  ({index, reason: 'rotation' | 'alert', cause, durationMs}) at every change
 */
export function createRotation({ slideCount, dwellMs, alertDwellMs, clock = systemClock, onShow = () => {} }) {
  let current = 0;
  let resumeFrom = null;
  let timer = null;
  const waiting = [];

  function show(index, reason, cause = null) {
    current = index;
    const durationMs = reason === 'alert' ? alertDwellMs : dwellMs;
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(advance, durationMs);
    onShow({ index, reason, cause, durationMs });
  }

  function advance() {
    timer = null;
    if (waiting.length) {
      const next = waiting.shift();
      show(next.index, 'alert', next.cause);
      return;
    }
    if (resumeFrom === null) {
      show((current + 1) % slideCount, 'rotation');
      return;
    }
    let next = (resumeFrom + 1) % slideCount;
    if (next === current && slideCount > 1) next = (next + 1) % slideCount;
    resumeFrom = null;
    show(next, 'rotation');
  }

  return {
    start() {
      show(0, 'rotation');
    },
    interrupt(index, cause = null) {
      if (index < 0 || index >= slideCount) return;
      if (resumeFrom !== null) {
        if (index !== current && !waiting.some((entry) => entry.index === index)) waiting.push({ index, cause });
        return;
      }
      resumeFrom = current;
      show(index, 'alert', cause);
    },
  };
}
