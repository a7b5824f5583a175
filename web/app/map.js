// The map of today's flows, as pure functions: the projection, where each party is drawn, the
// shape and width of each arc, and which arcs a new set of rows adds, changes or removes. The panel
// (views/flow-map.js) only draws what these say; the geometry script (tools/region-map.mjs) uses
// the same projection and view to clip the country outlines.

const RAD = Math.PI / 180;

// Lambert conformal conic, standard parallels 38°N and 47°N, centred on 28°E 42.5°N: shapes stay
// true over the whole region, and north is up along the central meridian. Units are degrees of
// arc (1 = 111 km), x east, y south (as on screen).
export function lambertConic([parallel1, parallel2], [lon0, lat0]) {
  const t = (lat) => Math.tan(Math.PI / 4 + (lat * RAD) / 2);
  const n = Math.log(Math.cos(parallel1 * RAD) / Math.cos(parallel2 * RAD)) / Math.log(t(parallel2) / t(parallel1));
  const f = (Math.cos(parallel1 * RAD) * t(parallel1) ** n) / n;
  const rho = (lat) => f / t(lat) ** n;
  const rho0 = rho(lat0);
  return ([lon, lat]) => {
    const theta = n * (lon - lon0) * RAD;
    const r = rho(lat);
    return [(r * Math.sin(theta)) / RAD, (r * Math.cos(theta) - rho0) / RAD];
  };
}

const conic = lambertConic([38, 47], [28, 42.5]);
// The window: its west and east edges pass through these points, its north and south edges
// through these; Italy's Adriatic coast to the Caspian, Poland to Cyprus. Its shape is about that
// of the wall's map panel; north and south leave room for the off-map markers and the box.
const WEST = conic([10.8, 42])[0];
const EAST = conic([46.8, 42])[0];
const NORTH = conic([28, 52.4])[1];
const SOUTH = conic([28, 33.3])[1];
const SCALE = 1000 / (EAST - WEST);

// The SVG's viewBox: 1000 wide, as tall as the window's shape asks.
export const VIEW = { width: 1000, height: Math.round((SOUTH - NORTH) * SCALE) };

// [lon, lat] -> [x, y] in the viewBox, to a tenth of a unit.
export function project(point) {
  const [x, y] = conic(point);
  return [Math.round((x - WEST) * SCALE * 10) / 10, Math.round((y - NORTH) * SCALE * 10) / 10];
}

// Where each party is drawn. `at`: a point on the map (a member's or a near observer's label
// point, near its country's centroid, moved where the western Balkans crowd; `side`: where its
// code goes). `toward`: a far observer's capital; it sits on the map's edge in that direction.
// Organisations have no territory: UNMIK sits at Pristina and EUBAM on the Moldova–Ukraine
// border, where they work; INTERPOL (Lyon) and WCO (Brussels) in a box in the open sea of the
// south-west corner, together with any party this table does not know yet.
export const PLACES = {
  AL: { at: [20.05, 40.9], side: 'w' },
  BA: { at: [17.8, 44.15], side: 'w' },
  BG: { at: [25.2, 42.7], side: 'n' },
  HR: { at: [16.2, 45.5], side: 'e' },
  GR: { at: [22.2, 39.5], side: 'w' },
  HU: { at: [19.3, 47.1], side: 'n' },
  MD: { at: [28.45, 47.2], side: 'w' },
  MK: { at: [21.75, 41.55], side: 'e' },
  ME: { at: [19.25, 42.75], side: 'w' },
  RO: { at: [24.9, 45.85], side: 'n' },
  RS: { at: [20.8, 44.1], side: 'e' },
  SI: { at: [14.8, 46.1], side: 'w' },
  TR: { at: [33.5, 39.2], side: 'n' },
  GE: { at: [43.6, 42.05], side: 'n' },
  AT: { at: [14.3, 47.6], side: 'n' },
  CZ: { at: [15.4, 49.75], side: 'n' },
  SK: { at: [19.5, 48.7], side: 'e' },
  IT: { at: [14.7, 41.4], side: 'e' },
  UA: { at: [31.8, 49.1], side: 'e' },
  UNMIK: { at: [21.17, 42.66], side: 'e', organisation: true },
  EUBAM: { at: [29.9, 46.45], side: 'e', organisation: true },
  AZ: { toward: [49.9, 40.4] },
  BE: { toward: [4.35, 50.85] },
  CA: { toward: [-75.7, 45.4] },
  DE: { toward: [13.4, 52.5] },
  ES: { toward: [-3.7, 40.4] },
  FR: { toward: [2.35, 48.86] },
  GB: { toward: [-0.13, 51.5] },
  IL: { toward: [35.2, 31.8] },
  JP: { toward: [139.7, 35.7] },
  NL: { toward: [4.9, 52.37] },
  PL: { toward: [21.0, 52.2] },
  PT: { toward: [-9.14, 38.7] },
  US: { toward: [-77.0, 38.9] },
  INTERPOL: { box: true, organisation: true },
  WCO: { box: true, organisation: true },
};

