// The active alerts (src/docs/api.md, "Alerts") as the boards show them: in what order, in what words, and
// which rows of the other panels they mark. Pure, so that all of it is tested in Node.
import { formatClock, formatDuration, formatInteger } from './format.js';

// What a board inside the playlist (playlist.html) posts to it, so that a new alert is shown.
export const ALERTS_MESSAGE = 'exchange-pulse-alerts';

// A glyph and a word with each kind, never colour alone: the word is the kind's name in the
// contract, the glyph the page's. Arrows, not triangles: ▲ and ▼ are task forces' glyphs
// (presentation.js), and an alert's glyph stands next to its task force's. Glyphs that DejaVu Sans
// has too (⏸ has no glyph there). A kind without a glyph, or a name (a newer server), still shows,
// under ⚠ and its own code.
const GLYPHS = { SURGE: '⬆', LULL: '⬇', STALLED: '⚠' };

export function alertLook(kind, contract) {
  return { glyph: GLYPHS[kind] ?? '⚠', word: contract?.alertKindName(kind) ?? String(kind ?? 'Alert') };
}

// The attribute each subject's rows carry in the other panels: a task force's trend row, a
// crime area's row of the requests-vs-information table.
const MARKED_BY = { TASK_FORCE: 'data-task-force', CRIME_AREA: 'data-crime-area' };

const day = (timeZone) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone });
// Past this age "since 09:12" could be yesterday's 09:12: the day is written too.
const SAY_THE_DAY_AFTER_MS = 12 * 3_600_000;

// Ended ones (which the list should not hold) are left out. A stalled count comes first, since it
// puts every number on the board in doubt; then the newest first, as the server sends them.
export function activeAlerts(alerts) {
  if (!Array.isArray(alerts)) return [];
  const rank = (alert) => (alert.kind === 'STALLED' ? 0 : 1);
  const started = (alert) => Date.parse(alert.startedAt) || 0;
  return alerts
    .filter((alert) => typeof alert?.id === 'string' && !alert.endedAt)
    .sort((a, b) => rank(a) - rank(b) || started(b) - started(a));
}

// The window judged, in seconds: Java writes a Duration as ISO-8601 ("PT1H", and "PT24H" for a
// day), or as a number of seconds where its JSON is set to write durations as numbers.
export function windowSeconds(window) {
  if (typeof window === 'number') return Number.isFinite(window) ? window : null;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(window ?? '');
  if (!match) return null;
  const [, days = 0, hours = 0, minutes = 0, seconds = 0] = match;
  return days * 86_400 + hours * 3_600 + minutes * 60 + Number(seconds);
}

export function windowName(window) {
  const seconds = windowSeconds(window);
  if (seconds === 3_600) return 'last hour';
  if (seconds === 86_400) return 'last day';
  return seconds > 0 ? `last ${formatDuration(seconds * 1000)}` : null;
}

// "30σ above", "3.4σ below": a word rather than a sign, and a decimal near the band's edge (3σ),
// where rounding would put an alert inside its own band.
export function sigmasText(sigmas) {
  if (!Number.isFinite(sigmas) || sigmas === 0) return null;
  const magnitude = Math.abs(sigmas);
  return `${magnitude < 10 ? magnitude.toFixed(1) : magnitude.toFixed(0)}σ ${sigmas > 0 ? 'above' : 'below'}`;
}

function subjectName(alert, contract) {
  if (alert.subject === 'TASK_FORCE') return contract.taskForce(alert.code)?.name ?? alert.code;
  // A crime area may share its task force's name (Terrorism): the word tells the two cards apart.
  if (alert.subject === 'CRIME_AREA') return `${contract.crimeAreas.find((area) => area.code === alert.code)?.name ?? alert.code} (crime area)`;
  if (alert.subject === 'PIPELINE') return 'Counting';
  return alert.code ?? alert.subject ?? '';
}

function sinceText(startedAt, now, timeZone) {
  const started = new Date(startedAt);
  if (Number.isNaN(started.getTime())) return null;
  const time = formatClock(started, timeZone).slice(0, 5);
  return now - started.getTime() >= SAY_THE_DAY_AFTER_MS ? `since ${day(timeZone).format(started)} ${time}` : `since ${time}`;
}

/**
 * Everything a board writes about one alert.
 * @returns {id, kind, glyph, word, subject, taskForce, details}: taskForce is the code whose look
 *          (colour and glyph) goes with the subject, or null; details are the short phrases of the
 *          second line, in reading order (the window, the figures, a year before, since when).
 */
export function describeAlert(alert, contract, { now = Date.now(), timeZone } = {}) {
  const { glyph, word } = alertLook(alert.kind, contract);
  const stalled = alert.kind === 'STALLED';
  const figures = stalled
    ? [Number.isFinite(alert.observed) ? `counts ${formatDuration(alert.observed * 1000)} behind` : null]
    : [
      windowName(alert.window),
      `${formatInteger(alert.observed)} vs ~${formatInteger(alert.expected)} expected`,
      sigmasText(alert.sigmas),
      Number.isFinite(alert.lastYear) ? `${formatInteger(alert.lastYear)} a year before` : null,
    ];
  return {
    id: alert.id,
    kind: alert.kind,
    glyph,
    word,
    subject: subjectName(alert, contract),
    taskForce: contract.isTaskForce(alert.taskForce) ? alert.taskForce : null,
    details: [...figures, sinceText(alert.startedAt, now, timeZone)].filter(Boolean),
  };
}

/**
 * What the alerts mark on the rest of the board: the rows of their subjects, found by attribute
 * (the first alert of a row, in display order, gives its kind), and the whole board when
 * counting is stalled.
 * @returns {stalled, rows: [{attribute, code, kind}]}
 */
export function alertMarks(alerts) {
  const rows = new Map();
  for (const alert of alerts) {
    const attribute = MARKED_BY[alert.subject];
    const key = `${attribute}=${alert.code}`;
    if (attribute && alert.code && !rows.has(key)) rows.set(key, { attribute, code: alert.code, kind: alert.kind });
  }
  return { stalled: alerts.some((alert) => alert.kind === 'STALLED'), rows: [...rows.values()] };
}
