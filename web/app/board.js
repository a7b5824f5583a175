// Lays out the panels for the page's mode and routes each changed view to the panels showing it.
// The wall shows the whole center; a task-force view shows the same ideas for its task forces.
import { h } from './dom.js';
import { TASK_FORCE, WALL } from './mode.js';
import { taskForceLook } from './presentation.js';
import { crimeAreasPanel } from './views/crime-areas.js';
import { flowsPanel } from './views/flows.js';
import { todayPanel, yearPanel } from './views/kpi.js';
import { operationsPanel } from './views/operations.js';
import { trendsPanel } from './views/trends.js';
import { yearlyPanel } from './views/yearly.js';

// One line per panel, in reading order: its row and the layouts that show it.
const LAYOUT = [
  { panel: todayPanel, row: 'top', modes: [WALL, TASK_FORCE] },
  { panel: yearPanel, row: 'top', modes: [WALL, TASK_FORCE] },
  { panel: yearlyPanel, row: 'top', modes: [WALL] },
  { panel: crimeAreasPanel, row: 'top', modes: [WALL, TASK_FORCE] },
  { panel: trendsPanel, row: 'bottom', modes: [WALL, TASK_FORCE] },
  { panel: flowsPanel, row: 'bottom', modes: [WALL] },
  { panel: operationsPanel, row: 'bottom', modes: [WALL, TASK_FORCE] },
];

// A panel shows only if the caller may follow every view it draws (mode.views, from the contract):
// the server refuses a subscription that names any other.
function placedIn(mode) {
  return LAYOUT.filter((placement) => placement.modes.includes(mode.kind)
    && placement.panel.views.every((name) => mode.views.includes(name)));
}

// The views the mode's panels draw, each once, in the order the panels come.
export function layoutViews(mode) {
  return [...new Set(placedIn(mode).flatMap((placement) => placement.panel.views))];
}

export function createBoard(main, mode, contract) {
  const isTaskForceView = mode.kind === TASK_FORCE;
  const rows = { top: h('div', { class: 'row row-top' }), bottom: h('div', { class: 'row row-bottom' }) };
  main.classList.add(isTaskForceView ? 'board-taskforce' : 'board-wall');
  main.replaceChildren(rows.top, rows.bottom);

  const context = { contract, taskForces: mode.taskForces, minutes: mode.minutes, days: mode.days, detailed: isTaskForceView };
  const panels = placedIn(mode).map(({ panel, row }) => ({ views: panel.views, drawn: panel.create(rows[row], context) }));

  return {
    // changed: the names of the views that changed since the last render. A panel that fails to
    // draw (an unexpected shape in the data) is logged and skipped: the rest of the wall keeps
    // updating.
    render(views, changed, currentYear) {
      for (const panel of panels) {
        if (!panel.views.some((name) => changed.has(name) && views[name] !== undefined)) continue;
        try {
          panel.drawn.update(views, currentYear);
        } catch (error) {
          console.error(`Cannot draw ${panel.views.join(' and ')}`, error);
        }
      }
    },
  };
}

// The header line under the title: what this screen is about.
export function describeMode(mode, contract) {
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
