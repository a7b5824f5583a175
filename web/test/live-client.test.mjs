import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createBackoff } from '../app/backoff.js';
import { CONNECTING, LIVE, RECONNECTING, SIGNING_IN, createLiveClient } from '../app/live-client.js';
import { createFakeClock } from './support/fake-clock.mjs';

// A WebSocket whose events the test fires by hand.
class FakeSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closed = false;
  }

  send(text) {
    this.sent.push(JSON.parse(text));
  }

  close() {
    this.closed = true;
    this.readyState = 3;
  }

  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(message) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  fail() {
    this.readyState = 3;
    this.onerror?.();
    this.onclose?.();
  }

  // A clean close the server chose, as when the session's access token expired.
  closeByServer(code, reason) {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: true });
  }
}

const silentLog = { warn() {}, info() {} };
const snapshot = (seq) => ({ type: 'snapshot', seq, serverTime: '2026-11-28T14:00:00Z', views: {} });
const delta = (seq) => ({ type: 'delta', seq, serverTime: '2026-11-28T14:00:01Z', changes: {} });

describe('live client', () => {
  let clock;
  let sockets;
  let statuses;
  let messages;
  let delays;

  // random() = 1 makes every backoff delay its ceiling, so the waits are predictable.
  function start({ subscription = null, random = () => 1, renewSession = null } = {}) {
    const backoff = createBackoff({ random });
    const client = createLiveClient({
      url: 'ws://test/live',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      clock,
      backoff: {
        nextDelay() {
          const delay = backoff.nextDelay();
          delays.push(delay);
          return delay;
        },
        reset: () => backoff.reset(),
      },
      subscription,
      renewSession,
      onMessage: (message) => messages.push(message),
      onStatus: (status) => statuses.push(status.state),
      log: silentLog,
    });
    client.start();
    return client;
  }

  const current = () => sockets[sockets.length - 1];

  beforeEach(() => {
    clock = createFakeClock();
    sockets = [];
    statuses = [];
    messages = [];
    delays = [];
  });

  it('is connecting until the first message, then live', () => {
    start();
    assert.deepEqual(statuses, [CONNECTING]);
    assert.equal(current().url, 'ws://test/live');
    current().open();
    assert.deepEqual(statuses, [CONNECTING]);
    current().receive(snapshot(1));
    assert.deepEqual(statuses, [CONNECTING, LIVE]);
    assert.equal(messages[0].type, 'snapshot');
  });

  it('sends its subscription right after each open', () => {
    const subscription = { type: 'subscribe', taskForces: ['DRUGS'], minutes: 180, days: 90 };
    start({ subscription });
    current().open();
    assert.deepEqual(current().sent, [subscription]);
    current().fail();
    clock.advance(30_000);
    current().open();
    assert.deepEqual(current().sent, [subscription]);
  });

  it('passes messages in order and asks for nothing while seq follows on', () => {
    start();
    current().open();
    [snapshot(1), delta(2), { type: 'heartbeat', seq: 3 }, delta(4)].forEach((message) => current().receive(message));
    assert.deepEqual(messages.map((message) => message.seq), [1, 2, 3, 4]);
    assert.deepEqual(current().sent, []);
  });

  it('asks for a resync when a seq is skipped', () => {
    start();
    current().open();
    current().receive(snapshot(1));
    current().receive(delta(2));
    current().receive(delta(4));
    assert.deepEqual(current().sent, [{ type: 'resync' }]);
    assert.equal(messages.length, 3, 'the out-of-order delta is still delivered: its values are absolute');
  });

  it('asks only once while the resync snapshot is on its way, and again after a fresh gap', () => {
    start();
    current().open();
    current().receive(snapshot(1));
    current().receive(delta(3));
    current().receive(delta(5));
    assert.equal(current().sent.length, 1);
    current().receive(snapshot(6));
    current().receive(delta(7));
    assert.equal(current().sent.length, 1, 'a snapshot ends the resync and sets the sequence');
    current().receive(delta(9));
    assert.deepEqual(current().sent, [{ type: 'resync' }, { type: 'resync' }]);
  });

  it('asks again when the resync snapshot does not come within 5 s', () => {
    start();
    current().open();
    current().receive(snapshot(1));
    current().receive(delta(3));
    clock.advance(5_000);
    current().receive(delta(5));
    assert.equal(current().sent.length, 2);
  });

  it('treats a repeated or backward seq as a gap', () => {
    start();
    current().open();
    current().receive(snapshot(1));
    current().receive(delta(2));
    current().receive(delta(2));
    assert.deepEqual(current().sent, [{ type: 'resync' }]);
  });

  it('expects seq 1 first on every new connection', () => {
    start();
    current().open();
    current().receive(snapshot(1));
    current().receive(delta(2));
    current().fail();
    clock.advance(1_000);
    current().open();
    current().receive(snapshot(1));
    current().receive(delta(2));
    assert.deepEqual(current().sent, []);
  });

  it('reconnects after a close, reporting reconnecting meanwhile', () => {
    start();
    current().open();
    current().receive(snapshot(1));
    current().fail();
    assert.equal(statuses.at(-1), RECONNECTING);
    assert.equal(sockets.length, 1);
    clock.advance(delays[0]);
    assert.equal(sockets.length, 2);
    assert.equal(statuses.at(-1), RECONNECTING, 'still reconnecting until the new socket hears something');
    current().open();
    current().receive(snapshot(1));
    assert.equal(statuses.at(-1), LIVE);
  });

  it('backs off exponentially while the service stays away, up to 30 s', () => {
    start();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      current().fail();
      clock.advance(30_000);
    }
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('keeps backing off after connections that drop before 10 s', () => {
    start();
    current().open();
    current().fail();
    clock.advance(delays.at(-1));
    current().open();
    clock.advance(9_000);
    current().fail();
    assert.deepEqual(delays, [500, 1000]);
  });

  it('starts the backoff afresh after a connection that stayed open 10 s', () => {
    start();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      current().fail();
      clock.advance(delays.at(-1));
    }
    current().open();
    current().receive(snapshot(1));
    clock.advance(10_000);
    current().receive({ type: 'heartbeat', seq: 2 });
    current().fail();
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 500]);
  });

  it('reconnects when nothing is heard for 45 s', () => {
    start();
    const first = current();
    first.open();
    first.receive(snapshot(1));
    clock.advance(30_000);
    first.receive({ type: 'heartbeat', seq: 2 });
    clock.advance(44_999);
    assert.equal(first.closed, false, 'every message restarts the 45 s');
    clock.advance(1);
    assert.equal(first.closed, true);
    assert.equal(statuses.at(-1), RECONNECTING);
    clock.advance(delays.at(-1));
    assert.equal(sockets.length, 2);
  });

  it('gives up on a handshake that never completes after 45 s', () => {
    start();
    clock.advance(45_000);
    assert.equal(sockets[0].closed, true);
    assert.equal(statuses.at(-1), RECONNECTING);
  });

  it('ignores late events of a socket it has given up on', () => {
    start();
    const first = current();
    first.open();
    first.receive(snapshot(1));
    clock.advance(45_000);
    first.onclose?.();
    first.onmessage?.({ data: JSON.stringify(delta(2)) });
    assert.equal(delays.length, 1, 'a single reconnect');
    assert.equal(messages.length, 1);
  });

  it('schedules one reconnect when error and close both fire', () => {
    start();
    current().open();
    current().fail();
    assert.equal(delays.length, 1);
  });

  it('skips frames that are not JSON without dropping the connection', () => {
    start();
    current().open();
    current().onmessage({ data: 'not json' });
    current().receive(snapshot(1));
    assert.equal(messages.length, 1);
    assert.equal(current().closed, false);
  });

  it('stops for good when stopped', () => {
    const client = start();
    current().open();
    client.stop();
    assert.equal(current().closed, true);
    clock.advance(60_000);
    assert.equal(sockets.length, 1);
  });
});

