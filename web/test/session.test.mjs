import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createBackoff } from '../app/backoff.js';
import { RECONNECTING, SIGNING_IN } from '../app/live-client.js';
import { createSession } from '../app/session.js';
import { createFakeClock } from './support/fake-clock.mjs';

// Lets the awaits inside the session run.
const settle = () => new Promise((resolve) => { setImmediate(resolve); });

const silentLog = { warn() {} };
const CONTRACT_URL = 'http://test/api/v1/contract';
const DISCOVERY = 'http://sso.test/realms/exchange-pulse/.well-known/openid-configuration';
const status = (code) => ({ ok: code >= 200 && code < 300, status: code, type: 'basic' });
// What fetch gives for a redirect when asked not to follow it.
const OPAQUE_REDIRECT = { ok: false, status: 0, type: 'opaqueredirect' };
// What a no-cors fetch gives for any answer at all.
const OPAQUE = { ok: false, status: 0, type: 'opaque' };

describe('session', () => {
  let clock;
  let requests;
  let answers;
  let statuses;
  let reloads;

  // Each request to our service takes the next of answers.service, each to the provider the next of
  // answers.provider: a response, an error to throw, or 'hang' (until aborted).
  function createTestSession() {
    return createSession({
      url: CONTRACT_URL,
      // A trailing slash, as a provider's URL may be configured.
      provider: 'http://sso.test/realms/exchange-pulse/',
      fetch: (url, init) => {
        requests.push({ url, init });
        const answer = (url === CONTRACT_URL ? answers.service : answers.provider).shift();
        if (answer === 'hang') {
          return new Promise((_resolve, reject) => {
            init.signal.addEventListener('abort', () => reject(new Error('aborted')));
          });
        }
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
      reload: () => { reloads += 1; },
      clock,
      // random() = 1 makes every backoff delay its ceiling, so the waits are predictable.
      backoff: createBackoff({ random: () => 1 }),
      providerBackoff: createBackoff({ random: () => 1 }),
      onStatus: (next) => statuses.push(next),
      log: silentLog,
    });
  }

  function track(promise) {
    const tracked = { settled: false };
    promise.then(() => { tracked.settled = true; });
    return tracked;
  }

  beforeEach(() => {
    clock = createFakeClock();
    requests = [];
    answers = { service: [], provider: [] };
    statuses = [];
    reloads = 0;
  });

  it('is renewed by a same-origin request marked as the page\'s own script', async () => {
    answers.service = [status(200)];
    await createTestSession().renew();
    assert.equal(requests.length, 1);
    const [{ url, init }] = requests;
    assert.equal(url, CONTRACT_URL);
    assert.equal(init.headers['X-Requested-With'], 'JavaScript');
    assert.equal(init.redirect, 'manual');
    assert.equal(init.credentials, 'same-origin');
    assert.equal(init.cache, 'no-store');
    assert.deepEqual(statuses, []);
    assert.equal(reloads, 0);
    assert.equal(clock.pending(), 0, 'no timer left behind');
  });

  it('shares one request among callers that ask at the same time, and asks afresh later', async () => {
    answers.service = [status(200), status(200)];
    const session = createTestSession();
    const first = session.renew();
    assert.equal(session.renew(), first);
    await first;
    assert.equal(requests.length, 1);
    await session.renew();
    assert.equal(requests.length, 2);
  });

  it('once gone, waits until the provider answers before it reloads the page', async () => {
    answers.service = [status(499)];
    answers.provider = [new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), OPAQUE];
    const renewal = track(createTestSession().renew());
    await settle();
    assert.equal(requests.length, 2);
    assert.equal(requests[1].url, DISCOVERY);
    assert.equal(requests[1].init.mode, 'no-cors');
    assert.equal(reloads, 0, 'not while the provider is down: the browser would stay on an error page');
    assert.deepEqual(statuses.at(-1), { state: SIGNING_IN, retryAt: 500 });

    clock.advance(499);
    await settle();
    assert.equal(requests.length, 2, 'waits out the backoff');
    clock.advance(1);
    await settle();
    assert.equal(requests.length, 3);
    assert.equal(reloads, 0);
    assert.deepEqual(statuses.at(-1), { state: SIGNING_IN, retryAt: 1500 });

    clock.advance(1000);
    await settle();
    assert.equal(requests.length, 4);
    assert.equal(reloads, 1);
    assert.equal(renewal.settled, false, 'the page reloads instead');
    assert.equal(requests.filter((request) => request.url === CONTRACT_URL).length, 1, 'our service is not asked again');
    assert.equal(clock.pending(), 0);
  });

  for (const [what, answer] of [['a redirect to the provider', OPAQUE_REDIRECT], ['401', status(401)]]) {
    it(`takes ${what} for a session gone too`, async () => {
      answers.service = [answer];
      answers.provider = [OPAQUE];
      createTestSession().renew();
      await settle();
      assert.deepEqual(requests.map((request) => request.url), [CONTRACT_URL, DISCOVERY]);
      assert.equal(reloads, 1);
    });
  }

  it('tries again with backoff while our service is away or failing, then is renewed', async () => {
    answers.service = [new TypeError('Failed to fetch'), status(503), status(502), status(200)];
    const renewal = track(createTestSession().renew());
    await settle();
    assert.deepEqual(statuses.at(-1), { state: RECONNECTING, retryAt: 500 });
    clock.advance(500);
    await settle();
    assert.equal(requests.length, 2);
    assert.deepEqual(statuses.at(-1), { state: RECONNECTING, retryAt: 1500 }, 'a 5xx is our service, not the session');
    clock.advance(1000);
    await settle();
    assert.deepEqual(statuses.at(-1), { state: RECONNECTING, retryAt: 3500 });
    assert.equal(renewal.settled, false);
    clock.advance(2000);
    await settle();
    assert.equal(requests.length, 4);
    assert.equal(renewal.settled, true);
    assert.equal(requests.every((request) => request.url === CONTRACT_URL), true, 'the provider is not asked');
    assert.equal(reloads, 0);
    assert.equal(clock.pending(), 0);
  });

  it('starts the backoff afresh after a renewal', async () => {
    answers.service = [status(503), status(200), status(503), status(200)];
    const session = createTestSession();
    session.renew();
    await settle();
    clock.advance(500);
    await session.renew();
    session.renew();
    await settle();
    assert.deepEqual(statuses.map((next) => next.retryAt), [500, 1000]);
  });

  it('gives up on a request that hangs after 10 s and tries again', async () => {
    answers.service = ['hang', status(200)];
    const renewal = track(createTestSession().renew());
    await settle();
    clock.advance(10_000);
    await settle();
    assert.equal(requests[0].init.signal.aborted, true);
    clock.advance(500);
    await settle();
    assert.equal(renewal.settled, true);
  });
});
