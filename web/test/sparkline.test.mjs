import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSplits } from '../app/views/sparkline.js';

describe("a trend chart's count axis", () => {
  it('says what the height means even where one label fits (a wall row)', () => {
    assert.deepEqual(countSplits(44.8, 1.4), [0, 40]);
    assert.deepEqual(countSplits(1.12, 1), [0, 1]);
    assert.deepEqual(countSplits(11_200, 1.2), [0, 10_000]);
  });

  it('steps by whole round counts, as many as the height has room for', () => {
    assert.deepEqual(countSplits(44.8, 3), [0, 20, 40]);
    assert.deepEqual(countSplits(2.24, 5), [0, 1, 2]);
    assert.deepEqual(countSplits(560, 6), [0, 100, 200, 300, 400, 500]);
    assert.deepEqual(countSplits(53, 7), [0, 10, 20, 30, 40, 50]);
  });
});
