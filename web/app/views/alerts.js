// The alerts strip across the top of the board, and the marks on the rows the alerts are about.
// With no alert the strip is not there at all (styles.css lays the board out as before); with
// alerts it takes one line of cards, the ones that do not fit counted in a "more" card.
import { activeAlerts, alertLook, alertMarks, describeAlert } from '../alerts.js';
import { h, uniqueId } from '../dom.js';
import { taskForceLook } from '../presentation.js';

export const alertsPanel = { views: ['alerts'], create: createAlerts };

function createAlerts(parent, { contract, board, zone, now }) {
  const titleId = uniqueId('alerts');
  const list = h('ul', { class: 'alert-list' });
  const more = h('li', { class: 'alert alert-more' });
  const section = h('section', { class: 'alerts', 'data-testid': 'alerts', 'data-count': '0', 'aria-labelledby': titleId },
    h('h2', { id: titleId, class: 'visually-hidden' }, 'Alerts'),
    list);
  parent.append(section);

  let marks = alertMarks([]);
  board.style.setProperty('--stalled-glyph', cssString(alertLook('STALLED').glyph));

  // Done here for every panel, by the data attributes their rows carry: the panels themselves
  // know nothing of alerts.
  function markBoard() {
    const wanted = new Map();
    for (const { attribute, code, kind } of marks.rows) {
      for (const element of board.querySelectorAll(`[${attribute}="${CSS.escape(code)}"]`)) {
        if (!wanted.has(element)) wanted.set(element, kind);
      }
    }
    for (const element of board.querySelectorAll('[data-alert-kind]')) {
      if (!wanted.has(element)) unmark(element);
    }
    for (const [element, kind] of wanted) mark(element, kind);
    board.classList.toggle('alert-stalled', marks.stalled);
  }

  // Cards leave from the end until the line fits; the first always stays (it shortens instead).
  function fit() {
    const cards = [...list.children].filter((card) => card !== more);
    cards.forEach((card) => { card.hidden = false; });
    more.hidden = true;
    let hiddenCount = 0;
    while (list.scrollWidth > list.clientWidth && hiddenCount < cards.length - 1) {
      hiddenCount += 1;
      cards[cards.length - hiddenCount].hidden = true;
      more.hidden = false;
      more.textContent = `+ ${hiddenCount} more`;
    }
  }

  new ResizeObserver(fit).observe(list);

  return {
    update({ alerts }) {
      const shown = activeAlerts(alerts);
      section.dataset.count = String(shown.length);
      board.classList.toggle('alerting', shown.length > 0);
      // Since when, in the center's time: the service's clock says what is more than half a day ago.
      const at = now();
      list.replaceChildren(...shown.map((alert) => card(describeAlert(alert, contract, { now: at, timeZone: zone.name }))), more);
      marks = alertMarks(shown);
      markBoard();
      fit();
    },
    // A panel may rebuild its rows (the crime areas do when their list changes): the marks go
    // back on after every render.
    afterRender: markBoard,
  };
}

// The glyph goes in a custom property, which the row's cells inherit: styles.css shows it before
// the row's name. The marks are put back after every render: a row already marked is left alone.
function mark(element, kind) {
  if (element.dataset.alertKind === kind) return;
  element.dataset.alertKind = kind;
  element.style.setProperty('--alert-glyph', cssString(alertLook(kind).glyph));
}

function unmark(element) {
  element.removeAttribute('data-alert-kind');
  element.style.removeProperty('--alert-glyph');
}

// A JSON string of these glyphs is a CSS string as well.
function cssString(text) {
  return JSON.stringify(text);
}

function card(alert) {
  const look = alert.taskForce ? taskForceLook(alert.taskForce) : null;
  return h('li', { class: 'alert', 'data-testid': `alert-${alert.id}`, 'data-kind': alert.kind },
    h('p', { class: 'alert-head' },
      h('span', { class: 'alert-glyph', 'aria-hidden': 'true' }, alert.glyph),
      h('span', { class: 'alert-kind' }, alert.word),
      h('span', { class: 'alert-subject' },
        look ? h('span', { class: 'glyph', style: { color: look.colour }, 'aria-hidden': 'true' }, look.glyph) : null,
        alert.subject)),
    h('p', { class: 'alert-detail' }, alert.details.join(' · ')));
}
