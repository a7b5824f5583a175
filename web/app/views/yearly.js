// The seed's "Total exchanges" table: 2006-2008 from the seed, then the years counted live,
// the current one last and marked as still counting.
import { showNumber } from '../animate.js';
import { h, uniqueId } from '../dom.js';
import { formatInteger } from '../format.js';
import { yearlyTable } from '../selectors.js';

export function createYearlyTable(parent) {
  const titleId = uniqueId('yearly');
  const table = h('table', { class: 'yearly' });
  parent.append(h('section', { class: 'panel panel-yearly', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'Total exchanges by year'),
    h('div', { class: 'panel-body' }, table)));

  let shape = '';
  const cells = new Map();

  function build(columns, rows) {
    cells.clear();
    const head = h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Year'),
      columns.map((column) => h('th', { scope: 'col', class: column.key === 'total' ? 'total' : null }, column.label))));
    const body = h('tbody', {}, rows.map((row) => {
      const yearCell = h('th', { scope: 'row' }, String(row.year), row.live ? h('span', { class: 'badge-live' }, 'live') : null);
      return h('tr', { class: row.live ? 'live' : null }, yearCell, columns.map((column) => {
        const cell = h('span', {
          class: 'num',
          'data-testid': column.key === 'total' ? `yearly-${row.year}-total` : null,
        }, '—');
        cells.set(`${row.year}:${column.key}`, cell);
        return h('td', { class: column.key === 'total' ? 'total' : null }, cell);
      }));
    }));
    table.replaceChildren(h('caption', { class: 'visually-hidden' }, 'Exchanges per year by channel and scope; the seed gives 2006 to 2008, later years are counted live'), head, body);
  }

  return {
    update(rows, currentYear) {
      const { columns, rows: shown } = yearlyTable(rows, currentYear);
      // Rebuild only when the rows or columns change; otherwise only the numbers move.
      const nextShape = JSON.stringify([columns.map((column) => column.key), shown.map((row) => [row.year, row.live])]);
      if (nextShape !== shape) {
        shape = nextShape;
        build(columns, shown);
      }
      for (const row of shown) {
        for (const column of columns) showNumber(cells.get(`${row.year}:${column.key}`), row[column.key] ?? 0);
      }
      // The live year's counts can grow to many digits; the table's type shrinks to keep them in.
      const characters = columns.reduce((sum, column) => sum + 1.6
        + Math.max(...shown.map((row) => formatInteger(row[column.key] ?? 0).length)), 8);
      table.style.setProperty('--characters', String(characters));
    },
  };
}
