// Lays out the panels for the page's mode and routes each changed view to the panels showing it.
// The wall shows the whole center; a task-force view shows the same ideas for its task forces.
import { h } from './dom.js';
import { TASK_FORCE, WALL } from './mode.js';
import { taskForceLook } from './presentation.js';
import { alertsPanel } from './views/alerts.js';
import { crimeAreasPanel } from './views/crime-areas.js';
import { flowMapPanel } from './views/flow-map.js';
import { allFlowsPanel, flowsPanel } from './views/flows.js';
import { todayPanel, yearPanel } from './views/kpi.js';
import { operationsPanel } from './views/operations.js';
import { trendsPanel } from './views/trends.js';
import { yearlyPanel } from './views/yearly.js';

// The wall's detail page for the flows, /?detail=flows (or /?mode=wall&detail=flows): the matrix
// of every party, too many for the wall's slot, beside the map. Open to whoever may see the wall.
export const FLOWS_DETAIL = 'flowsDetail';

// One line per panel, in reading order: its row and the layouts that show it. On the wall the
// bottom row's grid (styles.css) puts the map in the middle, and the members' matrix above the
// operations. The alerts' row shows only while there are alerts (views/alerts.js).
const LAYOUT = [
  { panel: alertsPanel, row: 'alerts', modes: [WALL, TASK_FORCE] },
  { panel: todayPanel, row: 'top', modes: [WALL, TASK_FORCE] },
  { panel: yearPanel, row: 'top', modes: [WALL, TASK_FORCE] },
  { panel: yearlyPanel, row: 'top', modes: [WALL] },
  { panel: crimeAreasPanel, row: 'top', modes: [WALL, TASK_FORCE] },
  { panel: trendsPanel, row: 'bottom', modes: [WALL, TASK_FORCE] },
  { panel: allFlowsPanel, row: 'bottom', modes: [FLOWS_DETAIL] },
  { panel: flowMapPanel, row: 'bottom', modes: [WALL, FLOWS_DETAIL] },
  { panel: flowsPanel, row: 'bottom', modes: [WALL] },
  { panel: operationsPanel, row: 'bottom', modes: [WALL, TASK_FORCE] },
];

// A panel shows only if the caller may follow every view it draws (mode.views, from the contract):
// the server refuses a subscription that names any other.
function placedIn(mode) {
  const layout = layoutOf(mode);
  return LAYOUT.filter((placement) => placement.modes.includes(layout)
    && placement.panel.views.every((name) => mode.views.includes(name)));
}

// The wall's layout, its flows detail page, or the task-force view's. The detail is read from the
// address here (mode.js knows only whose screen it is): it changes the panels, not the subscription.
export function layoutOf(mode, search = globalThis.location?.search ?? '') {
  return mode.kind === WALL && new URLSearchParams(search).get('detail') === 'flows' ? FLOWS_DETAIL : mode.kind;
}

// What a panel follows: the views it draws, and those it reads when the caller may have them (the
// trends read the operations for their markers, and still show for a caller without them).
function followed(panel, mode) {
  return [...panel.views, ...(panel.reads ?? []).filter((name) => mode.views.includes(name))];
}

// The views the mode's panels follow, each once, in the order the panels come.
export function layoutViews(mode) {
  return [...new Set(placedIn(mode).flatMap((placement) => followed(placement.panel, mode)))];
}

// time: {zone, now}, the center's calendar and the service's clock (center-time.js), for what a
// panel says of days and times.
export function createBoard(main, mode, contract, { zone, now }) {
  const isTaskForceView = mode.kind === TASK_FORCE;
  const rows = {
    alerts: h('div', { class: 'row row-alerts' }),
    top: h('div', { class: 'row row-top' }),
    bottom: h('div', { class: 'row row-bottom' }),
  };
  const boardClass = { [TASK_FORCE]: 'board-taskforce', [FLOWS_DETAIL]: 'board-detail' };
  main.classList.add(boardClass[layoutOf(mode)] ?? 'board-wall');
  main.replaceChildren(rows.alerts, rows.top, rows.bottom);

  const context = {
    contract, board: main, taskForces: mode.taskForces, minutes: mode.minutes, days: mode.days, detailed: isTaskForceView, zone, now,
  };
  const panels = placedIn(mode).map(({ panel, row }) => ({ views: followed(panel, mode), drawn: panel.create(rows[row], context) }));
  let drawnYear = null;

  return {
    // changed: the names of the views that changed since the last render; only the panels that
    // show one of them are drawn, but all of them in a new year (its row, badge and titles move). A
    // panel that fails to draw (an unexpected shape in the data) is logged and skipped: the rest of
    // the wall keeps updating.
    render(views, changed, currentYear) {
      const newYear = currentYear !== drawnYear;
      drawnYear = currentYear;
      for (const panel of panels) {
        if (!panel.views.some((name) => (newYear || changed.has(name)) && views[name] !== undefined)) continue;
        try {
          panel.drawn.update(views, currentYear);
        } catch (error) {
          console.error(`Cannot draw ${panel.views.join(' and ')}`, error);
        }
      }
      // A panel that marks the others' rows (the alerts) marks them again once they are redrawn.
      for (const panel of panels) panel.drawn.afterRender?.();
    },
  };
}

// The header line under the title: what this screen is about.
export function describeMode(mode, contract) {
  if (layoutOf(mode) === FLOWS_DETAIL) return [h('span', {}, 'Intelligence flow today between every party · live')];
  if (mode.kind !== TASK_FORCE) return [h('span', {}, 'Regional law-enforcement information exchange · live')];
  return mode.taskForces.flatMap((code, index) => {
    const look = taskForceLook(code);
    return [
      index > 0 ? ' · ' : null,
      h('span', { class: 'glyph', style: { color: look.colour }, 'aria-hidden': 'true' }, look.glyph),
      contract.taskForce(code).name,
    ];
  }).filter(Boolean);
}
