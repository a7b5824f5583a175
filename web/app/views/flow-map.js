// Today's intelligence flow on a map of the region: an arc per sending and receiving pair of the
// busiest (ARCS), as wide as its count, solid between members and dashed where an observer or an
// organisation is at one end; the busiest of all carry their count and an arrowhead, and a line
// under the map counts the pairs left out, so that a busy day is no hairball. Drawn once in SVG (the
// outlines come from app/data/region.json, made by tools/region-map.mjs); an update touches only
// the arcs whose count changed. Where things go is decided in map.js.
import { showNumber } from '../animate.js';
import { h, uniqueId } from '../dom.js';
import { formatInteger } from '../format.js';
import {
  BOX, PILL_FONT, PLACES, VIEW, arcGeometry, arcWidth, busiestArcs, labelSpot, pairKey, partyLabel, pillWidth, placeParties, planArcs, project,
  topPairs,
} from '../map.js';

const SVG = 'http://www.w3.org/2000/svg';
const REGION_URL = new URL('../data/region.json', import.meta.url);
const LABELLED = 5;
// The arcs drawn at most: enough for every busy pair of a normal day, few enough to stay apart.
const ARCS = 24;
// Type sizes in viewBox units (1000 across the map): a member's code, anyone else's, a count; the
// smallest, as PILL_FONT, is 16 px where the wall draws the map narrowest.
const FONT = { member: 34, other: PILL_FONT, count: 38 };
const RETRY_MS = 30_000;
// How far an arc stops short of its end's marker: a dot, or a pill.
const TRIM = { map: 16, edge: 24, box: 24 };

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

export const flowMapPanel = { views: ['flows'], create: createFlowMap };

