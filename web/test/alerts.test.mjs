import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeAlerts, alertLook, alertMarks, describeAlert, sigmasText, windowName, windowSeconds } from '../app/alerts.js';
import { layoutViews } from '../app/board.js';
import { createContract } from '../app/contract.js';
import { readMode, subscribeMessage } from '../app/mode.js';
import { applyDelta, applySnapshot } from '../app/state.js';
import { ALL_VIEWS, SIGN_IN, TASK_FORCE_VIEWS, leaderCaller, wallCaller } from './support/signed-in.mjs';

const TASK_FORCES = [
  { code: 'DRUGS', name: 'Drug trafficking' },
  { code: 'FINANCIAL_COMPUTER_CRIME', name: 'Financial & computer crime' },
  { code: 'TERRORISM', name: 'Terrorism' },
];
const VIEWS = [
  { name: 'totals', merge: 'fields' },
  { name: 'crimeAreas', merge: 'rows', key: ['crimeArea'] },
  { name: 'alerts', merge: 'whole' },
];

const ALERT_KINDS = [{ code: 'SURGE', name: 'Surge' }, { code: 'LULL', name: 'Lull' }, { code: 'STALLED', name: 'Stalled' }];

// alertKinds null: a contract without them, as an older server's.
function contractWith(caller, views = VIEWS, alertKinds = ALERT_KINDS) {
  return createContract({
    ...(alertKinds ? { alertKinds } : {}),
    taskForces: TASK_FORCES,
    crimeAreas: [
      { code: 'DRUG_TRAFFICKING', name: 'Drug trafficking', taskForce: 'DRUGS' },
      { code: 'MONEY_LAUNDERING', name: 'Money laundering', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
    ],
    parties: [],
    operationStatuses: [],
    operationKinds: [],
    seizures: [],
    views,
    caller,
    signIn: SIGN_IN,
  });
}

const codes = TASK_FORCES.map((taskForce) => taskForce.code);
const contract = contractWith({ ...wallCaller(codes), views: [...ALL_VIEWS, 'alerts'] });

// The server's JSON for an alert (Alert.java), with the brief's figures.
const SURGE = {
  id: 'TASK_FORCE:DRUGS:PT1H:SURGE', kind: 'SURGE', subject: 'TASK_FORCE', code: 'DRUGS', taskForce: 'DRUGS', window: 'PT1H',
  startedAt: '2026-11-29T09:12:00Z', observed: 240, expected: 42.5, low: 20.1, high: 64.9, sigmas: 29.6, lastYear: 35,
};
const LULL = {
  id: 'CRIME_AREA:MONEY_LAUNDERING:PT24H:LULL', kind: 'LULL', subject: 'CRIME_AREA', code: 'MONEY_LAUNDERING',
  taskForce: 'FINANCIAL_COMPUTER_CRIME', window: 'PT24H', startedAt: '2026-11-29T10:00:00Z', observed: 3, expected: 61.2,
  low: 38, high: 84.4, sigmas: -3.44,
};
const STALLED = {
  id: 'PIPELINE:PT1H:STALLED', kind: 'STALLED', subject: 'PIPELINE', window: 'PT1H', startedAt: '2026-11-29T08:00:00Z',
  observed: 185, expected: 0, low: 0, high: 120, sigmas: 0,
};
const NOW = Date.parse('2026-11-29T10:30:00Z');

describe('alerts in display order', () => {
  it('puts a stalled count first, then the newest first', () => {
    assert.deepEqual(activeAlerts([SURGE, STALLED, LULL]).map((alert) => alert.kind), ['STALLED', 'LULL', 'SURGE']);
  });

  it('leaves out ended alerts and entries that are not alerts, and takes a missing list as none', () => {
    const ended = { ...LULL, id: 'x', endedAt: '2026-11-29T10:20:00Z' };
    assert.deepEqual(activeAlerts([SURGE, ended, null, { kind: 'SURGE' }]), [SURGE]);
    assert.deepEqual(activeAlerts(undefined), []);
    assert.deepEqual(activeAlerts({}), []);
  });

  it('does not reorder the list it is given', () => {
    const list = [SURGE, STALLED];
    activeAlerts(list);
    assert.deepEqual(list, [SURGE, STALLED]);
  });
});

describe('an alert in words', () => {
  it('names the window, as ISO-8601 or as seconds', () => {
    assert.equal(windowSeconds('PT1H'), 3600);
    assert.equal(windowSeconds('PT24H'), 86_400);
    assert.equal(windowSeconds('P1D'), 86_400);
    assert.equal(windowSeconds('PT1M30.5S'), 90.5);
    assert.equal(windowSeconds(3600), 3600);
    assert.equal(windowSeconds('an hour'), null);
    assert.equal(windowSeconds(undefined), null);
    assert.equal(windowName('PT1H'), 'last hour');
    assert.equal(windowName(86_400), 'last day');
    assert.equal(windowName('PT24H'), 'last day');
    assert.equal(windowName('PT30M'), 'last 30\u202Fmin');
    assert.equal(windowName('PT0S'), null);
    assert.equal(windowName(null), null);
  });

  it('says how far from the expected count, with a decimal near the band', () => {
    assert.equal(sigmasText(29.6), '30σ above');
    assert.equal(sigmasText(-3.44), '3.4σ below');
    assert.equal(sigmasText(0), null);
    assert.equal(sigmasText(undefined), null);
  });

  it('gives each kind the page\'s glyph and the contract\'s name, a known kind or not', () => {
    assert.deepEqual(alertLook('SURGE', contract), { glyph: '⬆', word: 'Surge' });
    assert.deepEqual(alertLook('LULL', contract), { glyph: '⬇', word: 'Lull' });
    assert.deepEqual(alertLook('STALLED', contract), { glyph: '⚠', word: 'Stalled' });
    assert.deepEqual(alertLook('SPIKE', contract), { glyph: '⚠', word: 'SPIKE' });
    const renamed = contractWith(wallCaller(codes), VIEWS, [{ code: 'SURGE', name: 'Far more than usual' }]);
    assert.deepEqual(alertLook('SURGE', renamed), { glyph: '⬆', word: 'Far more than usual' });
    assert.equal(describeAlert(SURGE, renamed, { now: NOW, timeZone: 'UTC' }).word, 'Far more than usual');
  });

  it('names a kind by its code where the contract names no kinds (an older server), or where there is no contract', () => {
    assert.deepEqual(alertLook('LULL', contractWith(wallCaller(codes), VIEWS, null)), { glyph: '⬇', word: 'LULL' });
    assert.equal(alertLook('STALLED').glyph, '⚠');
  });

  it('describes a task force surge', () => {
    assert.deepEqual(describeAlert(SURGE, contract, { now: NOW, timeZone: 'UTC' }), {
      id: SURGE.id,
      kind: 'SURGE',
      glyph: '⬆',
      word: 'Surge',
      subject: 'Drug trafficking',
      taskForce: 'DRUGS',
      details: ['last hour', '240 vs ~43 expected', '30σ above', '35 a year before', 'since 09:12'],
    });
  });

  it('describes a crime area lull by the area\'s name, said to be a crime area, without a year before when there is none', () => {
    const described = describeAlert(LULL, contract, { now: NOW, timeZone: 'Europe/Bucharest' });
    assert.equal(described.subject, 'Money laundering (crime area)');
    assert.equal(described.taskForce, 'FINANCIAL_COMPUTER_CRIME');
    assert.deepEqual(described.details, ['last day', '3 vs ~61 expected', '3.4σ below', 'since 12:00']);
  });

  it('describes a stalled count by how far behind it is', () => {
    const described = describeAlert(STALLED, contract, { now: NOW, timeZone: 'UTC' });
    assert.equal(described.subject, 'Counting');
    assert.equal(described.taskForce, null);
    assert.deepEqual(described.details, ['counts 3\u202Fmin behind', 'since 08:00']);
  });

  it('writes the day of an alert that began more than half a day ago', () => {
    const described = describeAlert({ ...SURGE, startedAt: '2026-11-28T09:12:00Z' }, contract, { now: NOW, timeZone: 'UTC' });
    assert.equal(described.details.at(-1), 'since 28 Nov 09:12');
  });

  it('names a subject the contract does not know by its code', () => {
    const unknown = { ...SURGE, code: 'ARSON', taskForce: 'ARSON' };
    const described = describeAlert(unknown, contract, { now: NOW, timeZone: 'UTC' });
    assert.equal(described.subject, 'ARSON');
    assert.equal(described.taskForce, null);
    assert.equal(describeAlert({ ...LULL, code: 'PIRACY' }, contract, { now: NOW }).subject, 'PIRACY (crime area)');
  });
});

describe('what the alerts mark', () => {
  it('marks each subject\'s rows by their attribute, the first alert of a row giving its kind', () => {
    const dayLull = { ...SURGE, id: 'TASK_FORCE:DRUGS:PT24H:LULL', kind: 'LULL', window: 'PT24H' };
    assert.deepEqual(alertMarks([SURGE, LULL, dayLull]), {
      stalled: false,
      rows: [
        { attribute: 'data-task-force', code: 'DRUGS', kind: 'SURGE' },
        { attribute: 'data-crime-area', code: 'MONEY_LAUNDERING', kind: 'LULL' },
      ],
    });
  });

  it('marks the whole board, and no row, for a stalled count', () => {
    assert.deepEqual(alertMarks([STALLED]), { stalled: true, rows: [] });
  });

  it('marks nothing when there is no alert', () => {
    assert.deepEqual(alertMarks([]), { stalled: false, rows: [] });
  });
});

describe('alerts in the state and on the boards', () => {
  const snapshot = (views) => ({ type: 'snapshot', seq: 1, serverTime: '2026-11-29T10:30:00Z', views });
  const delta = (changes) => ({ type: 'delta', seq: 2, serverTime: '2026-11-29T10:30:01Z', changes });

  it('takes each alerts delta as the whole list, by the contract\'s rule', () => {
    const state = applySnapshot(snapshot({ alerts: [SURGE, LULL] }));
    const shorter = applyDelta(state, delta({ alerts: [LULL] }), contract.views);
    assert.deepEqual(shorter.state.views.alerts, [LULL]);
    assert.deepEqual(shorter.changed, ['alerts']);
    const none = applyDelta(shorter.state, delta({ alerts: [] }), contract.views);
    assert.deepEqual(none.state.views.alerts, []);
    assert.deepEqual(none.changed, ['alerts']);
  });

  it('works from a snapshot of an older server, without alerts', () => {
    const older = contractWith({ ...wallCaller(codes), views: ALL_VIEWS }, VIEWS.filter((view) => view.name !== 'alerts'));
    const state = applySnapshot(snapshot({ totals: { date: '2026-11-29', today: 1 } }));
    assert.deepEqual(activeAlerts(state.views.alerts), []);
    const { changed } = applyDelta(state, delta({ alerts: [SURGE] }), older.views);
    assert.deepEqual(changed, [], 'a view the contract does not name is left out');
    assert.equal(layoutViews(readMode('', older)).includes('alerts'), false, 'nor asked for');
  });

  it('shows the strip on the wall and on a task-force view, and asks for its view', () => {
    assert.equal(layoutViews(readMode('', contract)).includes('alerts'), true);
    const leader = contractWith(leaderCaller('leader-drugs', ['DRUGS']));
    const withAlerts = contractWith({ ...leaderCaller('leader-drugs', ['DRUGS']), views: [...TASK_FORCE_VIEWS, 'alerts'] });
    assert.equal(layoutViews(readMode('', leader)).includes('alerts'), false, 'only where the caller may follow it');
    const mode = readMode('', withAlerts);
    assert.equal(subscribeMessage(mode, layoutViews(mode)).views.includes('alerts'), true);
  });
});
