import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeChange, direction, formatChange, formatClock, formatCompact, formatDataAge, formatDay, formatDuration, formatEuros,
  formatInteger, tweenedValue,
} from '../app/format.js';

const NNBSP = '\u202F';

describe('format', () => {
  it('groups thousands with a narrow no-break space', () => {
    assert.equal(formatInteger(0), '0');
    assert.equal(formatInteger(999), '999');
    assert.equal(formatInteger(9196), `9${NNBSP}196`);
    assert.equal(formatInteger(14611791), `14${NNBSP}611${NNBSP}791`);
    assert.equal(formatInteger(-1234), `\u22121${NNBSP}234`);
    assert.equal(formatInteger(12.6), '13');
  });

  it('shows a dash for what is not a number yet', () => {
    assert.equal(formatInteger(undefined), '—');
    assert.equal(formatInteger(null), '—');
    assert.equal(formatInteger(NaN), '—');
  });

  it('compacts large counts for small cells', () => {
    assert.equal(formatCompact(999), '999');
    assert.equal(formatCompact(9999), `9${NNBSP}999`);
    assert.equal(formatCompact(12_345), '12k');
    assert.equal(formatCompact(1_250_000), '1.3M');
    assert.equal(formatCompact(12_000_000), '12M');
  });

  it('states the change against last year with a sign', () => {
    assert.equal(formatChange(120, 98), `+22${NNBSP}%`);
    assert.equal(formatChange(40211, 38002), `+5.8${NNBSP}%`);
    assert.equal(formatChange(90, 100), `\u221210${NNBSP}%`);
    assert.equal(formatChange(100, 100), `±0${NNBSP}%`);
    assert.equal(formatChange(5, 0), null);
    assert.equal(formatChange(undefined, 3), null);
    // Last year's zero is no ratio, but a tile still says what happened: never "▲ no comparison".
    assert.equal(describeChange(5, 0), 'new');
    assert.equal(describeChange(0, 0), `±0${NNBSP}%`);
    assert.equal(describeChange(120, 98), `+22${NNBSP}%`);
    assert.equal(describeChange(undefined, 3), 'no comparison');
  });

  it('tells the direction', () => {
    assert.equal(direction(2, 1), 'up');
    assert.equal(direction(1, 2), 'down');
    assert.equal(direction(2, 2), 'flat');
    assert.equal(direction(2, undefined), 'none');
    assert.equal(direction(5, 0), 'up');
  });

  it('says how old the data is', () => {
    assert.equal(formatDataAge(0), `data 0${NNBSP}s old`);
    assert.equal(formatDataAge(42_400), `data 42${NNBSP}s old`);
    assert.equal(formatDataAge(119_999), `data 119${NNBSP}s old`);
    assert.equal(formatDataAge(5 * 60_000), `data 5${NNBSP}min old`);
    assert.equal(formatDataAge(3 * 3_600_000), `data 3${NNBSP}h old`);
    assert.equal(formatDataAge(3 * 86_400_000), `data 3${NNBSP}d old`);
    assert.equal(formatDuration(-5), `0${NNBSP}s`);
  });

  it('formats clock times and days', () => {
    assert.equal(formatClock(new Date('2026-11-28T14:02:31Z'), 'UTC'), '14:02:31');
    assert.equal(formatClock(new Date('2026-11-28T14:02:31Z'), 'Europe/Bucharest'), '16:02:31');
    assert.equal(formatDay('2026-11-28'), '28 Nov 2026');
  });

  it('formats euro amounts', () => {
    assert.equal(formatEuros(1_600_000), `€1.6${NNBSP}M`);
    assert.equal(formatEuros(120_000), `€120${NNBSP}k`);
    assert.equal(formatEuros(950), '€950');
  });

  it('eases a count from one value to another', () => {
    assert.equal(tweenedValue(0, 100, 0), 0);
    assert.equal(tweenedValue(0, 100, 1), 100);
    assert.equal(tweenedValue(0, 100, 2), 100);
    assert.ok(tweenedValue(0, 100, 0.5) > 50, 'eases out: more than half-way at half-time');
    assert.equal(tweenedValue(10, 5, 1), 5);
  });
});
