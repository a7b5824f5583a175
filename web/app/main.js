// Bootstrap: load the contract, read the mode from the address and the caller, lay out the board,
// connect to /live (renewing the sign-in session when it lapses), and turn every server message
// into state and every state change into a render.
import { ALERTS_MESSAGE, activeAlerts } from './alerts.js';
import { createBoard, describeMode, layoutViews } from './board.js';
import { contractZone, createServiceClock } from './center-time.js';
import { loadContract } from './contract.js';
import { CONNECTING, LIVE, createLiveClient } from './live-client.js';
import { TASK_FORCE, readMode, snapshotFitsMode, subscribeMessage } from './mode.js';
import { createSession } from './session.js';
import { applyDelta, applySnapshot, emptyState } from './state.js';
import { createConnectionIndicator } from './views/connection.js';

const indicator = createConnectionIndicator(document);
let status = { state: CONNECTING, retryAt: null };
let heardAt = null;
let serverTime = null;
let countingDelay = null;
// The page's now is the service's (every frame says it), so that its today and year are too; the
// zone is the contract's.
const serviceClock = createServiceClock();
let zone = null;

function renderIndicator() {
  indicator.render({ status, heardAt, serverTime, countingDelay, now: Date.now(), zone, centerNow: serviceClock.now() });
}

function showStatus(next) {
  status = next;
  renderIndicator();
}

// The data's age and the clock move on even when no message comes.
setInterval(renderIndicator, 1000);

// Nothing can be named or merged before the contract is in; until then the page says Connecting.
const contractUrl = new URL('api/v1/contract', location.href).href;
const contract = await loadContract({ url: contractUrl, onStatus: showStatus });
zone = contractZone(contract);

// Fetching the contract again is the request that renews the session (or finds it gone).
const session = createSession({
  url: contractUrl,
  provider: contract.signIn.provider,
  reload: () => location.reload(),
  onStatus: showStatus,
});

// Whose screen this is, and the way out, for a person standing at it.
const callerArea = document.querySelector('[data-testid="caller"]');
callerArea.querySelector('.caller-name').textContent = contract.caller.name;
callerArea.querySelector('.sign-out').href = contract.signIn.signOut;
callerArea.hidden = false;

const mode = readMode(location.search, contract);
const subtitle = document.getElementById('subtitle');
subtitle.replaceChildren(...describeMode(mode, contract));
if (mode.kind === TASK_FORCE) document.title = `${subtitle.textContent} · Exchange Pulse`;
if (mode.unknown.length) console.warn(`Unknown task force ignored: ${mode.unknown.join(', ')}`);
if (mode.refused.length) {
  console.warn(`Task force not open to ${contract.caller.name} ignored: ${mode.refused.join(', ')}; showing ${mode.taskForces.join(', ')}`);
}

const board = createBoard(document.getElementById('board'), mode, contract, { zone, now: serviceClock.now });

let state = emptyState();
// False until a snapshot of this page's subscription arrived on the current connection: deltas
// of any other subscription must not be mixed into what the page shows.
let acceptingDeltas = false;

// Each message renders at once, so data-value attributes hold the new numbers as soon as they
// arrive (only the visible digits animate); a message touches few views, so this stays cheap.
function receive(message) {
  heardAt = Date.now();
  serverTime = message.serverTime ?? serverTime;
  serviceClock.observe(message.serverTime);
  if (message.type !== 'error') countingDelay = message.countingDelay ?? null;
  let changed = [];
  if (message.type === 'snapshot') {
    acceptingDeltas = snapshotFitsMode(mode, message.subscription);
    if (acceptingDeltas) {
      state = applySnapshot(message);
      changed = Object.keys(state.views);
      document.body.classList.remove('awaiting-data');
    }
  } else if (message.type === 'delta' && acceptingDeltas) {
    ({ state, changed } = applyDelta(state, message, contract.views));
  }
  if (changed.length) board.render(state.views, new Set(changed), currentYear());
  if (changed.includes('alerts')) tellPlaylist(state.views.alerts);
  renderIndicator();
}

// Inside the playlist (playlist.html), which turns to the board that shows a new alert. Only a
// page of this origin is told: another site framing the board learns nothing.
function tellPlaylist(alerts) {
  if (window.parent === window) return;
  window.parent.postMessage({ type: ALERTS_MESSAGE, alerts: activeAlerts(alerts) }, location.origin);
}

// The center's year: the one `totals` counts, else the service clock's in the center's zone.
function currentYear() {
  return Number(state.views.totals?.date?.slice(0, 4)) || zone.year(serviceClock.now());
}

function liveUrl() {
  const url = new URL('live', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

createLiveClient({
  url: liveUrl(),
  createSocket: (url) => new WebSocket(url),
  subscription: subscribeMessage(mode, layoutViews(mode)),
  renewSession: session.renew,
  onMessage: receive,
  onStatus: (next) => {
    // A new connection's first snapshot may belong to the default subscription: wait for ours.
    if (next.state !== LIVE) acceptingDeltas = false;
    showStatus(next);
  },
}).start();
