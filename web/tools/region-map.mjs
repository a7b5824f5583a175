// Makes web/app/data/region.json, the country outlines under the wall's flow map, from Natural
// Earth's 1:50m Admin 0 countries as the world-atlas package publishes them (TopoJSON). Run by
// hand, from the repository's root, when the map's window or projection (web/app/map.js) changes:
//
//   (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
//   node web/tools/region-map.mjs /tmp/package/countries-50m.json
//
// Source and licence: Natural Earth (naturalearthdata.com) is in the public domain; world-atlas
// 2.0.2 (Mike Bostock, ISC licence) is its version 4.1.0 converted to TopoJSON. The output says so
// in its "source" field. No library is used: TopoJSON arcs are decoded here, each shared border is
// simplified once (so neighbours keep one common line), the rings are clipped to the map's view
// plus a margin, rounded to 0.01° (about 1 km, under a pixel at 3840x2160) and islands and
// holes under MIN_AREA are left out.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEW, project } from '../app/map.js';

const TOLERANCE = 0.02; // degrees: Douglas–Peucker on each arc
const MIN_AREA = 0.01; // square degrees: about 80 km² here; drops islets and enclaves' holes
const MARGIN = 80; // viewBox units around the view that still get outlines (a panel of another shape shows more)

// ISO 3166-1 numeric (world-atlas's id) to alpha-2, for every country the window touches.
// Natural Earth gives Kosovo and Northern Cyprus no code: Kosovo gets XK, the code the EU and
// the IMF use (UNMIK's place on the map); Northern Cyprus joins CY's outline (only a neighbour).
const ALPHA2 = {
  '008': 'AL', '012': 'DZ', '031': 'AZ', '040': 'AT', '051': 'AM', '070': 'BA', '100': 'BG', '112': 'BY',
  '191': 'HR', '196': 'CY', '203': 'CZ', '268': 'GE', '276': 'DE', '300': 'GR', '336': 'VA', '348': 'HU',
  '364': 'IR', '368': 'IQ', '376': 'IL', '380': 'IT', '398': 'KZ', '400': 'JO', '422': 'LB', '434': 'LY',
  '438': 'LI', '440': 'LT', '470': 'MT', '498': 'MD', '499': 'ME', '616': 'PL', '642': 'RO', '643': 'RU',
  '674': 'SM', '688': 'RS', '703': 'SK', '705': 'SI', '756': 'CH', '760': 'SY', '788': 'TN', '792': 'TR',
  '804': 'UA', '807': 'MK', '818': 'EG', '275': 'PS', '250': 'FR', '682': 'SA', '795': 'TM', '056': 'BE',
  '528': 'NL', '442': 'LU', '208': 'DK', '428': 'LV',
};
const BY_NAME = { Kosovo: 'XK', 'N. Cyprus': 'CY' };

const input = process.argv[2];
if (!input) {
  console.error('usage: node web/tools/region-map.mjs <world-atlas>/countries-50m.json');
  process.exit(2);
}
const topology = JSON.parse(readFileSync(input, 'utf8'));
const output = join(dirname(fileURLToPath(import.meta.url)), '..', 'app', 'data', 'region.json');

// TopoJSON: each arc is a list of quantized, delta-encoded positions.
const { scale, translate } = topology.transform;
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return simplify(arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  }), TOLERANCE);
});

// A ring is a list of arc indexes; ~i is arc i backwards. Consecutive arcs share an end point.
function ring(indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index >= 0 ? arcs[index] : [...arcs[~index]].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let farthest = -1;
    let distance = tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const d = segmentDistance(points[index], points[first], points[last]);
      if (d > distance) { distance = d; farthest = index; }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, index) => keep[index]);
}

function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Sutherland–Hodgman against each side of the view's rectangle plus MARGIN, in the map's own
// projected units (so the cut follows the screen's edges, not a meridian): a ring that crosses it
// is cut along it. Positions carry [lon, lat, x, y]; a cut interpolates both pairs.
function clip(points) {
  const low = -MARGIN;
  const sides = [
    [(p) => p[2] >= low, 2, low],
    [(p) => p[2] <= VIEW.width + MARGIN, 2, VIEW.width + MARGIN],
    [(p) => p[3] >= low, 3, low],
    [(p) => p[3] <= VIEW.height + MARGIN, 3, VIEW.height + MARGIN],
  ];
  let result = points.map((point) => [...point, ...project(point)]);
  for (const [inside, axis, value] of sides) {
    const source = result;
    result = [];
    for (let index = 0; index < source.length; index += 1) {
      const current = source[index];
      const previous = source[(index + source.length - 1) % source.length];
      if (inside(current)) {
        if (!inside(previous)) result.push(cut(previous, current, axis, value));
        result.push(current);
      } else if (inside(previous)) result.push(cut(previous, current, axis, value));
    }
  }
  return result.map(([lon, lat]) => [lon, lat]);
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return a.map((coordinate, index) => coordinate + t * (b[index] - coordinate));
}

function area(points) {
  let sum = 0;
  for (let index = 0; index < points.length; index += 1) {
    const [x1, y1] = points[index];
    const [x2, y2] = points[(index + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

function tidy(points) {
  const rounded = points.map(([lon, lat]) => [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100]);
  const result = rounded.filter((point, index) => index === 0
    || point[0] !== rounded[index - 1][0] || point[1] !== rounded[index - 1][1]);
  // A closed ring, as GeoJSON has it: its last position repeats its first.
  if (result.length && (result[0][0] !== result.at(-1)[0] || result[0][1] !== result.at(-1)[1])) result.push(result[0]);
  return result;
}

const features = new Map();
const unknown = [];
for (const geometry of topology.objects.countries.geometries) {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  const kept = polygons.map((rings) => rings.map((indexes) => tidy(clip(ring(indexes)))))
    .map((rings) => (rings[0].length >= 4 && area(rings[0]) >= MIN_AREA
      ? [rings[0], ...rings.slice(1).filter((hole) => hole.length >= 4 && area(hole) >= MIN_AREA)]
      : null))
    .filter(Boolean);
  if (!kept.length) continue;
  const code = ALPHA2[geometry.id] ?? BY_NAME[geometry.properties?.name];
  if (!code) {
    unknown.push(`${geometry.id} ${geometry.properties?.name}`);
    continue;
  }
  const feature = features.get(code);
  if (feature) feature.geometry.coordinates.push(...kept);
  else {
    features.set(code, {
      type: 'Feature',
      id: code,
      properties: { name: geometry.properties?.name ?? code },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    });
  }
}
if (unknown.length) {
  console.error(`No alpha-2 code for: ${unknown.join('; ')} (add them to ALPHA2)`);
  process.exit(1);
}

const collection = {
  type: 'FeatureCollection',
  source: 'Natural Earth 1:50m Admin 0 countries, version 4.1.0 (naturalearthdata.com, public domain), '
    + 'as TopoJSON by world-atlas 2.0.2 (ISC); simplified and clipped by web/tools/region-map.mjs',
  features: [...features.values()].sort((a, b) => a.id.localeCompare(b.id)),
};
mkdirSync(dirname(output), { recursive: true });
const text = `${JSON.stringify(collection)}\n`;
writeFileSync(output, text);
const points = collection.features.reduce((sum, feature) => sum + feature.geometry.coordinates.flat(2).length, 0);
console.log(`${output}: ${collection.features.length} countries, ${points} positions, ${text.length} bytes`);