// Lets the awaits inside the live client run.
const settle = () => new Promise((resolve) => { setImmediate(resolve); });

describe('live client with a session to renew', () => {
  let clock;
  let sockets;
  let statuses;
  let delays;
  let renewals;

  // renewSession() hands the test a renewal to settle by hand: renewals.at(-1).resolve().
  function start() {
    const backoff = createBackoff({ random: () => 1 });
    const client = createLiveClient({
      url: 'ws://test/live',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      clock,
      backoff: {
        nextDelay() {
          const delay = backoff.nextDelay();
          delays.push(delay);
          return delay;
        },
        reset: () => backoff.reset(),
      },
      renewSession: () => new Promise((resolve, reject) => { renewals.push({ resolve, reject }); }),
      onStatus: (status) => statuses.push(status.state),
      log: silentLog,
    });
    client.start();
    return client;
  }

  const current = () => sockets[sockets.length - 1];

  // Opens the current socket and keeps it live (a heartbeat every 15 s) for `milliseconds`.
  function liveFor(milliseconds) {
    current().open();
    current().receive(snapshot(1));
    for (let elapsed = 0, seq = 2; elapsed < milliseconds; elapsed += 15_000, seq += 1) {
      clock.advance(Math.min(15_000, milliseconds - elapsed));
      current().receive({ type: 'heartbeat', seq });
    }
  }

  beforeEach(() => {
    clock = createFakeClock();
    sockets = [];
    statuses = [];
    delays = [];
    renewals = [];
  });

  it('renews the session after an "Authentication expired" close, then reconnects', async () => {
    start();
    liveFor(600_000);
    current().closeByServer(1008, 'Authentication expired');
    assert.equal(renewals.length, 1);
    assert.equal(statuses.at(-1), SIGNING_IN);
    clock.advance(60_000);
    assert.equal(sockets.length, 1, 'no new connection while the session is being renewed');
    assert.equal(delays.length, 0);

    renewals[0].resolve();
    await settle();
    assert.equal(statuses.at(-1), RECONNECTING);
    assert.deepEqual(delays, [500], 'the backoff starts afresh after a long healthy connection');
    clock.advance(500);
    assert.equal(sockets.length, 2);
    current().open();
    current().receive(snapshot(1));
    assert.equal(statuses.at(-1), LIVE);
  });

  it('renews the session before retrying a connection that failed before it opened', async () => {
    start();
    current().fail();
    assert.equal(renewals.length, 1);
    assert.equal(statuses.at(-1), RECONNECTING, 'most likely the service is away: not said to be signing in');
    clock.advance(30_000);
    assert.equal(sockets.length, 1);
    renewals[0].resolve();
    await settle();
    clock.advance(delays[0]);
    assert.equal(sockets.length, 2);
  });

  it('renews nothing when an open connection drops for another reason', () => {
    start();
    liveFor(1_000);
    current().closeByServer(1008, 'too many messages');
    clock.advance(delays.at(-1));
    liveFor(1_000);
    current().closeByServer(1001, 'Going away');
    assert.equal(renewals.length, 0);
    assert.equal(delays.length, 2);
  });

  it('reconnects even when the renewal fails', async () => {
    start();
    current().fail();
    renewals[0].reject(new Error('boom'));
    await settle();
    clock.advance(delays[0]);
    assert.equal(sockets.length, 2);
  });

  it('does not reconnect after a stop that came during the renewal', async () => {
    const client = start();
    liveFor(1_000);
    current().closeByServer(1008, 'Authentication expired');
    client.stop();
    renewals[0].resolve();
    await settle();
    clock.advance(60_000);
    assert.equal(sockets.length, 1);
    assert.equal(clock.pending(), 0);
  });

  it('opens one connection when started again during the renewal', async () => {
    const client = start();
    current().fail();
    client.stop();
    client.start();
    assert.equal(sockets.length, 2);
    renewals[0].resolve();
    await settle();
    clock.advance(30_000);
    assert.equal(sockets.length, 2, 'the old renewal schedules nothing');
  });
});

describe('live client without a session to renew', () => {
  it('reconnects after an "Authentication expired" close as after any other', () => {
    const clock = createFakeClock();
    const sockets = [];
    createLiveClient({
      url: 'ws://test/live',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      clock,
      backoff: createBackoff({ random: () => 1 }),
      log: silentLog,
    }).start();
    sockets[0].open();
    sockets[0].closeByServer(1008, 'Authentication expired');
    clock.advance(500);
    assert.equal(sockets.length, 2);
  });
});
