import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContract } from '../app/contract.js';
import { crimeAreaRows, flowMatrix, omittedYearsText, operationsBoard, trendSeries, yearlyTable } from '../app/selectors.js';
import { SIGN_IN, wallCaller } from './support/signed-in.mjs';

// A few entries of each list, in display order, as GET api/v1/contract gives them.
const contract = createContract({
  taskForces: [
    { code: 'DRUGS', name: 'Drug trafficking' },
    { code: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', name: 'Human trafficking & illegal immigration' },
    { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles' },
    { code: 'TERRORISM', name: 'Terrorism' },
  ],
  crimeAreas: [
    { code: 'HUMAN_TRAFFICKING', name: 'Human trafficking (THB)', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
    { code: 'ILLEGAL_IMMIGRATION', name: 'Illegal immigration', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
    { code: 'DRUG_TRAFFICKING', name: 'Drug trafficking', taskForce: 'DRUGS' },
    { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles', taskForce: 'STOLEN_VEHICLES' },
    { code: 'TERRORISM', name: 'Terrorism', taskForce: 'TERRORISM' },
  ],
  parties: [
    { code: 'AL', name: 'Albania', role: 'MEMBER' },
    { code: 'BG', name: 'Bulgaria', role: 'MEMBER' },
    { code: 'RO', name: 'Romania', role: 'MEMBER' },
    { code: 'TR', name: 'Türkiye', role: 'MEMBER' },
    { code: 'GE', name: 'Georgia', role: 'APPLICANT' },
    { code: 'AT', name: 'Austria', role: 'OBSERVER' },
    { code: 'US', name: 'United States', role: 'OBSERVER' },
    { code: 'INTERPOL', name: 'Interpol', role: 'ORGANISATION' },
  ],
  operationStatuses: [{ code: 'OPEN', name: 'Open' }, { code: 'ACTION_TAKEN', name: 'Action taken' }, { code: 'CLOSED', name: 'Closed' }],
  operationKinds: [{ code: 'JOINT_INVESTIGATION', name: 'Joint investigation' }],
  seizures: [{ code: 'DRUGS', name: 'drugs' }],
  views: [],
  caller: wallCaller(['DRUGS', 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', 'STOLEN_VEHICLES', 'TERRORISM']),
  signIn: SIGN_IN,
});

describe('selectors', () => {
  it('shows the members-observers operations column only when some year has it', () => {
    const rows = [{ year: 2008, membersDaily: 8323, membersOperations: 495, memberObserverDaily: 378, total: 9196 }];
    assert.equal(yearlyTable(rows, 2026).columns.length, 4);
    const withColumn = yearlyTable([...rows, { year: 2026, membersDaily: 1, membersOperations: 0, memberObserverDaily: 0, memberObserverOperations: 2, total: 3 }], 2026);
    assert.deepEqual(withColumn.columns.map((column) => column.key), ['membersDaily', 'membersOperations', 'memberObserverDaily', 'memberObserverOperations', 'total']);
    assert.deepEqual(withColumn.rows.map((row) => row.live), [false, true]);
  });

  it('keeps the seed years and the live year, and as many recent years as fit between them', () => {
    const year = (value, total = value) => ({ year: value, membersDaily: total, membersOperations: 0, memberObserverDaily: 0, total });
    const seed = [
      { year: 2006, membersDaily: 4334, membersOperations: 1069, memberObserverDaily: 550, total: 5953 },
      { year: 2007, membersDaily: 6561, membersOperations: 532, memberObserverDaily: 490, total: 7583 },
      { year: 2008, membersDaily: 8323, membersOperations: 495, memberObserverDaily: 378, total: 9196 },
    ];
    const live = Array.from({ length: 18 }, (_, index) => year(2009 + index));
    // Out of order on purpose: the selection does not rely on the caller's sorting.
    const all = [...live.reverse(), ...seed];

    const table = yearlyTable(all, 2026);
    assert.deepEqual(table.rows.map((row) => row.year), [2006, 2007, 2008, 2023, 2024, 2025, 2026]);
    assert.deepEqual(table.rows.map((row) => row.live), [false, false, false, false, false, false, true]);
    assert.equal(table.omitted.count, 14);
    assert.deepEqual(table.omitted.years, Array.from({ length: 14 }, (_, index) => 2009 + index));
    assert.equal(table.omitted.afterIndex, 3);
    assert.equal(omittedYearsText(table.omitted.count), '… 14 more years');
    assert.equal(omittedYearsText(1), '… 1 more year');

    // Fewer fit: the oldest of the recent years go first; never more than three.
    assert.deepEqual(yearlyTable(all, 2026, 1).rows.map((row) => row.year), [2006, 2007, 2008, 2025, 2026]);
    assert.equal(yearlyTable(all, 2026, 1).omitted.count, 16);
    assert.deepEqual(yearlyTable(all, 2026, 0).rows.map((row) => row.year), [2006, 2007, 2008, 2026]);
    assert.equal(yearlyTable(all, 2026, 0).omitted.count, 17);
    assert.deepEqual(yearlyTable(all, 2026, 10).rows.map((row) => row.year), [2006, 2007, 2008, 2023, 2024, 2025, 2026]);

    // The screenshot's case: one other year, it fits, nothing is left out.
    const few = yearlyTable([...seed, year(2016, 14012), year(2026, 793)], 2026);
    assert.deepEqual(few.rows.map((row) => row.year), [2006, 2007, 2008, 2016, 2026]);
    assert.equal(few.omitted, null);
    assert.deepEqual(yearlyTable([...seed, year(2016), year(2026)], 2026, 0).omitted, { count: 1, years: [2016], afterIndex: 3 });

    // The seed alone, and a current year not counted yet: no live row, no "more" line.
    assert.deepEqual(yearlyTable(seed, 2026).rows.map((row) => row.year), [2006, 2007, 2008]);
    assert.equal(yearlyTable(seed, 2026).omitted, null);
    assert.deepEqual(yearlyTable([...seed, year(2024), year(2025)], 2026).rows.map((row) => [row.year, row.live]),
      [[2006, false], [2007, false], [2008, false], [2024, false], [2025, false]]);
  });

  it('lists every crime area in the contract order, zeros where none came', () => {
    const { rows, maxRequests, maxInformation } = crimeAreaRows(contract, [{ crimeArea: 'DRUG_TRAFFICKING', taskForce: 'DRUGS', requests: 112, information: 1352 }]);
    assert.deepEqual(rows.map((row) => row.code), ['HUMAN_TRAFFICKING', 'ILLEGAL_IMMIGRATION', 'DRUG_TRAFFICKING', 'STOLEN_VEHICLES', 'TERRORISM']);
    assert.deepEqual(rows[0], { code: 'HUMAN_TRAFFICKING', name: 'Human trafficking (THB)', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', requests: 0, information: 0 });
    assert.equal(rows[2].requests, 112);
    assert.equal(maxRequests, 112);
    assert.equal(maxInformation, 1352);
  });

  it('keeps only the crime areas of the shown task forces', () => {
    const { rows } = crimeAreaRows(contract, [], ['HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', 'TERRORISM']);
    assert.deepEqual(rows.map((row) => row.code), ['HUMAN_TRAFFICKING', 'ILLEGAL_IMMIGRATION', 'TERRORISM']);
  });

  it('shows a crime area the contract does not know last, under its code', () => {
    const arson = { crimeArea: 'ARSON', taskForce: 'TERRORISM', requests: 2, information: 5 };
    assert.deepEqual(crimeAreaRows(contract, [arson]).rows.at(-1), { code: 'ARSON', name: 'ARSON', taskForce: 'TERRORISM', requests: 2, information: 5 });
    assert.deepEqual(crimeAreaRows(contract, [arson], ['DRUGS']).rows.map((row) => row.code), ['DRUG_TRAFFICKING']);
  });

  it('orders the flow matrix members first, then applicant, observers and organisations', () => {
    const matrix = flowMatrix(contract, [
      { from: 'INTERPOL', to: 'RO', count: 1 },
      { from: 'RO', to: 'BG', count: 12 },
      { from: 'AT', to: 'TR', count: 3 },
      { from: 'GE', to: 'AL', count: 2 },
      { from: 'US', to: 'RO', count: 0 },
    ]);
    assert.deepEqual(matrix.parties, ['AL', 'BG', 'RO', 'TR', 'GE', 'AT', 'INTERPOL']);
    assert.equal(matrix.countOf('RO', 'BG'), 12);
    assert.equal(matrix.countOf('BG', 'RO'), 0);
    assert.equal(matrix.max, 12);
    assert.equal(matrix.total, 18);
  });

  it('keeps the server\'s order of the operations, choosing only the task forces', () => {
    const operations = [
      { id: 'O2', name: 'New open', status: 'OPEN', taskForce: 'DRUGS' },
      { id: 'S', name: 'Shadow III', status: 'CLOSED', taskForce: null },
      { id: 'O1', name: 'Old open', status: 'OPEN', taskForce: 'TERRORISM' },
      { id: 'A', name: 'Arkadas', status: 'ACTION_TAKEN', taskForce: 'DRUGS' },
    ];
    assert.deepEqual(operationsBoard(operations).map((operation) => operation.id), ['O2', 'S', 'O1', 'A']);
    assert.deepEqual(operationsBoard(operations, ['DRUGS']).map((operation) => operation.id), ['O2', 'A']);
    assert.deepEqual(operationsBoard(undefined), []);
  });

  it('lines trend series up in task-force order with x in seconds', () => {
    const trend = {
      from: '2026-11-28T14:00:00Z', to: '2026-11-28T14:03:00Z', step: 'PT1M',
      series: [{ taskForce: 'TERRORISM', counts: [0, 1, 0] }, { taskForce: 'DRUGS', counts: [3, 5, 2] }],
    };
    const { xs, series } = trendSeries(contract, trend, ['TERRORISM', 'DRUGS', 'STOLEN_VEHICLES']);
    const start = Date.parse('2026-11-28T14:00:00Z') / 1000;
    assert.deepEqual(xs, [start, start + 60, start + 120]);
    assert.deepEqual(series.map((entry) => entry.taskForce), ['DRUGS', 'STOLEN_VEHICLES', 'TERRORISM']);
    assert.deepEqual(series[0], { taskForce: 'DRUGS', counts: [3, 5, 2], sum: 10, peak: 5, latest: 2 });
    assert.deepEqual(series[1].counts, [0, 0, 0]);
    assert.equal(trendSeries(contract, undefined).series.length, 4);
  });
});
