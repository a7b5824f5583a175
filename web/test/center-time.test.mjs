import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, centerZone, contractZone, createServiceClock } from '../app/center-time.js';
import { createFakeClock } from './support/fake-clock.mjs';

const HOUR_MS = 3_600_000;
const at = (instant) => Date.parse(instant);
const iso = (milliseconds) => new Date(milliseconds).toISOString().replace('.000Z', 'Z');
const hoursOf = (zone, date) => (zone.dayStart(addDays(date, 1)) - zone.dayStart(date)) / HOUR_MS;

const BUCHAREST = centerZone('Europe/Bucharest');
// Half an hour off whole hours, and with summer time (+9:30, +10:30 from the first Sunday of October).
const ADELAIDE = centerZone('Australia/Adelaide');

describe('the center\'s calendar', () => {
  it('starts a day at the center\'s midnight, in whole-hour and half-hour zones', () => {
    assert.equal(iso(BUCHAREST.dayStart('2026-11-28')), '2026-11-27T22:00:00Z');
    assert.equal(iso(BUCHAREST.dayStart('2026-07-01')), '2026-06-30T21:00:00Z');
    assert.equal(iso(ADELAIDE.dayStart('2026-11-28')), '2026-11-27T13:30:00Z');
    assert.equal(iso(ADELAIDE.dayStart('2026-07-01')), '2026-06-30T14:30:00Z');
    assert.equal(iso(centerZone('Asia/Kolkata').dayStart('2026-11-28')), '2026-11-27T18:30:00Z');
    assert.equal(iso(centerZone('UTC').dayStart('2026-11-28')), '2026-11-28T00:00:00Z');
  });

  it('has a 23-hour day in spring and a 25-hour day in autumn', () => {
    assert.deepEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25'].map((date) => hoursOf(BUCHAREST, date)), [24, 23, 24, 25]);
    // The southern spring is in October, its autumn in April.
    assert.deepEqual(['2026-10-04', '2026-04-05', '2026-04-06'].map((date) => hoursOf(ADELAIDE, date)), [23, 25, 24]);
    assert.equal(iso(ADELAIDE.dayStart('2026-10-05')), '2026-10-04T13:30:00Z');
  });

  it('starts a day when the clock jumped over its midnight, and at the first of a midnight that came twice', () => {
    // Santiago de Chile moved from 00:00 to 01:00; Havana from 01:00 back to 00:00.
    assert.equal(iso(centerZone('America/Santiago').dayStart('2026-09-06')), '2026-09-06T04:00:00Z');
    assert.equal(iso(centerZone('America/Havana').dayStart('2026-11-01')), '2026-11-01T04:00:00Z');
    assert.equal(hoursOf(centerZone('America/Havana'), '2026-11-01'), 25);
  });

  it('tells the date, the year and whether it is midnight at an instant', () => {
    assert.equal(BUCHAREST.date(at('2026-12-31T21:59:59Z')), '2026-12-31');
    assert.equal(BUCHAREST.date(at('2026-12-31T22:00:00Z')), '2027-01-01');
    assert.equal(BUCHAREST.year(at('2026-12-31T22:00:00Z')), 2027);
    assert.equal(ADELAIDE.year(at('2026-12-31T13:29:59.999Z')), 2026);
    assert.equal(ADELAIDE.year(at('2026-12-31T13:30:00Z')), 2027);
    assert.equal(BUCHAREST.isDayStart(at('2026-03-28T22:00:00Z')), true);
    assert.equal(BUCHAREST.isDayStart(at('2026-03-29T00:00:00Z')), false);
    assert.equal(ADELAIDE.isDayStart(at('2026-04-04T13:30:00Z')), true);
  });

  it('keeps to 1900, whose offsets were not whole minutes', () => {
    assert.equal(iso(BUCHAREST.dayStart('1900-01-01')), '1899-12-31T22:15:36Z');
    assert.equal(BUCHAREST.date(BUCHAREST.dayStart('1900-01-01')), '1900-01-01');
  });

  it('reads the clock with its zone, and names the zone for labels', () => {
    assert.equal(BUCHAREST.clock(at('2026-11-28T12:03:00Z')), '14:03 EET');
    assert.equal(BUCHAREST.clock(at('2026-07-01T12:03:00Z')), '15:03 EEST');
    assert.equal(ADELAIDE.clock(at('2026-11-28T12:03:00Z')), '22:33 GMT+10:30');
    assert.deepEqual([BUCHAREST.place, BUCHAREST.timeName], ['Bucharest', 'Bucharest time']);
    assert.deepEqual([centerZone('UTC').place, centerZone('UTC').timeName], ['UTC', 'UTC']);
    assert.equal(centerZone('America/Argentina/Buenos_Aires').place, 'Buenos Aires');
  });

  it('takes the contract\'s zone, UTC from a service that names none', () => {
    assert.equal(contractZone({ zone: 'Australia/Adelaide' }), ADELAIDE);
    assert.equal(contractZone({}).name, 'UTC');
  });

  it('moves a calendar date by days across months, leap days and years', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-11-16', 6), '2026-11-22');
  });
});

describe('the service\'s clock', () => {
  // The page's own clock would be wrong here by design: once a frame came, only the service's counts.
  const pageClockFarOff = () => at('2020-01-01T00:00:00Z');

  it('is the last frame\'s serverTime plus the time elapsed since it came', () => {
    const elapsed = createFakeClock();
    const clock = createServiceClock({ wallNow: pageClockFarOff, elapsed: elapsed.now });
    clock.observe('2027-03-27T21:59:30Z');
    elapsed.advance(30_000);
    assert.equal(iso(clock.now()), '2027-03-27T22:00:00Z');
    assert.equal(BUCHAREST.date(clock.now()), '2027-03-28');
    clock.observe('2027-03-27T22:00:05Z');
    assert.equal(iso(clock.now()), '2027-03-27T22:00:05Z', 'each frame sets it again');
  });

  it('stands on the page\'s own clock until the first frame, and ignores a frame without a time', () => {
    const elapsed = createFakeClock();
    const clock = createServiceClock({ wallNow: pageClockFarOff, elapsed: elapsed.now });
    assert.equal(clock.now(), pageClockFarOff());
    clock.observe(undefined);
    clock.observe('not a time');
    assert.equal(clock.now(), pageClockFarOff());
  });
});
