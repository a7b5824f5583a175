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

  const today = createKpi(top, { title: 'Exchanges today', testId: 'total-today' });
  const year = createKpi(top, { title: 'Exchanges this year', testId: 'total-year' });
  const yearly = isTaskForceView ? null : createYearlyTable(top);
  const crimeAreas = createCrimeAreas(top, { taskForces: mode.taskForces });
  const trends = createTrends(bottom, { taskForces: mode.taskForces, minutes: mode.minutes, days: mode.days, detailed: isTaskForceView });
  const flows = isTaskForceView ? null : createFlows(bottom);
  const operations = createOperations(bottom, { taskForces: mode.taskForces });

  return {
    // changed: the names of the views that changed since the last render.
    render(views, changed, currentYear) {
      if (changed.has('totals') && views.totals) renderTotals(views.totals);
      if (changed.has('yearly') && views.yearly) yearly?.update(views.yearly, currentYear);
      if (changed.has('crimeAreas') && views.crimeAreas) crimeAreas.update(views.crimeAreas, currentYear);
      if (changed.has('trendMinutes') || changed.has('trendDays')) trends.update(views.trendMinutes, views.trendDays);
      if (changed.has('flows') && views.flows) flows?.update(views.flows);
      if (changed.has('operations') && views.operations) operations.update(views.operations);
    },
  };

  function renderTotals(totals) {
    const thisYear = Number(totals.date?.slice(0, 4));
    today.update({
      current: totals.today,
      previous: totals.sameDayLastYear,
      contextText: `${formatDay(totals.date)} (UTC day)`,
      previousText: `same day ${thisYear - 1}`,
    });
    year.update({
      current: totals.thisYear,
      previous: totals.lastYearToDate,
      contextText: `1 Jan to ${formatDay(totals.date)}`,
      previousText: `same period ${thisYear - 1}`,
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
