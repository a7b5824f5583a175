import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackoff } from '../app/backoff.js';

describe('backoff', () => {
  it('doubles its ceiling from 500 ms and caps it at 30 s', () => {
    const backoff = createBackoff({ random: () => 1 });
    const delays = Array.from({ length: 9 }, () => backoff.nextDelay());
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('uses full jitter: a uniform share of the ceiling, from zero', () => {
    const shares = [0, 0.25, 0.5, 0.999];
    let call = 0;
    const backoff = createBackoff({ random: () => shares[call++] });
    assert.deepEqual(shares.map(() => backoff.nextDelay()), [0, 250, 1000, 3996]);
  });

  it('stays within [0, ceiling) with a real random source', () => {
    const backoff = createBackoff();
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      const delay = backoff.nextDelay();
      assert.ok(delay >= 0 && delay < ceiling, `attempt ${attempt}: ${delay} not in [0, ${ceiling})`);
    }
  });

  it('starts again from the base after a reset', () => {
    const backoff = createBackoff({ random: () => 1 });
    backoff.nextDelay();
    backoff.nextDelay();
    backoff.nextDelay();
    backoff.reset();
    assert.equal(backoff.nextDelay(), 500);
  });

  it('takes other parameters', () => {
    const backoff = createBackoff({ baseMs: 100, factor: 3, capMs: 1000, random: () => 1 });
    assert.deepEqual([1, 2, 3, 4].map(() => backoff.nextDelay()), [100, 300, 900, 1000]);
  });
});
