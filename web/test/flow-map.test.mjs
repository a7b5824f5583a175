import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FLOWS_DETAIL, layoutOf, layoutViews } from '../app/board.js';
import { createContract } from '../app/contract.js';
import {
  MAX_WIDTH, MIN_WIDTH, PLACES, VIEW, arcGeometry, arcWidth, busiestArcs, labelSpot, pairKey, partyLabel, placeParties, planArcs, project,
  topPairs,
} from '../app/map.js';
import { TASK_FORCE, WALL, readMode } from '../app/mode.js';
import { flowMatrix, memberFlowMatrix } from '../app/selectors.js';
import { applyDelta, applySnapshot } from '../app/state.js';
import { SIGN_IN, wallCaller } from './support/signed-in.mjs';

const MEMBERS = ['AL', 'BA', 'BG', 'HR', 'GR', 'HU', 'MD', 'MK', 'ME', 'RO', 'RS', 'SI', 'TR'];
const OBSERVERS = ['AT', 'AZ', 'BE', 'CA', 'CZ', 'FR', 'DE', 'IL', 'IT', 'JP', 'NL', 'PL', 'PT', 'SK', 'ES', 'UA', 'GB', 'US'];
const ORGANISATIONS = ['INTERPOL', 'WCO', 'EUBAM', 'UNMIK'];
const ALL = [...MEMBERS, 'GE', ...OBSERVERS, ...ORGANISATIONS];

// The parties as GET api/v1/contract lists them.
const contract = createContract({
  taskForces: [{ code: 'DRUGS', name: 'Drug trafficking' }],
  crimeAreas: [],
  parties: [
    ...MEMBERS.map((code) => ({ code, name: code, role: 'MEMBER' })),
    { code: 'GE', name: 'Georgia', role: 'APPLICANT' },
    ...OBSERVERS.map((code) => ({ code, name: code, role: 'OBSERVER' })),
    ...ORGANISATIONS.map((code) => ({ code, name: code, role: 'ORGANISATION' })),
  ],
  operationStatuses: [],
  operationKinds: [],
  seizures: [],
  views: [{ name: 'flows', merge: 'matrix', key: ['from', 'to'], value: 'count' }],
  caller: wallCaller(['DRUGS']),
  signIn: SIGN_IN,
});

const inside = ([x, y]) => x >= 0 && x <= VIEW.width && y >= 0 && y <= VIEW.height;
const boxInside = (box) => inside([box.x, box.y]) && inside([box.x + box.width, box.y + box.height]);

