// Requests against information exchanges per crime area, this year: the seed's second table as a
// bar pair per area. Each bar column has its own scale (information runs some twenty times higher
// than requests, one scale would flatten the requests), and every bar carries its number.
import { showNumber } from '../animate.js';
import { h, setCustomProperty, setText, uniqueId } from '../dom.js';
import { taskForceLook } from '../presentation.js';
import { crimeAreaRows } from '../selectors.js';

export const crimeAreasPanel = { views: ['crimeAreas'], create: createCrimeAreas };

function createCrimeAreas(parent, { contract, taskForces }) {
  const titleId = uniqueId('crime');
  const title = h('h2', { id: titleId }, 'Requests vs information');
  const table = h('table', { class: 'crime-areas' });
  parent.append(h('section', { class: 'panel panel-crime', 'aria-labelledby': titleId },
    title,
    h('div', { class: 'panel-body' }, table)));

  let shape = '';
  const rowParts = new Map();

  function build(rows) {
    rowParts.clear();
    const body = h('tbody', {}, rows.map((row) => {
      const look = contract.isTaskForce(row.taskForce) ? taskForceLook(row.taskForce) : null;
      const parts = {
        requests: h('span', { class: 'num' }, '—'),
        information: h('span', { class: 'num' }, '—'),
        requestsBar: h('span', { class: 'bar bar-requests', 'aria-hidden': 'true' }),
        informationBar: h('span', { class: 'bar bar-information', 'aria-hidden': 'true' }),
      };
      rowParts.set(row.code, parts);
      // The number sits at the end of its bar: the bar is read by its label, not by a scale. The
      // row's code is how an alert about the area finds it (views/alerts.js).
      return h('tr', { 'data-crime-area': row.code },
        h('th', { scope: 'row' },
          look ? h('span', { class: 'glyph', style: { color: look.colour }, 'aria-hidden': 'true' }, look.glyph) : null,
          row.name),
        h('td', {}, h('div', { class: 'measure' }, parts.requestsBar, parts.requests)),
        h('td', {}, h('div', { class: 'measure' }, parts.informationBar, parts.information)));
    }));
    table.replaceChildren(
      h('caption', { class: 'visually-hidden' }, 'Requests and information exchanges per crime area this year'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Crime area'),
        h('th', { scope: 'col' }, h('span', { class: 'swatch swatch-requests', 'aria-hidden': 'true' }), 'Requests'),
        h('th', { scope: 'col' }, h('span', { class: 'swatch swatch-information', 'aria-hidden': 'true' }), 'Information'))),
      body);
  }

  return {
    update({ crimeAreas }, year) {
      setText(title, `Requests vs information${year ? ` · ${year}` : ''}`);
      const { rows: shown, maxRequests, maxInformation } = crimeAreaRows(contract, crimeAreas, taskForces);
      const nextShape = shown.map((row) => row.code).join();
      if (nextShape !== shape) {
        shape = nextShape;
        build(shown);
      }
      for (const row of shown) {
        const parts = rowParts.get(row.code);
        showNumber(parts.requests, row.requests);
        showNumber(parts.information, row.information);
        setCustomProperty(parts.requestsBar, '--share', share(row.requests, maxRequests));
        setCustomProperty(parts.informationBar, '--share', share(row.information, maxInformation));
      }
    },
  };
}

function share(value, max) {
  return max > 0 ? value / max : 0;
}