function createFlowMap(parent, { contract }) {
  const titleId = uniqueId('flow-map');
  const arrowId = uniqueId('arrow');
  const total = h('span', { class: 'num' }, '—');
  const role = (code) => (contract.isMember(code) ? 'member' : PLACES[code]?.organisation ? 'organisation' : 'observer');

  const land = s('g', { class: 'land' });
  const box = s('g', { class: 'org-box' });
  const arcLayer = s('g', { class: 'arcs' });
  const partyLayer = s('g', { class: 'parties' });
  const countLayer = s('g', { class: 'counts' });
  const arrow = (kind) => s('marker', {
    id: `${arrowId}-${kind}`, class: `arrow arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerUnits: 'userSpaceOnUse', markerWidth: 22, markerHeight: 22, orient: 'auto',
  }, s('path', { d: 'M0 0L10 5L0 10z' }));
  const svg = s('svg', {
    class: 'flow-map', 'data-testid': 'flow-map', role: 'img', 'aria-labelledby': titleId,
    viewBox: `0 0 ${VIEW.width} ${VIEW.height}`, preserveAspectRatio: 'xMidYMid meet',
  }, s('defs', {}, arrow('members'), arrow('observers')), land, box, arcLayer, partyLayer, countLayer);
  const description = h('p', { class: 'visually-hidden' });
  const more = h('p', { class: 'legend map-more', 'data-testid': 'map-more', hidden: true });
  parent.append(h('section', { class: 'panel panel-flow-map', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'Intelligence flow on the map'),
    h('figure', { class: 'panel-body map' },
      h('figcaption', { class: 'legend map-legend' },
        total, ' today',
        h('span', { class: 'key key-members' }, 'among members'),
        h('span', { class: 'key key-observers' }, 'with non-members'),
        ' · wider: more'),
      h('div', { class: 'map-body' }, svg),
      more,
      description)));

  // Parties: every one this page has a place for, from the start; others join the box.
  let placed = placeParties(Object.keys(PLACES));
  const parties = new Map();
  // What a count label must not cover: every party's marker and code.
  const partyBoxes = [];
  function drawParty(code) {
    const place = placed[code];
    const [x, y] = place.point;
    const group = s('g', { class: `party ${role(code)} ${place.kind} idle`, 'data-testid': `map-party-${code}` });
    const label = partyLabel(code, place, place.kind !== 'map' ? PILL_FONT : role(code) === 'member' ? FONT.member : FONT.other);
    if (place.kind === 'map') {
      group.append(role(code) === 'member' ? s('circle', { cx: x, cy: y, r: 8 })
        : s('rect', { x: x - 7, y: y - 7, width: 14, height: 14, transform: role(code) === 'organisation' ? `rotate(45 ${x} ${y})` : null }));
      partyBoxes.push({ x: x - 10, y: y - 10, width: 20, height: 20 });
    } else {
      const { box: pill } = label;
      group.append(s('rect', { class: 'pill', x: pill.x, y: pill.y, width: pill.width, height: pill.height, rx: pill.height / 2 }));
    }
    group.append(s('text', { x: label.x, y: label.y, 'text-anchor': label.anchor }, code));
    partyBoxes.push(label.box);
    partyLayer.append(group);
    parties.set(code, group);
  }
  Object.keys(placed).forEach(drawParty);
  function drawBox() {
    const pills = Object.entries(placed).filter(([, place]) => place.kind === 'box');
    const right = Math.max(...pills.map(([code, place]) => place.point[0] + pillWidth(code) / 2));
    box.replaceChildren(
      s('rect', { x: BOX.x, y: BOX.y, width: right + 12 - BOX.x, height: BOX.height, rx: 10 }),
      s('text', { x: BOX.x + 14, y: BOX.y + 32 }, 'Organisations'));
  }
  drawBox();
  function ensureParty(code) {
    if (parties.has(code)) return;
    placed = placeParties([...Object.keys(placed), code]);
    drawParty(code);
    drawBox();
  }

  // Arcs, keyed by pair: created once, then only their count and width change.
  let counts = new Map();
  const arcs = new Map();
  function createArc({ from, to }) {
    const kind = role(from) === 'member' && role(to) === 'member' ? 'members' : 'observers';
    const geometry = arcGeometry(placed[from].point, placed[to].point, TRIM[placed[from].kind], TRIM[placed[to].kind]);
    const path = s('path', { class: `arc arc-${kind}`, d: geometry.d, 'data-testid': `arc-${from}-${to}` });
    arcLayer.append(path);
    return { path, kind, geometry, count: 0, width: 0, top: false };
  }

  const labels = Array.from({ length: LABELLED }, () => {
    const text = s('text', { class: 'arc-count' });
    text.style.display = 'none';
    countLayer.append(text);
    return { text, key: null };
  });

  function loadLand() {
    fetch(REGION_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((region) => land.replaceChildren(...region.features.map((feature) => s('path', {
        class: `country ${contract.isMember(feature.id) ? 'member' : PLACES[feature.id] ? 'observer' : 'neighbour'}`,
        d: outline(feature.geometry.coordinates),
        'data-code': feature.id,
      }))))
      .catch((error) => {
        // The flows still show over an empty sea; the outlines come on a later try.
        console.warn(`flow map: no country outlines (${error.message}); trying again in ${RETRY_MS / 1000} s`);
        setTimeout(loadLand, RETRY_MS);
      });
  }
  loadLand();

  return {
    update({ flows }) {
      const rows = (flows ?? []).filter((row) => row.count > 0 && row.from !== row.to);
      rows.forEach((row) => { ensureParty(row.from); ensureParty(row.to); });
      const { drawn, rest } = busiestArcs(rows, ARCS);
      const plan = planArcs(counts, drawn);
      for (const key of plan.remove) {
        arcs.get(key).path.remove();
        arcs.delete(key);
      }
      for (const row of plan.add) arcs.set(pairKey(row.from, row.to), createArc(row));
      for (const row of [...plan.add, ...plan.update]) {
        const arc = arcs.get(pairKey(row.from, row.to));
        arc.count = row.count;
        arc.path.setAttribute('data-count', String(row.count));
      }
      counts = plan.counts;

      const max = Math.max(0, ...counts.values());
      const sum = rows.reduce((all, row) => all + row.count, 0);
      for (const arc of arcs.values()) {
        const width = arcWidth(arc.count, max);
        if (width === arc.width) continue;
        arc.width = width;
        arc.path.setAttribute('stroke-width', String(width));
        if (arc.kind === 'observers') arc.path.setAttribute('stroke-dasharray', `${width * 1.6 + 8} ${width + 7}`);
      }
      showNumber(total, sum);
      more.hidden = rest.pairs === 0;
      more.textContent = `+ ${formatInteger(rest.pairs)} smaller ${rest.pairs === 1 ? 'pair' : 'pairs'}, `
        + `${formatInteger(rest.exchanges)} exchanges, not drawn`;

      // The busiest pairs: on top, with an arrowhead and their count.
      const top = topPairs(counts, LABELLED);
      for (const [key, arc] of arcs) {
        const isTop = top.includes(key);
        if (isTop === arc.top) continue;
        arc.top = isTop;
        arc.path.classList.toggle('top', isTop);
        if (isTop) {
          arc.path.setAttribute('marker-end', `url(#${arrowId}-${arc.kind})`);
          arcLayer.append(arc.path);
        } else arc.path.removeAttribute('marker-end');
      }
      // Placed again only when the busiest pairs change, each where it covers no code.
      const taken = [...partyBoxes];
      const moved = labels.some((label, index) => label.key !== (top[index] ?? null));
      labels.forEach((label, index) => {
        const key = top[index] ?? null;
        if (moved) {
          label.key = key;
          label.text.style.display = key ? '' : 'none';
          if (key) {
            const digits = String(counts.get(key)).length;
            const [x, y] = labelSpot(arcs.get(key).geometry, digits * FONT.count * 0.62 + 8, FONT.count * 0.8, taken);
            label.text.setAttribute('x', String(x));
            label.text.setAttribute('y', String(Math.round(y + FONT.count * 0.36)));
          }
        }
        if (key) showNumber(label.text, counts.get(key));
      });

      const active = new Set(rows.flatMap((row) => [row.from, row.to]));
      for (const [code, group] of parties) {
        const idle = !active.has(code);
        if (group.classList.contains('idle') !== idle) group.classList.toggle('idle', idle);
      }
      description.textContent = top.length
        ? `${sum} exchanges today; busiest: ${top.map((key) => `${key.replace('>', ' to ')} ${counts.get(key)}`).join(', ')}`
        : 'No exchanges yet today';
    },
  };
}

// A MultiPolygon's rings as one path (drawn with evenodd, so holes stay holes).
function outline(polygons) {
  return polygons.map((rings) => rings.map((ring) => `M${ring.slice(0, -1).map((point) => project(point).join(' ')).join('L')}Z`).join('')).join('');
}
