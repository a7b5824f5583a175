import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centerZone } from '../app/center-time.js';
import { h } from '../app/dom.js';
import { CONNECTING, LIVE, RECONNECTING, SIGNING_IN } from '../app/live-client.js';
import { createConnectionIndicator, describeConnection } from '../app/views/connection.js';
import { createFakeServiceClock } from './support/fake-clock.mjs';
import { FakeElement, withFakeDom } from './support/fake-dom.mjs';

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

describe('the header\'s clock', () => {
  withFakeDom();

  // The header of index.html, as far as the indicator reads it.
  function header() {
    const body = new FakeElement('body');
    body.append(
      h('div', { 'data-testid': 'connection' }, h('span', { class: 'connection-label' }), h('span', { class: 'connection-age' })),
      h('time', { 'data-testid': 'last-update' }),
      h('time', { id: 'clock' }, '--:--'));
    return { body, querySelector: (selector) => body.querySelector(selector), getElementById: (id) => body.querySelector(`[id="${id}"]`) };
  }

  it('shows the center\'s time and zone from the service\'s clock, past midnight and into summer time', () => {
    const page = header();
    const indicator = createConnectionIndicator(page);
    const serviceClock = createFakeServiceClock('2027-03-27T21:59:00Z');
    const render = (zone) => indicator.render({
      status: { state: LIVE, retryAt: null }, heardAt: NOW, serverTime: '2027-03-27T21:59:00Z', now: NOW, zone, centerNow: serviceClock.now(),
    });
    render(null);
    assert.equal(page.getElementById('clock').textContent, '--:--', 'no zone before the contract');
    render(centerZone('Europe/Bucharest'));
    assert.equal(page.getElementById('clock').textContent, '23:59 EET');
    assert.equal(page.getElementById('clock').title, 'Europe/Bucharest');
    assert.equal(page.querySelector('[data-testid="last-update"]').textContent, '23:59:00');
    serviceClock.advance(60_000);
    render(centerZone('Europe/Bucharest'));
    assert.equal(page.getElementById('clock').textContent, '00:00 EET');
    serviceClock.advance(3 * 3_600_000);
    render(centerZone('Europe/Bucharest'));
    assert.equal(page.getElementById('clock').textContent, '04:00 EEST', 'an hour skipped at 03:00');
    render(centerZone('Australia/Adelaide'));
    assert.equal(page.getElementById('clock').textContent, '11:30 GMT+10:30');
  });
});
