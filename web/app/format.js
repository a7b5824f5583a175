// Number, time and age formatting. Pure, so the wall and the tests agree on every string.

// Narrow no-break space: groups digits the SI way, reads the same in every language and never
// lets a number break across lines.
const GROUP_SEPARATOR = '\u202F';
const MINUS = '\u2212';
const MISSING = '—';

export function formatInteger(value) {
  if (!Number.isFinite(value)) return MISSING;
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
  return rounded < 0 ? MINUS + digits : digits;
}

// For heat-map cells, where five digits do not fit: 12 345 becomes "12k".
export function formatCompact(value) {
  if (!Number.isFinite(value)) return MISSING;
  const magnitude = Math.abs(value);
  if (magnitude < 10_000) return formatInteger(value);
  if (magnitude < 1_000_000) return `${formatInteger(value / 1000)}k`;
  return `${trimDecimal(value / 1_000_000)}M`;
}

function trimDecimal(value) {
  const text = Math.abs(value) < 10 ? value.toFixed(1) : value.toFixed(0);
  return text.replace(/\.0$/, '');
}

// "+22 %", "−3.4 %": the change of current against previous, or null when there is nothing to
// compare with (a previous of zero has no meaningful ratio).
export function formatChange(current, previous) {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  const percent = ((current - previous) / previous) * 100;
  const magnitude = Math.abs(percent);
  const text = magnitude < 10 ? magnitude.toFixed(1) : magnitude.toFixed(0);
  if (Number(text) === 0) return '±0\u202F%';
  return `${percent > 0 ? '+' : MINUS}${text}\u202F%`;
}

// The change as a tile says it: the percentage where there is one, "new" for a count that rose from zero,
// "±0 %" for zero after zero, and "no comparison" where either count is unknown.
export function describeChange(current, previous) {
  const ratio = formatChange(current, previous);
  if (ratio !== null) return ratio;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return 'no comparison';
  return current === 0 ? '±0\u202F%' : 'new';
}

// Which way current moved against previous, for the arrow next to a change.
export function direction(current, previous) {
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return 'none';
  if (current === previous) return 'flat';
  return current > previous ? 'up' : 'down';
}

export function formatEuros(amount) {
  if (!Number.isFinite(amount)) return MISSING;
  if (Math.abs(amount) >= 1_000_000) return `€${trimDecimal(amount / 1_000_000)}\u202FM`;
  if (Math.abs(amount) >= 10_000) return `€${trimDecimal(amount / 1000)}\u202Fk`;
  return `€${formatInteger(amount)}`;
}

// "42 s", "3 min", "5 h", "2 d": coarse enough to read at a glance, exact enough to judge.
export function formatDuration(milliseconds) {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 120) return `${seconds}\u202Fs`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}\u202Fmin`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}\u202Fh`;
  return `${Math.floor(hours / 24)}\u202Fd`;
}

export function formatDataAge(milliseconds) {
  return `data ${formatDuration(milliseconds)} old`;
}

// 24-hour clock time; the time zone is a parameter so that tests do not depend on the machine.
export function formatClock(date, timeZone) {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone,
  }).format(date);
}

// "28 Nov 2026" for an ISO date such as "2026-11-28" (a calendar day, read as UTC).
export function formatDay(isoDate) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate ?? MISSING;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

// The count shown while a number animates from `from` to `to`; progress runs from 0 to 1.
export function tweenedValue(from, to, progress) {
  const clamped = Math.min(1, Math.max(0, progress));
  const eased = 1 - (1 - clamped) ** 3;
  return Math.round(from + (to - from) * eased);
}
