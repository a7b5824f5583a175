// The header's connection indicator and update time. The state label is the page's polite live
// region: it changes only when the state does, so screen readers hear "Reconnecting" once, not a
// ticking age every second.
import { setText } from '../dom.js';
import { formatClock, formatDataAge, formatDuration } from '../format.js';
import { LIVE } from '../live-client.js';

const LABELS = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  signingIn: 'Signing in again',
  delayed: 'Counting delayed',
};

// What the indicator says. A live connection whose counts are not keeping up is not "Live": the
// server says how far behind counting is (countingDelay, seconds) and the wall says so.
export function describeConnection({ status, heardAt, countingDelay, now }) {
  if (status.state === LIVE) {
    if (countingDelay === null || countingDelay === undefined) return { state: LIVE, label: LABELS.live, age: '' };
    return { state: 'delayed', label: LABELS.delayed, age: `counts ${formatDuration(countingDelay * 1000)} behind` };
  }
  const parts = [heardAt === null ? 'no data yet' : formatDataAge(now - heardAt)];
  if (status.retryAt !== null && status.retryAt > now) parts.push(`retry in ${formatDuration(status.retryAt - now + 999)}`);
  return { state: status.state, label: LABELS[status.state], age: parts.join(' · ') };
}

export function createConnectionIndicator(document) {
  const root = document.querySelector('[data-testid="connection"]');
  const label = root.querySelector('.connection-label');
  const age = root.querySelector('.connection-age');
  const lastUpdate = document.querySelector('[data-testid="last-update"]');
  const clock = document.getElementById('clock');

  return {
    // status: {state, retryAt}; heardAt: local ms of the last message; serverTime: its ISO stamp;
    // countingDelay: seconds counting is behind, or null; now: local ms, for ages; zone and
    // centerNow: the center's zone (null until the contract names it) and the service's clock.
    render({ status, heardAt, serverTime, countingDelay = null, now, zone, centerNow }) {
      const shown = describeConnection({ status, heardAt, countingDelay, now });
      if (root.dataset.state !== shown.state) {
        root.dataset.state = shown.state;
        label.textContent = shown.label;
        document.body.classList.toggle('stale', status.state !== LIVE && heardAt !== null);
      }
      setText(age, shown.age);
      if (!zone) return;
      if (serverTime) {
        lastUpdate.dateTime = serverTime;
        setText(lastUpdate, formatClock(new Date(serverTime), zone.name));
      }
      // Every second: only what moved is written, or the page is laid out again each time.
      setText(clock, zone.clock(centerNow));
      if (clock.title !== zone.name) clock.title = zone.name;
    },
  };
}
