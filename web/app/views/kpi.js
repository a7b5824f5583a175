// The headline counters, exchanges today and this year: each a big number and how it compares
// with the same period a year earlier. The comparison is spelled out (arrow, signed percentage,
// the earlier count): never colour alone.
import { showNumber } from '../animate.js';
import { describeChange, direction, formatDay, formatInteger } from '../format.js';
import { h, setCustomProperty, setText, uniqueId } from '../dom.js';

export const todayPanel = {
  views: ['totals'],
  create(parent, { zone }) {
    const kpi = createKpi(parent, { title: 'Exchanges today', testId: 'total-today' });
    return {
      update({ totals }) {
        const { day, lastYear } = period(totals);
        kpi.update({
          current: totals.today,
          previous: totals.sameDayLastYear,
          contextText: `${day} (${zone.place} day)`,
          previousText: `all of the same day ${lastYear}`,
        });
      },
    };
  },
};

export const yearPanel = {
  views: ['totals'],
  create(parent) {
    const kpi = createKpi(parent, { title: 'Exchanges this year', testId: 'total-year' });
    return {
      update({ totals }) {
        const { day, lastYear } = period(totals);
        kpi.update({
          current: totals.thisYear,
          previous: totals.lastYearToDate,
          contextText: `1 Jan to ${day}`,
          previousText: `1 Jan to the same date ${lastYear}`,
        });
      },
    };
  },
};

// The periods are the center's day and year (its time zone), which are not always the viewer's.
function period(totals) {
  const lastYear = Number(totals.date?.slice(0, 4)) - 1;
  return {
    day: totals.date ? formatDay(totals.date) : 'today',
    lastYear: Number.isFinite(lastYear) ? String(lastYear) : 'last year',
  };
}

const ARROWS = { up: '▲', down: '▼', flat: '▬', none: '' };

function createKpi(parent, { title, testId }) {
  const titleId = uniqueId('kpi');
  const context = h('p', { class: 'kpi-context' }, '—');
  const value = h('span', { class: 'num', 'data-testid': testId }, '—');
  const arrow = h('span', { class: 'kpi-arrow', 'aria-hidden': 'true' });
  const change = h('span');
  const previous = h('span', { class: 'num' }, '—');
  const previousLabel = h('span');
  const figure = h('p', { class: 'kpi-value' }, value);
  const section = h('section', { class: 'panel kpi', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    context,
    figure,
    h('p', { class: 'kpi-compare' }, h('span', { class: 'kpi-change-line' }, arrow, change), 'vs ', previous, ' ', previousLabel));
  parent.append(section);

  return {
    // current/previous: counts; contextText: what "today" is; previousText: what "previous" is.
    // Only what moved is written: a delta of today's count leaves the words as they are.
    update({ current, previous: earlier, contextText, previousText }) {
      setText(context, contextText);
      showNumber(value, current);
      // The tile shrinks the figure to fit its width; it needs the length of the final text.
      setCustomProperty(figure, '--digits', Math.max(3, formatInteger(current).length));
      showNumber(previous, earlier);
      setText(previousLabel, previousText);
      const way = direction(current, earlier);
      setText(arrow, ARROWS[way]);
      if (arrow.dataset.direction !== way) arrow.dataset.direction = way;
      setText(change, describeChange(current, earlier));
    },
  };
}