describe('the flow map', () => {
  it('projects the region with north up and east right', () => {
    const bucharest = project([26.10, 44.43]);
    const belgrade = project([20.46, 44.82]);
    const athens = project([23.73, 37.98]);
    assert.ok(bucharest[0] > belgrade[0], 'Bucharest east of Belgrade');
    assert.ok(bucharest[1] < athens[1], 'Bucharest north of Athens (y grows southwards)');
    for (const city of [bucharest, belgrade, athens, project([41.0, 28.98].reverse())]) assert.ok(inside(city), `${city} in the view`);
  });

  it('places every party of the contract, each member and Georgia on the map inside the view', () => {
    const placed = placeParties(ALL);
    assert.deepEqual(Object.keys(placed).sort(), [...ALL].sort());
    for (const code of [...MEMBERS, 'GE']) {
      assert.equal(placed[code].kind, 'map', code);
      assert.ok(inside(placed[code].point), `${code} at ${placed[code].point}`);
      assert.ok(boxInside(partyLabel(code, placed[code], 30).box), `${code}'s label inside the view`);
    }
    assert.deepEqual(placed.UNMIK.point, project([21.17, 42.66]), 'UNMIK at Pristina');
    for (const code of ['INTERPOL', 'WCO']) assert.equal(placed[code].kind, 'box');
  });

  it('sets each far observer on the edge toward it, without two overlapping', () => {
    const placed = placeParties(ALL);
    const edgeOf = (code) => placed[code].kind === 'edge' && placed[code].edge;
    assert.equal(edgeOf('US'), 'w');
    assert.equal(edgeOf('CA'), 'w');
    assert.equal(edgeOf('PT'), 'w');
    assert.equal(edgeOf('JP'), 'e');
    assert.equal(edgeOf('AZ'), 'e');
    assert.equal(edgeOf('IL'), 's');
    assert.equal(edgeOf('PL'), 'n');
    assert.ok(placed.US.point[0] < VIEW.width * 0.05, 'US at the west edge');
    assert.ok(placed.JP.point[0] > VIEW.width * 0.95, 'JP at the east edge');
    const pills = Object.entries(placed).filter(([, place]) => place.kind !== 'map').map(([code, place]) => partyLabel(code, place, 24).box);
    for (const [index, pill] of pills.entries()) {
      assert.ok(boxInside(pill), `pill ${index} inside the view`);
      for (const other of pills.slice(index + 1)) {
        const apart = pill.x + pill.width <= other.x || other.x + other.width <= pill.x
          || pill.y + pill.height <= other.y || other.y + other.height <= pill.y;
        assert.ok(apart, `pills overlap: ${JSON.stringify(pill)} ${JSON.stringify(other)}`);
      }
    }
  });

  it('puts an unknown party in the box, after the organisations', () => {
    const placed = placeParties([...ALL, 'XYZ']);
    assert.equal(placed.XYZ.kind, 'box');
    assert.ok(placed.XYZ.point[0] > placed.WCO.point[0]);
    assert.ok(inside(placed.XYZ.point));
  });

  it('widens an arc with its count, from a visible floor to a ceiling', () => {
    const max = 10_000;
    assert.equal(arcWidth(0, max), 0);
    assert.equal(arcWidth(1, max), MIN_WIDTH);
    assert.equal(arcWidth(max, max), MAX_WIDTH);
    let previous = 0;
    for (const count of [1, 2, 5, 10, 50, 100, 500, 1000, 5000, 10_000]) {
      const width = arcWidth(count, max);
      assert.ok(width >= previous && width >= MIN_WIDTH, `${count}: ${width} after ${previous}`);
      previous = width;
    }
    assert.ok(arcWidth(2500, max) > arcWidth(100, max));
    // A square root: a quarter of the busiest pair is drawn half as wide above the floor.
    assert.equal(arcWidth(2500, max), Math.round((MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) / 2) * 2) / 2);
  });

  it('bends A to B and B to A to opposite sides', () => {
    const placed = placeParties(ALL);
    // Which side of the line from a to b a point is on.
    const side = (point, a, b) => Math.sign((b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0]));
    for (const [from, to] of [['RO', 'BG'], ['SI', 'TR'], ['ME', 'US'], ['GR', 'INTERPOL']]) {
      const [a, b] = [placed[from].point, placed[to].point];
      const there = side(arcGeometry(a, b).control, a, b);
      const back = side(arcGeometry(b, a).control, a, b);
      assert.notEqual(there, 0);
      assert.equal(there, -back, `${from}-${to}`);
    }
    const there = arcGeometry(placed.RO.point, placed.BG.point, 16, 16);
    const back = arcGeometry(placed.BG.point, placed.RO.point, 16, 16);
    assert.notEqual(there.d, back.d);
    assert.match(there.d, /^M[\d.]+ [\d.]+Q[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
  });

  it('updates only the arcs whose pair a delta changes', () => {
    const rows = [
      { from: 'RO', to: 'BG', count: 224 },
      { from: 'BG', to: 'RO', count: 19 },
      { from: 'ME', to: 'US', count: 39 },
      { from: 'GR', to: 'TR', count: 0 },
    ];
    const first = planArcs(new Map(), rows);
    assert.deepEqual(first.add.map((row) => pairKey(row.from, row.to)), ['RO>BG', 'BG>RO', 'ME>US']);
    assert.deepEqual([first.update, first.remove], [[], []]);

    // The page's own merge of a flows delta: the whole view comes back, one row changed.
    let state = applySnapshot({ type: 'snapshot', views: { flows: rows } });
    ({ state } = applyDelta(state, { type: 'delta', changes: { flows: { ME: { US: 40 } } } }, contract.views));
    const second = planArcs(first.counts, state.views.flows);
    assert.deepEqual(second.add, []);
    assert.deepEqual(second.update, [{ from: 'ME', to: 'US', count: 40 }]);
    assert.deepEqual(second.remove, []);

    // A new pair is added, and one that falls to zero goes (a new day's snapshot).
    const third = planArcs(second.counts, [{ from: 'RO', to: 'BG', count: 224 }, { from: 'BG', to: 'RO', count: 0 }, { from: 'ME', to: 'US', count: 40 }, { from: 'GR', to: 'TR', count: 1 }]);
    assert.deepEqual(third.add.map((row) => pairKey(row.from, row.to)), ['GR>TR']);
    assert.deepEqual(third.update, []);
    assert.deepEqual(third.remove, ['BG>RO']);
    assert.deepEqual([...third.counts], [['RO>BG', 224], ['ME>US', 40], ['GR>TR', 1]]);
  });

  it('labels the busiest pairs, largest first', () => {
    const counts = new Map([['RO>BG', 224], ['ME>US', 39], ['RO>US', 36], ['MK>US', 36], ['AL>GR', 0]]);
    assert.deepEqual(topPairs(counts, 3), ['RO>BG', 'ME>US', 'MK>US']);
    assert.deepEqual(topPairs(counts, 10).length, 4);
  });

  it('draws only the busiest pairs on a busy day, and counts the rest', () => {
    // 45,000 exchanges over every pair of parties: an arc each would cover the region.
    const rows = ALL.flatMap((from, i) => ALL.map((to, j) => ({ from, to, count: from === to ? 0 : 1 + ((i * 31 + j * 17) % 97) })));
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    const { drawn, rest } = busiestArcs(rows, 24);
    assert.equal(drawn.length, 24);
    assert.ok(drawn.every((row, index) => index === 0 || drawn[index - 1].count >= row.count), 'largest first');
    const smallestDrawn = drawn.at(-1).count;
    const left = rows.filter((row) => row.count > 0 && !drawn.includes(row));
    assert.ok(left.every((row) => row.count <= smallestDrawn), 'nothing left out is busier than what is drawn');
    assert.deepEqual(rest, { pairs: left.length, exchanges: total - drawn.reduce((sum, row) => sum + row.count, 0) });
  });

  it('draws every pair of a quiet day, and none of a party with itself', () => {
    const rows = [{ from: 'RO', to: 'BG', count: 3 }, { from: 'BG', to: 'RO', count: 3 }, { from: 'RO', to: 'RO', count: 5 }, { from: 'AL', to: 'GR', count: 0 }];
    assert.deepEqual(busiestArcs(rows, 24), {
      drawn: [{ from: 'BG', to: 'RO', count: 3 }, { from: 'RO', to: 'BG', count: 3 }], rest: { pairs: 0, exchanges: 0 },
    });
  });

  it('moves a count label along its arc off what it would cover', () => {
    const geometry = arcGeometry([100, 300], [700, 300]);
    const middle = labelSpot(geometry, 60, 30, []);
    const taken = [{ x: middle[0] - 40, y: middle[1] - 30, width: 80, height: 60 }];
    const moved = labelSpot(geometry, 60, 30, taken);
    assert.notDeepEqual(moved, middle);
    assert.equal(taken.length, 2, 'the label keeps its place for the next one');
  });
});

