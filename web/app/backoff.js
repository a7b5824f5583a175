// Exponential backoff with full jitter: the n-th retry waits a uniformly random time in
// [0, min(cap, base * factor^n)). The jitter spreads a whole wall of screens over the window
// after a service restart instead of letting them all knock at the same instant.
export function createBackoff({ baseMs = 500, factor = 2, capMs = 30_000, random = Math.random } = {}) {
  let attempt = 0;

  function ceiling() {
    return Math.min(capMs, baseMs * factor ** attempt);
  }

  return {
    nextDelay() {
      const delay = random() * ceiling();
      // Stop counting once at the cap, so that factor^attempt never overflows on a long outage.
      if (ceiling() < capMs) attempt += 1;
      return delay;
    },
    reset() {
      attempt = 0;
    },
  };
}
