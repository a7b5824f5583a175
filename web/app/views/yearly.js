// The seed's "Total exchanges" table: 2006-2008 from the seed, then the most recent years counted
// live, the current one last and marked as still counting. A wall cannot scroll: the recent years
// that do not fit are left out and counted in a small muted line.
import { showNumber } from '../animate.js';
import { h, uniqueId } from '../dom.js';
import { formatInteger } from '../format.js';
import { MAX_RECENT_YEARS, omittedYearsText, yearlyTable } from '../selectors.js';

// Widths in characters: the year with its "live" badge, and each number column's widest number
// plus its padding (the total is set 10 % larger).
const YEAR_WIDTH = 8.5;
const PADDING_WIDTH = 1.6;

export const yearlyPanel = { views: ['yearly'], create: createYearlyTable };

function createYearlyTable(parent) {
  const titleId = uniqueId('yearly');
  const colgroup = h('colgroup');
  const thead = h('thead');
  const tbody = h('tbody');
  const table = h('table', { class: 'yearly' },
    h('caption', { class: 'visually-hidden' }, 'Exchanges per year by channel and scope; the seed gives 2006 to 2008, later years are counted live'),
    colgroup, thead, tbody);
  const body = h('div', { class: 'panel-body' }, table);
  parent.append(h('section', { class: 'panel panel-yearly', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'Total exchanges by year'),
    body));

  let lastRows = [];
  let lastYear = null;
  let columnsShape = '';
  let bodyShape = '';
  // A year's row is built once and kept while the columns stay the same, so a row that leaves
  // the table and comes back (the wall was resized) does not count up from zero again.
  const rowsByYear = new Map();
  const omittedCell = h('td', {});
  const omittedRow = h('tr', { class: 'omitted' }, omittedCell);

  function rowFor(row, columns) {
    const key = `${row.year}:${row.live}`;
    let entry = rowsByYear.get(key);
    if (!entry) {
      const cells = new Map();
      const yearCell = h('th', { scope: 'row' }, String(row.year), row.live ? h('span', { class: 'badge-live' }, 'live') : null);
      const element = h('tr', { class: row.live ? 'live' : null }, yearCell, columns.map((column) => {
        const cell = h('span', {
          class: 'num',
          'data-testid': column.key === 'total' ? `yearly-${row.year}-total` : null,
        }, '—');
        cells.set(column.key, cell);
        return h('td', { class: column.key === 'total' ? 'total' : null }, cell);
      }));
      entry = { element, cells };
      rowsByYear.set(key, entry);
    }
    return entry;
  }

  // Draws the selection for this many recent years; only what changed is rebuilt.
  function draw(recentThatFit) {
    const { columns, rows, omitted } = yearlyTable(lastRows, lastYear, recentThatFit);
    const nextColumns = columns.map((column) => column.key).join();
    if (nextColumns !== columnsShape) {
      columnsShape = nextColumns;
      rowsByYear.clear();
      bodyShape = '';
      colgroup.replaceChildren(h('col'), ...columns.map(() => h('col')));
      thead.replaceChildren(h('tr', {},
        h('th', { scope: 'col' }, 'Year'),
        columns.map((column) => h('th', { scope: 'col', class: column.key === 'total' ? 'total' : null }, column.label))));
      omittedCell.colSpan = columns.length + 1;
    }
    const nextBody = JSON.stringify([rows.map((row) => [row.year, row.live]), omitted?.count ?? 0]);
    if (nextBody !== bodyShape) {
      bodyShape = nextBody;
      const elements = rows.map((row) => rowFor(row, columns).element);
      if (omitted) {
        omittedCell.textContent = omittedYearsText(omitted.count);
        omittedRow.title = `Not shown: ${omitted.years.join(', ')}`;
        elements.splice(omitted.afterIndex, 0, omittedRow);
      }
      tbody.replaceChildren(...elements);
      // Years no longer in the data are forgotten.
      const keys = new Set(lastRows.map((row) => `${row.year}:${row.year === lastYear}`));
      for (const key of rowsByYear.keys()) if (!keys.has(key)) rowsByYear.delete(key);
    }
    for (const row of rows) {
      const { cells } = rowFor(row, columns);
      for (const column of columns) showNumber(cells.get(column.key), row[column.key] ?? 0);
    }
  }

  // Column widths follow the widest number that may be shown in each column, not the digits on
  // screen while they count up, so the layout (and what fits) holds still during the animation.
  // The type is as large as the widest row allows (styles.css); the live year's counts can grow
  // to many digits.
  function widths() {
    const { columns, rows } = yearlyTable(lastRows, lastYear, MAX_RECENT_YEARS);
    return [YEAR_WIDTH, ...columns.map((column) => (column.key === 'total' ? 1.1 : 1)
      * (PADDING_WIDTH + Math.max(...rows.map((row) => formatInteger(row[column.key] ?? 0).length))))];
  }

  function overflows() {
    return table.getBoundingClientRect().bottom > body.getBoundingClientRect().bottom + 0.5;
  }

  // As many recent years as fit, at most three: fewer until the table fits its panel. If even the
  // seed's years and the live one do not fit (a very short panel), the type shrinks. Measured
  // again only when the years, the widths or the panel's size change; otherwise a delta only
  // moves the numbers.
  let recentShown = MAX_RECENT_YEARS;
  let fitKey = '';
  function fit(force) {
    if (!lastRows.length) return;
    const units = widths();
    const key = JSON.stringify([lastRows.map((row) => row.year), lastYear, units]);
    if (!force && key === fitKey) {
      draw(recentShown);
      return;
    }
    fitKey = key;
    recentShown = MAX_RECENT_YEARS;
    draw(recentShown);
    const total = units.reduce((sum, width) => sum + width, 0);
    table.style.setProperty('--characters', String(total));
    table.style.setProperty('--shrink', '1');
    [...colgroup.children].forEach((col, index) => { col.style.width = `${(100 * units[index]) / total}%`; });
    while (recentShown > 0 && overflows()) {
      recentShown -= 1;
      draw(recentShown);
    }
    for (let shrink = 0.95; shrink > 0.5 && overflows(); shrink -= 0.05) {
      table.style.setProperty('--shrink', shrink.toFixed(2));
    }
  }

  new ResizeObserver(() => fit(true)).observe(body);

  return {
    update({ yearly }, currentYear) {
      lastRows = yearly ?? [];
      lastYear = currentYear;
      fit(false);
    },
  };
}