describe('the members-only matrix', () => {
  const flows = [
    { from: 'RO', to: 'BG', count: 224 },
    { from: 'BG', to: 'RO', count: 19 },
    { from: 'ME', to: 'US', count: 39 },
    { from: 'US', to: 'RS', count: 4 },
    { from: 'GE', to: 'TR', count: 7 },
    { from: 'INTERPOL', to: 'WCO', count: 2 },
    { from: 'HR', to: 'SI', count: 0 },
  ];

  it('keeps the members and sums everything that is not member to member in others', () => {
    const matrix = memberFlowMatrix(contract, flows);
    assert.deepEqual(matrix.parties, ['BG', 'ME', 'RO', 'RS', 'TR']);
    assert.equal(matrix.total, 224 + 19 + 39 + 4 + 7 + 2);
    assert.equal(matrix.others, 39 + 4 + 7 + 2);
    const cells = matrix.parties.flatMap((from) => matrix.parties.map((to) => matrix.countOf(from, to)));
    assert.equal(cells.reduce((sum, count) => sum + count, 0) + matrix.others, matrix.total);
    assert.equal(matrix.max, 224);
    assert.equal(matrix.total, flowMatrix(contract, flows).total);
  });

  it('has nothing for others when only members exchanged', () => {
    const matrix = memberFlowMatrix(contract, flows.slice(0, 2));
    assert.deepEqual([matrix.parties, matrix.others, matrix.total], [['BG', 'RO'], 0, 243]);
    const none = memberFlowMatrix(contract, []);
    assert.deepEqual([none.parties, none.max, none.total, none.others], [[], 0, 0, 0]);
  });
});

describe('the flows detail page', () => {
  it('is the wall caller\'s /?detail=flows, with the same views as the wall', () => {
    const wall = readMode('', contract);
    assert.equal(layoutOf(wall, ''), WALL);
    assert.equal(layoutOf(wall, '?detail=flows'), FLOWS_DETAIL);
    assert.equal(layoutOf(wall, '?mode=wall&detail=flows'), FLOWS_DETAIL);
    assert.equal(layoutOf(readMode('?taskForce=DRUGS', contract), '?taskForce=DRUGS&detail=flows'), TASK_FORCE);
    assert.ok(layoutViews(wall).includes('flows'));
  });
});

describe('region.json', () => {
  const url = new URL('../app/data/region.json', import.meta.url);
  const region = JSON.parse(readFileSync(url, 'utf8'));
  const byCode = new Map(region.features.map((feature) => [feature.id, feature]));

  it('is small, names its public-domain source and has a feature per member', () => {
    assert.ok(statSync(url).size < 150 * 1024, `${statSync(url).size} bytes`);
    assert.match(region.source, /Natural Earth/);
    assert.match(region.source, /public domain/);
    for (const code of [...MEMBERS, 'GE', 'XK', 'AT', 'CZ', 'SK', 'IT', 'UA', 'PL']) assert.ok(byCode.has(code), code);
    for (const feature of region.features) {
      assert.match(feature.id, /^[A-Z]{2}$/);
      assert.equal(feature.geometry.type, 'MultiPolygon');
    }
  });

  it('has each country\'s marker inside the country', () => {
    const within = ([lon, lat], polygons) => polygons.some((rings) => rings.reduce((count, ring) => {
      let crossings = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) crossings += 1;
      }
      return count + (crossings % 2);
    }, 0) % 2 === 1);
    for (const code of [...MEMBERS, 'GE', 'AT', 'CZ', 'SK', 'IT', 'UA']) {
      assert.ok(within(PLACES[code].at, byCode.get(code).geometry.coordinates), `${code} at ${PLACES[code].at}`);
    }
    assert.ok(within(PLACES.UNMIK.at, byCode.get('XK').geometry.coordinates), 'UNMIK in Kosovo');
  });
});
