// Lays out the panels for the page's mode and routes each changed view to the panels showing it.
// The wall shows the whole center; a task-force view shows the same ideas for its task forces.
import { h } from './dom.js';
import { formatDay } from './format.js';
import { taskForceInfo } from './labels.js';
import { TASK_FORCE } from './mode.js';
import { createCrimeAreas } from './views/crime-areas.js';
import { createFlows } from './views/flows.js';
import { createKpi } from './views/kpi.js';
import { createOperations } from './views/operations.js';
import { createTrends } from './views/trends.js';
import { createYearlyTable } from './views/yearly.js';

export function createBoard(main, mode) {
  const isTaskForceView = mode.kind === TASK_FORCE;
  const top = h('div', { class: 'row row-top' });
  const bottom = h('div', { class: 'row row-bottom' });
  main.classList.add(isTaskForceView ? 'board-taskforce' : 'board-wall');
  main.replaceChildren(top, bottom);

  const todayKpi = createKpi(top, { title: 'Exchanges today', testId: 'total-today' });
  const yearKpi = createKpi(top, { title: 'Exchanges this year', testId: 'total-year' });
  const yearly = isTaskForceView ? null : createYearlyTable(top);
  const crimeAreas = createCrimeAreas(top, { taskForces: mode.taskForces });
  const trends = createTrends(bottom, { taskForces: mode.taskForces, minutes: mode.minutes, days: mode.days, detailed: isTaskForceView });
  const flows = isTaskForceView ? null : createFlows(bottom);
  const operations = createOperations(bottom, { taskForces: mode.taskForces });

  // Which views each panel draws. A panel that fails to draw (an unexpected shape in the data)
  // is logged and skipped: the rest of the wall keeps updating.
  const panels = [
    { views: ['totals'], draw: (views) => renderTotals(views.totals) },
    { views: ['yearly'], draw: (views, year) => yearly?.update(views.yearly, year) },
    { views: ['crimeAreas'], draw: (views, year) => crimeAreas.update(views.crimeAreas, year) },
    { views: ['trendMinutes', 'trendDays'], draw: (views) => trends.update(views.trendMinutes, views.trendDays) },
    { views: ['flows'], draw: (views) => flows?.update(views.flows) },
    { views: ['operations'], draw: (views) => operations.update(views.operations) },
  ];

  return {
    // changed: the names of the views that changed since the last render.
    render(views, changed, currentYear) {
      for (const panel of panels) {
        if (!panel.views.some((name) => changed.has(name) && views[name] !== undefined)) continue;
        try {
          panel.draw(views, currentYear);
        } catch (error) {
          console.error(`Cannot draw ${panel.views.join(' and ')}`, error);
        }
      }
    },
  };

  function renderTotals(totals) {
    const lastYear = Number(totals.date?.slice(0, 4)) - 1;
    const lastYearText = Number.isFinite(lastYear) ? String(lastYear) : 'last year';
    const day = totals.date ? formatDay(totals.date) : 'today';
    todayKpi.update({
      current: totals.today,
      previous: totals.sameDayLastYear,
      contextText: `${day} (UTC day)`,
      previousText: `all of the same day ${lastYearText}`,
    });
    yearKpi.update({
      current: totals.thisYear,
      previous: totals.lastYearToDate,
      contextText: `1 Jan to ${day}`,
      previousText: `1 Jan to the same date ${lastYearText}`,
    });
  }
}

// The header line under the title: what this screen is about.
export function describeMode(mode) {
  if (mode.kind !== TASK_FORCE) return [h('span', {}, 'Regional law-enforcement information exchange · live')];
  return mode.taskForces.flatMap((code, index) => {
    const info = taskForceInfo(code);
    return [
      index > 0 ? ' · ' : null,
      h('span', { class: 'glyph', style: { color: info.colour }, 'aria-hidden': 'true' }, info.glyph),
      info.name,
    ];
  }).filter(Boolean);
}
