// The header's connection indicator and update time. The state label is the page's polite live
// region: it changes only when the state does, so screen readers hear "Reconnecting" once, not a
// ticking age every second.
import { formatClock, formatDataAge, formatDuration } from '../format.js';
import { LIVE } from '../live-client.js';

const LABELS = { connecting: 'Connecting', live: 'Live', reconnecting: 'Reconnecting' };

export function createConnectionIndicator(document) {
  const root = document.querySelector('[data-testid="connection"]');
  const label = root.querySelector('.connection-label');
  const age = root.querySelector('.connection-age');
  const lastUpdate = document.querySelector('[data-testid="last-update"]');
  const clock = document.getElementById('clock');

  return {
    // status: {state, retryAt}; heardAt: local ms of the last message; serverTime: its ISO stamp.
    render({ status, heardAt, serverTime, now }) {
      if (root.dataset.state !== status.state) {
        root.dataset.state = status.state;
        label.textContent = LABELS[status.state];
        document.body.classList.toggle('stale', status.state !== LIVE && heardAt !== null);
      }
      if (status.state === LIVE) {
        age.textContent = '';
      } else {
        const parts = [heardAt === null ? 'no data yet' : formatDataAge(now - heardAt)];
        if (status.retryAt !== null && status.retryAt > now) parts.push(`retry in ${formatDuration(status.retryAt - now + 999)}`);
        age.textContent = parts.join(' · ');
      }
      if (serverTime) {
        lastUpdate.dateTime = serverTime;
        lastUpdate.textContent = formatClock(new Date(serverTime));
      }
      clock.textContent = formatClock(new Date(now)).slice(0, 5);
    },
  };
}
