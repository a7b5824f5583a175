import assert from 'node:assert/strict';
import { createServiceClock } from '../../app/center-time.js';

// A clock whose time only moves when the test says so: the live client and the contract loader take it
// in place of the browser's timers.
export function createFakeClock() {
  let now = 0;
  let nextHandle = 0;
  const timers = new Map();
  return {
    now: () => now,
    setTimeout(callback, milliseconds) {
      nextHandle += 1;
      timers.set(nextHandle, { at: now + milliseconds, callback });
      return nextHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle);
    },
    pending: () => timers.size,
    // Runs every timer due within the next `milliseconds`, in time order.
    advance(milliseconds) {
      const end = now + milliseconds;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
  };
}

// The service's clock as the page follows it (center-time.js), from a frame stamped `serverTime`
// on, with time elapsing only when the test says: the page's now. Reading the page's own clock
// instead fails the test.
export function createFakeServiceClock(serverTime) {
  const elapsed = createFakeClock();
  const clock = createServiceClock({ wallNow: () => assert.fail('the page\'s own clock was read'), elapsed: elapsed.now });
  clock.observe(serverTime);
  return { now: clock.now, advance: elapsed.advance };
}
