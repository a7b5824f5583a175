// The connection to /live: keeps one WebSocket open for as long as the page lives, checks the
// message sequence, and reconnects on its own after a close, an error or a silent death; when the
// sign-in is the likely cause, it has the session renewed first.
// The socket factory and the clock are parameters so that all of it runs in Node tests.
import { createBackoff } from './backoff.js';

export const CONNECTING = 'connecting';
export const LIVE = 'live';
export const RECONNECTING = 'reconnecting';
export const SIGNING_IN = 'signingIn';

const SOCKET_OPEN = 1;
// RFC 6455 policy violation: the server's close when the session's access token has expired (its
// reason says "Authentication expired"); the same code with another reason is not about sign-in.
const POLICY_VIOLATION = 1008;

function authenticationExpired(closeEvent) {
  return closeEvent?.code === POLICY_VIOLATION && /authentication/i.test(closeEvent.reason ?? '');
}

export const systemClock = {
  now: () => Date.now(),
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle),
};

/**
 * @param options.url            the WebSocket address
 * @param options.createSocket   url -> a WebSocket-like object (onopen, onmessage, onerror, onclose, send, close, readyState)
 * @param options.subscription   a subscribe message to send right after each open, or null
 * @param options.onMessage      (message) for every parsed server message, in order
 * @param options.onStatus       ({state, retryAt}) whenever the connection state changes
 * @param options.renewSession   () -> a promise settled once the sign-in session is good again
 *                               (session.js), or null where there is no sign-in to renew
 */
export function createLiveClient({
  url,
  createSocket,
  clock = systemClock,
  backoff = createBackoff(),
  subscription = null,
  onMessage = () => {},
  onStatus = () => {},
  renewSession = null,
  // Heartbeats come every 15 s; three missed ones mean the connection is dead even if TCP has
  // not noticed yet (a sleeping laptop, a NAT that forgot us, a proxy that hangs).
  silenceTimeoutMs = 45_000,
  // A connection that lasted this long was healthy: the next failure starts the backoff afresh.
  stableAfterMs = 10_000,
  // If the snapshot asked for by a resync does not come, ask again after this long.
  resyncRetryMs = 5_000,
  log = console,
}) {
  let socket = null;
  let openedAt = null;
  let heardOnThisSocket = false;
  let expectedSeq = 1;
  let resyncRequestedAt = null;
  let silenceTimer = null;
  let retryTimer = null;
  let everFailed = false;
  let stopped = true;

  function connect() {
    retryTimer = null;
    openedAt = null;
    heardOnThisSocket = false;
    expectedSeq = 1;
    resyncRequestedAt = null;
    onStatus({ state: everFailed ? RECONNECTING : CONNECTING, retryAt: null });

    let current;
    try {
      current = createSocket(url);
    } catch (error) {
      log.warn('live: cannot create the socket', error);
      everFailed = true;
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      openedAt = clock.now();
      if (subscription) send(subscription);
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => drop('error');
    current.onclose = (event) => drop('closed', event);
    armSilenceTimer();
  }

  function receive(data) {
    armSilenceTimer();
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      log.warn('live: ignoring a frame that is not JSON');
      return;
    }
    if (!heardOnThisSocket) {
      heardOnThisSocket = true;
      onStatus({ state: LIVE, retryAt: null });
    }
    checkSequence(message);
    if (message.type === 'error') log.warn('live: the server did not understand us:', message.message);
    onMessage(message);
  }

  // A snapshot stands on its own; anything else must follow the previous message exactly, or
  // something was lost and only a fresh snapshot makes the state whole again.
  function checkSequence(message) {
    if (!Number.isInteger(message.seq)) return;
    if (message.type === 'snapshot') {
      resyncRequestedAt = null;
    } else if (message.seq !== expectedSeq) {
      log.warn(`live: expected seq ${expectedSeq}, got ${message.seq}; asking for a resync`);
      requestResync();
    }
    expectedSeq = message.seq + 1;
  }

  function requestResync() {
    const now = clock.now();
    if (resyncRequestedAt !== null && now - resyncRequestedAt < resyncRetryMs) return;
    resyncRequestedAt = now;
    send({ type: 'resync' });
  }

  function send(message) {
    if (socket && socket.readyState === SOCKET_OPEN) socket.send(JSON.stringify(message));
  }

  function armSilenceTimer() {
    if (silenceTimer !== null) clock.clearTimeout(silenceTimer);
    silenceTimer = clock.setTimeout(() => {
      silenceTimer = null;
      log.warn(`live: nothing heard for ${silenceTimeoutMs} ms; reconnecting`);
      drop('silent');
    }, silenceTimeoutMs);
  }

  // Forget the socket (its late events must not schedule a second reconnect), then retry.
  function drop(reason, closeEvent) {
    if (!socket) return;
    const current = socket;
    socket = null;
    current.onopen = current.onmessage = current.onerror = current.onclose = null;
    try {
      current.close();
    } catch (error) {
      log.warn('live: closing the old socket failed', error);
    }
    if (silenceTimer !== null) clock.clearTimeout(silenceTimer);
    silenceTimer = null;
    if (openedAt !== null && clock.now() - openedAt >= stableAfterMs) backoff.reset();
    everFailed = true;
    log.info?.(`live: connection ${reason}`);
    const expired = authenticationExpired(closeEvent);
    // An upgrade refused for want of a valid session reaches the page only as a connection that
    // never opened (close code 1006): such a failure, like an expired token, calls for a renewal.
    if (renewSession && (expired || openedAt === null)) renewThenReconnect(expired);
    else scheduleReconnect();
  }

  async function renewThenReconnect(expired) {
    if (stopped) return;
    onStatus({ state: expired ? SIGNING_IN : RECONNECTING, retryAt: null });
    try {
      await renewSession();
    } catch (error) {
      log.warn('live: renewing the session failed', error);
    }
    // A stop, or a stop and a fresh start, may have come while the session was being renewed.
    if (socket === null && retryTimer === null) scheduleReconnect();
  }

  function scheduleReconnect() {
    if (stopped) return;
    const delay = backoff.nextDelay();
    retryTimer = clock.setTimeout(connect, delay);
    onStatus({ state: RECONNECTING, retryAt: clock.now() + delay });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    stop() {
      stopped = true;
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      retryTimer = null;
      drop('stopped');
    },
  };
}
