// Numbers on the wall count smoothly to their new value, so a change catches the eye without a
// jump. The target is written to data-value at once; only the visible text animates. One shared
// animation frame loop drives every number on the page.
import { formatInteger, tweenedValue } from './format.js';

const DURATION_MS = 900;
const running = new Map();
const shownValues = new WeakMap();
let frame = null;

function motionReduced() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

export function showNumber(element, value, format = formatInteger) {
  if (!Number.isFinite(value)) {
    running.delete(element);
    shownValues.delete(element);
    element.removeAttribute('data-value');
    element.textContent = format(value);
    return;
  }
  if (element.dataset.value === String(value)) return;
  element.dataset.value = String(value);
  // The first value counts up from zero: the wall visibly comes alive when the snapshot lands.
  const from = shownValues.get(element) ?? 0;
  if (from === value || motionReduced() || document.hidden) {
    running.delete(element);
    shownValues.set(element, value);
    element.textContent = format(value);
    return;
  }
  running.set(element, { from, to: value, startedAt: performance.now(), format });
  if (frame === null) frame = requestAnimationFrame(advance);
}

function advance(now) {
  for (const [element, animation] of running) {
    const progress = (now - animation.startedAt) / DURATION_MS;
    const value = progress >= 1 ? animation.to : tweenedValue(animation.from, animation.to, progress);
    shownValues.set(element, value);
    element.textContent = animation.format(value);
    if (progress >= 1) running.delete(element);
  }
  frame = running.size > 0 ? requestAnimationFrame(advance) : null;
}
