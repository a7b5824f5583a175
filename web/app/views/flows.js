// Today's intelligence flow between parties as a from x to matrix. The cell colour follows a
// sequential, colour-blind-safe ramp (viridis) and every non-empty cell also shows its count.
// The wall shows the members' matrix, in type big enough to read across the room, and the sum of
// everything else (the map beside it draws those arcs); every party's row and column is the
// detail page's (/?detail=flows, board.js).
import { showNumber } from '../animate.js';
import { h, uniqueId } from '../dom.js';
import { formatCompact } from '../format.js';
import { flowMatrix, memberFlowMatrix } from '../selectors.js';

const VIRIDIS = ['#3b2a6e', '#3e4a89', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];
// From this step of the ramp on, black text has the better contrast (at least 4.5:1) than white.
const FIRST_BRIGHT = 3;

// Square root: a few busy pairs would otherwise leave every other cell at the bottom of the ramp.
function cellColour(count, max) {
  if (count <= 0 || max <= 0) return null;
  const position = Math.sqrt(count / max) * (VIRIDIS.length - 1);
  return VIRIDIS[Math.round(position)];
}

function cellText(count) {
  return count > 0 ? formatCompact(count) : '';
}

// Four characters at most ("1.2k"), so that a cell of the wall's matrix keeps its large type.
function shortCellText(count) {
  if (count >= 1000 && count < 10_000) return `${Math.floor(count / 100) / 10}k`;
  return cellText(count);
}

// The wall's: members only, and the others' total. The detail page's: every party.
export const flowsPanel = { views: ['flows'], create: (parent, context) => createFlows(parent, context, true) };
export const allFlowsPanel = { views: ['flows'], create: (parent, context) => createFlows(parent, context, false) };

function createFlows(parent, { contract }, membersOnly) {
  const titleId = uniqueId('flows');
  const total = h('span', { class: 'num' }, '—');
  const others = h('span', { class: 'num', 'data-testid': 'flows-others' }, '—');
  const table = h('table', { class: 'flows' });
  const empty = h('p', { class: 'empty', hidden: true }, 'No exchanges yet today');
  const body = h('div', { class: 'matrix-body' }, table, empty);
  parent.append(membersOnly
    ? h('section', { class: 'panel panel-flows members-only', 'aria-labelledby': titleId },
      h('div', { class: 'panel-head' },
        h('h2', { id: titleId }, 'Among members'),
        h('p', { class: 'legend' }, 'rows send · ', others, ' more with non-members')),
      h('figure', { class: 'panel-body matrix' },
        h('figcaption', { class: 'visually-hidden' }, total, ' exchanges today; rows send, columns receive; every party on ?detail=flows'),
        body))
    : h('section', { class: 'panel panel-flows', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, 'Intelligence flow today'),
      h('figure', { class: 'panel-body matrix' },
        h('figcaption', { class: 'legend' }, total, ' exchanges · rows send, columns receive · members first, others in italics'),
        body)));

  let shape = '';
  const cells = new Map();

  function build(parties) {
    cells.clear();
    const { isMember } = contract;
    const firstOther = parties.findIndex((code) => !isMember(code));
    const edge = (index) => (index === firstOther && index > 0 ? 'group-edge' : null);
    const head = h('thead', {}, h('tr', {},
      h('td', { class: 'corner' }, h('span', { 'aria-hidden': 'true' }, 'from ↓ to →')),
      parties.map((code, index) => h('th', {
        scope: 'col',
        class: [isMember(code) ? 'member' : 'other', code.length > 3 ? 'long' : null, edge(index)].filter(Boolean).join(' '),
      }, code))));
    const rows = parties.map((from, rowIndex) => h('tr', { class: edge(rowIndex) },
      h('th', { scope: 'row', class: [isMember(from) ? 'member' : 'other', from.length > 3 ? 'long' : null].filter(Boolean).join(' ') }, from),
      parties.map((to, columnIndex) => {
        const cell = h('td', { class: [from === to ? 'self' : null, edge(columnIndex)].filter(Boolean).join(' ') || null });
        cells.set(`${from}>${to}`, cell);
        return cell;
      })));
    table.style.setProperty('--n', String(parties.length));
    table.replaceChildren(
      h('caption', { class: 'visually-hidden' }, 'Exchanges today from the party of each row to the party of each column'),
      head, h('tbody', {}, rows));
  }

  return {
    update({ flows }) {
      const matrix = (membersOnly ? memberFlowMatrix : flowMatrix)(contract, flows);
      showNumber(total, matrix.total);
      if (membersOnly) showNumber(others, matrix.others);
      empty.hidden = matrix.parties.length > 0;
      table.hidden = matrix.parties.length === 0;
      const nextShape = matrix.parties.join();
      if (nextShape !== shape) {
        shape = nextShape;
        build(matrix.parties);
      }
      for (const from of matrix.parties) {
        for (const to of matrix.parties) {
          if (from === to) continue;
          const count = matrix.countOf(from, to);
          const cell = cells.get(`${from}>${to}`);
          const colour = cellColour(count, matrix.max);
          cell.style.background = colour ?? '';
          cell.classList.toggle('bright', colour !== null && VIRIDIS.indexOf(colour) >= FIRST_BRIGHT);
          showNumber(cell, count, membersOnly ? shortCellText : cellText);
        }
      }
    },
  };
}