// Off-map markers: a pill on a band just inside the edge, PILL_GAP apart at least.
const EDGE_INSET = 34;
const PILL_GAP = { horizontal: 84, vertical: 46 };
const CENTRE = [28, 42.5];

// The point where a ray from the region's centre toward `lonLat` leaves the band inside the edge,
// and which edge that is. The direction is taken on a flat map around the centre (east-west
// distances shrink with the cosine of the latitude), which is how a viewer reads "that way".
export function edgePoint(lonLat) {
  const [cx, cy] = project(CENTRE);
  const dx = (lonLat[0] - CENTRE[0]) * Math.cos(CENTRE[1] * RAD);
  const dy = -(lonLat[1] - CENTRE[1]);
  const left = EDGE_INSET;
  const right = VIEW.width - EDGE_INSET;
  const top = EDGE_INSET;
  const bottom = VIEW.height - EDGE_INSET;
  const hits = [
    dx < 0 && { edge: 'w', t: (left - cx) / dx },
    dx > 0 && { edge: 'e', t: (right - cx) / dx },
    dy < 0 && { edge: 'n', t: (top - cy) / dy },
    dy > 0 && { edge: 's', t: (bottom - cy) / dy },
  ].filter(Boolean);
  const { edge, t } = hits.reduce((first, hit) => (hit.t < first.t ? hit : first));
  return { edge, point: [cx + dx * t, cy + dy * t] };
}

// Pushes positions (sorted) apart to at least `gap`, within [low, high].
function spread(values, gap, low, high) {
  const result = [...values];
  for (let index = 1; index < result.length; index += 1) result[index] = Math.max(result[index], result[index - 1] + gap);
  if (result.length) result[result.length - 1] = Math.min(result[result.length - 1], high);
  for (let index = result.length - 2; index >= 0; index -= 1) result[index] = Math.min(result[index], result[index + 1] - gap);
  if (result.length && result[0] < low) return spread(result.map((value, index) => low + index * gap), gap, low, Infinity);
  return result;
}

// Where every party goes: {code: {point, kind: 'map' | 'edge' | 'box', side, edge}}. `codes`: the
// parties to place (those of PLACES first, in any order; unknown codes join the box).
export function placeParties(codes) {
  const placed = {};
  const byEdge = { n: [], s: [], e: [], w: [] };
  const boxed = [];
  for (const code of codes) {
    const place = PLACES[code];
    if (place?.at) placed[code] = { kind: 'map', point: project(place.at), side: place.side };
    else if (place?.toward) {
      const { edge, point } = edgePoint(place.toward);
      placed[code] = { kind: 'edge', edge, point };
      byEdge[edge].push(code);
    } else boxed.push(code);
  }
  // Neighbours on one edge keep their order along it but never overlap.
  for (const [edge, list] of Object.entries(byEdge)) {
    const along = edge === 'n' || edge === 's' ? 0 : 1;
    const gap = along === 0 ? PILL_GAP.horizontal : PILL_GAP.vertical;
    const length = along === 0 ? VIEW.width : VIEW.height;
    list.sort((a, b) => placed[a].point[along] - placed[b].point[along] || a.localeCompare(b));
    const positions = spread(list.map((code) => placed[code].point[along]), gap, EDGE_INSET + gap / 2, length - EDGE_INSET - gap / 2);
    list.forEach((code, index) => { placed[code].point[along] = Math.round(positions[index] * 10) / 10; });
  }
  // The box: a row of pills along the bottom of the south-west corner.
  let x = BOX.x + 12;
  for (const code of boxed) {
    const width = pillWidth(code);
    placed[code] = { kind: 'box', point: [x + width / 2, BOX.y + BOX.height - 26] };
    x += width + 12;
  }
  return placed;
}

export const BOX = { x: 12, y: VIEW.height - 106, height: 94 };
// A pill's code is written in the map's smallest type: at the narrowest the wall draws the map
// (about 570 px across for 1000 units), 30 units are 17 px.
export const PILL_FONT = 30;
const PILL_HEIGHT = Math.round(PILL_FONT * 1.4);
export function pillWidth(code) {
  return Math.round(code.length * PILL_FONT * 0.68 + 18);
}

// Stroke width of an arc in viewBox units: a square-root scale (a few busy pairs must not make
// every other arc a hairline), never thinner than MIN_WIDTH, in half units so that a small change
// of the busiest pair does not rewrite every arc.
export const MIN_WIDTH = 1.5;
export const MAX_WIDTH = 12;
export function arcWidth(count, max) {
  if (!(count > 0) || !(max > 0)) return 0;
  const share = Math.sqrt(Math.min(count, max) / max);
  return Math.max(MIN_WIDTH, Math.round((MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * share) * 2) / 2);
}

