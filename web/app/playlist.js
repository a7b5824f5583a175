// The playlist page, /playlist?slides=wall,DRUGS&dwell=30: a wall that turns through boards
// for days without a touch. Every slide's board stays loaded and live in a frame of its own and
// one is shown at a time, so a turn is instant, never shows old or missing numbers, and no reload
// piles up memory. The boards report their alerts (main.js); a new one turns to the board that
// shows it, for longer (rotation.js).
import { ALERTS_MESSAGE, alertLook } from './alerts.js';
import { loadContract } from './contract.js';
import { h } from './dom.js';
import { createAlertWatch, createRotation, readPlaylist, slideAddress, slideForAlert, slideName } from './rotation.js';

const root = document.querySelector('[data-testid="playlist"]');
const stage = root.querySelector('.playlist-stage');
const caption = root.querySelector('.playlist-caption');
const fill = root.querySelector('.playlist-progress-fill');

const contract = await loadContract({ url: new URL('api/v1/contract', location.href).href });
const playlist = readPlaylist(location.search, contract);
if (playlist.ignored.length) console.warn(`Playlist: ignored ${playlist.ignored.join(', ')}`);

const names = playlist.slides.map((slide) => slideName(slide, contract));
const frames = playlist.slides.map((slide, index) => {
  const frame = h('iframe', {
    class: 'slide', src: slideAddress(slide), title: names[index], 'data-testid': `slide-${index}`, 'data-active': 'false',
  });
  frame.addEventListener('load', () => leaveIfSignedOut(frame));
  return frame;
});
stage.replaceChildren(...frames);

// A board whose session could not be renewed goes to the provider's sign-in, another origin that
// would not show in a frame. The playlist's own address signs in at the top, and comes back here.
function leaveIfSignedOut(frame) {
  if (frame.contentDocument !== null) return;
  console.warn(`Playlist: ${frame.title} left for another site (its sign-in); signing in again`);
  location.reload();
}

let progress = null;

function show({ index, reason, cause }) {
  frames.forEach((frame, candidate) => { frame.dataset.active = String(candidate === index); });
  root.dataset.slide = String(index);
  root.dataset.reason = reason;
  const look = cause ? alertLook(cause.kind, contract) : null;
  caption.replaceChildren(
    look ? h('span', { class: 'playlist-alert', 'data-kind': cause.kind }, `${look.glyph} ${look.word} alert · `) : '',
    h('span', { class: 'num' }, `${index + 1} / ${frames.length}`),
    ` · ${names[index]}`);
}

// The bar fills over the slide's dwell, so a viewer knows how long it stays.
function showProgress(durationMs) {
  progress?.cancel();
  progress = fill.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], { duration: durationMs, easing: 'linear', fill: 'forwards' });
}

const rotation = createRotation({
  slideCount: frames.length,
  dwellMs: playlist.dwellMs,
  alertDwellMs: playlist.alertDwellMs,
  onShow: (shown) => {
    show(shown);
    showProgress(shown.durationMs);
  },
});

const watch = createAlertWatch();
// Only this origin's boards, and only those in the playlist's own frames, are listened to.
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.data?.type !== ALERTS_MESSAGE || !Array.isArray(event.data.alerts)) return;
  const source = frames.findIndex((frame) => frame.contentWindow === event.source);
  if (source < 0) return;
  const alerts = event.data.alerts.filter((alert) => typeof alert?.id === 'string');
  for (const alert of watch.report(source, alerts)) rotation.interrupt(slideForAlert(playlist.slides, alert), alert);
});

rotation.start();
