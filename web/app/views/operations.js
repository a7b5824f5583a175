// The operations board: joint investigations and regional operations, live work on top. A wall
// cannot scroll, so rows that do not fit are left out and counted in a "more" line.
import { showNumber } from '../animate.js';
import { h, uniqueId } from '../dom.js';
import { formatEuros } from '../format.js';
import { STATUS_GLYPHS, taskForceLook } from '../presentation.js';
import { operationsBoard } from '../selectors.js';

export const operationsPanel = { views: ['operations'], create: createOperations };

function describeResults(operation, contract) {
  const seizures = [...new Set((operation.results ?? []).flatMap((result) => result.seizures ?? []))]
    .map((code) => contract.seizureName(code) ?? code.toLowerCase());
  const amount = (operation.results ?? []).reduce((sum, result) => sum + (result.amountEur ?? 0), 0);
  const parts = [];
  if (seizures.length) parts.push(`seized: ${seizures.join(', ')}`);
  if (amount > 0) parts.push(formatEuros(amount));
  return parts.join(' · ');
}

function createOperations(parent, { contract, taskForces }) {
  const titleId = uniqueId('operations');
  const count = h('span', { class: 'num' }, '—');
  const tbody = h('tbody');
  const more = h('p', { class: 'more', hidden: true });
  const body = h('div', { class: 'panel-body' },
    h('table', { class: 'operations' },
      h('caption', { class: 'visually-hidden' }, 'Joint investigations and regional operations, open ones first'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Operation · task force'),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Countries'),
        h('th', { scope: 'col', class: 'numeric' }, 'Arrests · results'))),
      tbody),
    more);
  parent.append(h('section', { class: 'panel panel-operations', 'aria-labelledby': titleId },
    h('div', { class: 'panel-head' },
      h('h2', { id: titleId }, 'Operations'),
      h('p', { class: 'legend' }, count, ' on the board')),
    body));

  const rowsById = new Map();
  let shown = [];
  const statusName = (code) => contract.operationStatusName(code) ?? code;

  function rowFor(operation) {
    let row = rowsById.get(operation.id);
    if (!row) {
      row = {
        element: h('tr'),
        name: h('span', { class: 'op-name' }),
        taskForce: h('span', { class: 'op-taskforce' }),
        status: h('span', { class: 'op-status' }),
        countries: h('td', { class: 'op-countries' }),
        arrests: h('span', { class: 'num' }),
        results: h('span', { class: 'op-results' }),
      };
      row.element.append(
        h('th', { scope: 'row' }, row.name, row.taskForce),
        h('td', {}, row.status),
        row.countries,
        h('td', { class: 'numeric' }, row.arrests, row.results));
      rowsById.set(operation.id, row);
    }
    return row;
  }

  function fill(row, operation) {
    row.name.textContent = operation.name;
    const kind = contract.operationKindName(operation.kind);
    const taskForce = contract.taskForce(operation.taskForce);
    const look = taskForce && taskForceLook(taskForce.code);
    row.taskForce.replaceChildren(
      look ? h('span', { class: 'glyph', style: { color: look.colour }, 'aria-hidden': 'true' }, look.glyph) : '',
      [kind, taskForce?.name ?? 'no task force given'].filter(Boolean).join(' · '));
    row.status.dataset.status = operation.status;
    row.status.replaceChildren(
      h('span', { class: 'glyph', 'aria-hidden': 'true' }, STATUS_GLYPHS[operation.status] ?? '?'),
      statusName(operation.status));
    row.countries.textContent = operation.countries?.length ? operation.countries.join(' ') : '—';
    showNumber(row.arrests, operation.arrests ?? 0);
    row.results.textContent = describeResults(operation, contract);
  }

  // Hide rows from the bottom until the table fits its panel; the "more" line says how many.
  function fitRows() {
    const rows = [...tbody.children];
    rows.forEach((row) => { row.hidden = false; });
    more.hidden = true;
    let hiddenCount = 0;
    while (body.scrollHeight > body.clientHeight && hiddenCount < rows.length) {
      hiddenCount += 1;
      rows[rows.length - hiddenCount].hidden = true;
      more.hidden = false;
      more.textContent = `+ ${hiddenCount} more (${describeStatuses(shown.slice(rows.length - hiddenCount), statusName)})`;
    }
  }

  new ResizeObserver(fitRows).observe(body);

  return {
    update({ operations }) {
      shown = operationsBoard(operations, taskForces);
      showNumber(count, shown.length);
      const ids = new Set(shown.map((operation) => operation.id));
      for (const id of rowsById.keys()) if (!ids.has(id)) rowsById.delete(id);
      tbody.replaceChildren(...shown.map((operation) => {
        const row = rowFor(operation);
        fill(row, operation);
        return row.element;
      }));
      fitRows();
    },
  };
}

function describeStatuses(operations, statusName) {
  const counts = new Map();
  for (const operation of operations) {
    const label = statusName(operation.status).toLowerCase();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, number]) => `${number} ${label}`).join(', ');
}
