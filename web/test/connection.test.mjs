import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONNECTING, LIVE, RECONNECTING, SIGNING_IN } from '../app/live-client.js';
import { describeConnection } from '../app/views/connection.js';

const NOW = 1_800_000_000_000;

describe('the connection indicator', () => {
  it('says Live when connected and counting keeps up', () => {
    assert.deepEqual(describeConnection({ status: { state: LIVE, retryAt: null }, heardAt: NOW, countingDelay: null, now: NOW }),
      { state: 'live', label: 'Live', age: '' });
  });

  it('says counting is delayed, and by how much, instead of Live', () => {
    const shown = describeConnection({ status: { state: LIVE, retryAt: null }, heardAt: NOW, countingDelay: 150, now: NOW });
    assert.equal(shown.state, 'delayed');
    assert.equal(shown.label, 'Counting delayed');
    assert.equal(shown.age, 'counts 2\u202Fmin behind');
  });

  it('says how old the data is and when it retries while reconnecting, whatever the delay was', () => {
    const shown = describeConnection({ status: { state: RECONNECTING, retryAt: NOW + 4_000 }, heardAt: NOW - 30_000, countingDelay: 150, now: NOW });
    assert.equal(shown.label, 'Reconnecting');
    assert.equal(shown.age, 'data 30\u202Fs old · retry in 4\u202Fs');
  });

  it('says it is signing in again while the session is renewed', () => {
    const shown = describeConnection({ status: { state: SIGNING_IN, retryAt: NOW + 2_000 }, heardAt: NOW - 5_000, countingDelay: null, now: NOW });
    assert.equal(shown.state, 'signingIn');
    assert.equal(shown.label, 'Signing in again');
    assert.equal(shown.age, 'data 5\u202Fs old · retry in 2\u202Fs');
  });

  it('says there is no data yet before the first message', () => {
    assert.equal(describeConnection({ status: { state: CONNECTING, retryAt: null }, heardAt: null, countingDelay: null, now: NOW }).age, 'no data yet');
  });
});