// A quadratic Bézier from a to b that bows to the right of its direction of travel, so A→B and
// B→A are two arcs side by side. Ends are trimmed by each end's radius (the marker drawn over
// it), keeping an arrowhead visible. Returns the path, and the whole curve's ends and control
// point.
export function arcGeometry(a, b, trimA = 0, trimB = 0) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(Math.max(length * 0.22, 26), 90);
  const control = [(a[0] + b[0]) / 2 - (dy / length) * bend, (a[1] + b[1]) / 2 + (dx / length) * bend];
  const t0 = Math.min(0.45, trimA / length);
  const t1 = 1 - Math.min(0.45, trimB / length);
  const at = (t) => bezier(a, control, b, t);
  // The control point of the curve's part from t0 to t1 (its blossom at t0, t1).
  const blossom = [0, 1].map((i) => (1 - t0) * ((1 - t1) * a[i] + t1 * control[i]) + t0 * ((1 - t1) * control[i] + t1 * b[i]));
  const start = at(t0);
  const end = at(t1);
  const r = (value) => Math.round(value * 10) / 10;
  return {
    d: `M${r(start[0])} ${r(start[1])}Q${r(blossom[0])} ${r(blossom[1])} ${r(end[0])} ${r(end[1])}`,
    from: a,
    to: b,
    control,
  };
}

function bezier(a, control, b, t) {
  return [0, 1].map((i) => (1 - t) ** 2 * a[i] + 2 * (1 - t) * t * control[i] + t ** 2 * b[i]);
}

// Where a party's code is written: beside its dot on the side PLACES gives, or inside its pill.
// `font`: the text's size in viewBox units. Returns the text's anchor point and its box.
const SIDES = { n: [0, -0.55, 'middle'], s: [0, 1.25, 'middle'], e: [0.5, 0.36, 'start'], w: [-0.5, 0.36, 'end'] };
export function partyLabel(code, place, font) {
  const width = code.length * font * 0.68;
  const [x, y] = place.point;
  if (place.kind !== 'map') {
    return { x, y: y + font * 0.36, anchor: 'middle', box: box(x - pillWidth(code) / 2, y - PILL_HEIGHT / 2, pillWidth(code), PILL_HEIGHT) };
  }
  const [dx, dy, anchor] = SIDES[place.side ?? 'n'];
  const tx = x + dx * font;
  const ty = y + dy * font;
  const left = anchor === 'middle' ? tx - width / 2 : anchor === 'end' ? tx - width : tx;
  return { x: Math.round(tx), y: Math.round(ty), anchor, box: box(left, ty - font * 0.75, width, font * 0.85) };
}

function box(x, y, width, height) {
  return { x, y, width, height };
}

// Where a count label of this size goes along its arc: the middle, or the first point further out
// whose box, with a margin, covers nothing in `taken` (party labels, counts already placed); where
// every point covers something, the one that covers least. The box it takes joins `taken`.
const LABEL_MARGIN = 8;
export function labelSpot(geometry, width, height, taken) {
  const boxAt = ([x, y]) => box(x - width / 2 - LABEL_MARGIN, y - height / 2 - LABEL_MARGIN, width + 2 * LABEL_MARGIN, height + 2 * LABEL_MARGIN);
  const covered = (point) => taken.reduce((sum, other) => sum + overlap(boxAt(point), other), 0);
  let best = null;
  for (const t of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82]) {
    const point = bezier(geometry.from, geometry.control, geometry.to, t);
    const score = covered(point);
    if (best === null || score < best.score) best = { point, score };
    if (score === 0) break;
  }
  taken.push(boxAt(best.point));
  return best.point.map(Math.round);
}

function overlap(a, b) {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

export function pairKey(from, to) {
  return `${from}>${to}`;
}

// What the new rows change on the map. previous: Map of pair key -> count now drawn. Returns the
// pairs to add, to update (their count changed) and the keys to remove (gone, or down to zero),
// and the new Map. Every other arc is left as it is.
export function planArcs(previous, rows = []) {
  const next = new Map();
  for (const row of rows) {
    if (row.count > 0 && row.from !== row.to) next.set(pairKey(row.from, row.to), row);
  }
  const add = [];
  const update = [];
  for (const [key, row] of next) {
    if (!previous.has(key)) add.push(row);
    else if (previous.get(key) !== row.count) update.push(row);
  }
  const remove = [...previous.keys()].filter((key) => !next.has(key));
  return { add, update, remove, counts: new Map([...next].map(([key, row]) => [key, row.count])) };
}

// The arcs a map draws: on a busy day nearly every pair exchanges something, and an arc for each
// covers the region, so only the `limit` busiest pairs are drawn (largest first, ties by pair) and
// the others are counted. rows: [{from, to, count}]; a party's exchanges with itself are no arc.
// Returns the rows drawn and, of the rest, how many pairs and exchanges.
export function busiestArcs(rows, limit) {
  const flowing = rows.filter((row) => row.count > 0 && row.from !== row.to)
    .sort((a, b) => b.count - a.count || pairKey(a.from, a.to).localeCompare(pairKey(b.from, b.to)));
  const rest = flowing.slice(limit);
  return { drawn: flowing.slice(0, limit), rest: { pairs: rest.length, exchanges: rest.reduce((sum, row) => sum + row.count, 0) } };
}

// The busiest pairs, labelled with their count: largest first, ties by pair.
export function topPairs(counts, howMany) {
  return [...counts].filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, howMany)
    .map(([key]) => key);
}
