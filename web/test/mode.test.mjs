import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutViews } from '../app/board.js';
import { createContract } from '../app/contract.js';
import { TASK_FORCE, WALL, readMode as readModeWith, snapshotFitsMode, subscribeMessage } from '../app/mode.js';
import { SIGN_IN, TASK_FORCE_VIEWS, leaderCaller, wallCaller } from './support/signed-in.mjs';

const signedInAs = (caller) => createContract({
  taskForces: [{ code: 'DRUGS', name: 'Drug trafficking' }, { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles' }, { code: 'TERRORISM', name: 'Terrorism' }],
  crimeAreas: [], parties: [], operationStatuses: [], operationKinds: [], seizures: [], views: [],
  caller,
  signIn: SIGN_IN,
});
const contract = signedInAs(wallCaller(['DRUGS', 'STOLEN_VEHICLES', 'TERRORISM']));
const readMode = (search) => readModeWith(search, contract);

describe('mode', () => {
  it('is the wall by default and for ?mode=wall', () => {
    for (const search of ['', '?mode=wall', '?taskForce=']) {
      const mode = readMode(search);
      assert.equal(mode.kind, WALL);
      assert.equal(mode.minutes, 60);
      assert.equal(mode.days, 30);
    }
  });

  it('is a task-force view for one or several task forces', () => {
    assert.deepEqual(readMode('?taskForce=DRUGS').taskForces, ['DRUGS']);
    const mode = readMode('?taskForce=DRUGS&taskForce=TERRORISM');
    assert.equal(mode.kind, TASK_FORCE);
    assert.deepEqual(mode.taskForces, ['DRUGS', 'TERRORISM']);
    assert.equal(mode.minutes, 180);
    assert.equal(mode.days, 90);
  });

  it('accepts comma lists and lower case, drops repeats and reports unknown codes', () => {
    const mode = readMode('?taskForce=drugs,TERRORISM&taskForce=DRUGS&taskForce=ARSON');
    assert.deepEqual(mode.taskForces, ['DRUGS', 'TERRORISM']);
    assert.deepEqual(mode.unknown, ['ARSON']);
  });

  it('falls back to the wall when no code is known', () => {
    const mode = readMode('?taskForce=ARSON');
    assert.equal(mode.kind, WALL);
    assert.deepEqual(mode.unknown, ['ARSON']);
  });

  it('subscribes only in the task-force view, to the views its panels draw', () => {
    assert.equal(subscribeMessage(readMode(''), layoutViews(readMode(''))), null);
    const mode = readMode('?taskForce=DRUGS');
    assert.deepEqual(subscribeMessage(mode, layoutViews(mode)), {
      type: 'subscribe',
      views: ['totals', 'crimeAreas', 'trendMinutes', 'trendDays', 'operations'],
      taskForces: ['DRUGS'],
      minutes: 180,
      days: 90,
    });
  });

  it('lays out every view on the wall', () => {
    assert.deepEqual(layoutViews(readMode('')).sort(), ['crimeAreas', 'flows', 'operations', 'totals', 'trendDays', 'trendMinutes', 'yearly']);
  });

  it('lets the wall take any snapshot, a task-force view only its own', () => {
    assert.equal(snapshotFitsMode(readMode(''), { taskForces: [] }), true);
    assert.equal(snapshotFitsMode(readMode(''), undefined), true);
    const mode = readMode('?taskForce=DRUGS&taskForce=TERRORISM');
    assert.equal(snapshotFitsMode(mode, { taskForces: ['TERRORISM', 'DRUGS'], minutes: 180, days: 90 }), true);
    assert.equal(snapshotFitsMode(mode, { taskForces: [], minutes: 60, days: 30 }), false);
    assert.equal(snapshotFitsMode(mode, { taskForces: ['DRUGS'], minutes: 180, days: 90 }), false);
    assert.equal(snapshotFitsMode(mode, undefined), false);
  });
});

describe('mode of a task-force leader', () => {
  const leader = signedInAs(leaderCaller('leader-drugs', ['DRUGS']));
  const readLeaderMode = (search) => readModeWith(search, leader);

  it('is their own task force when the address names none, even ?mode=wall', () => {
    for (const search of ['', '?mode=wall', '?taskForce=']) {
      const mode = readLeaderMode(search);
      assert.equal(mode.kind, TASK_FORCE);
      assert.deepEqual(mode.taskForces, ['DRUGS']);
      assert.equal(mode.minutes, 180);
      assert.equal(mode.days, 90);
      assert.deepEqual(mode.refused, []);
    }
  });

  it('is their own task force when the address names only others, which it reports', () => {
    const mode = readLeaderMode('?taskForce=TERRORISM&taskForce=ARSON');
    assert.equal(mode.kind, TASK_FORCE);
    assert.deepEqual(mode.taskForces, ['DRUGS']);
    assert.deepEqual(mode.refused, ['TERRORISM']);
    assert.deepEqual(mode.unknown, ['ARSON']);
  });

  it('keeps of the address only the task forces that are theirs', () => {
    const twoTaskForces = signedInAs(leaderCaller('leader-two', ['TERRORISM', 'DRUGS']));
    assert.deepEqual(readModeWith('', twoTaskForces).taskForces, ['DRUGS', 'TERRORISM'], 'in the contract\'s order');
    const mode = readModeWith('?taskForce=TERRORISM,STOLEN_VEHICLES', twoTaskForces);
    assert.deepEqual(mode.taskForces, ['TERRORISM']);
    assert.deepEqual(mode.refused, ['STOLEN_VEHICLES']);
  });

  it('lays out and subscribes to only the views and task forces they may see', () => {
    const mode = readLeaderMode('?taskForce=TERRORISM');
    const views = layoutViews(mode);
    assert.ok(views.every((name) => TASK_FORCE_VIEWS.includes(name)), `no yearly, no flows: ${views}`);
    assert.deepEqual(subscribeMessage(mode, views), {
      type: 'subscribe',
      views: ['totals', 'crimeAreas', 'trendMinutes', 'trendDays', 'operations'],
      taskForces: ['DRUGS'],
      minutes: 180,
      days: 90,
    });
  });

  it('leaves out a panel whose view the caller may not follow', () => {
    const noOperations = signedInAs({ ...leaderCaller('leader-drugs', ['DRUGS']), views: ['totals', 'crimeAreas', 'trendMinutes', 'trendDays'] });
    assert.deepEqual(layoutViews(readModeWith('', noOperations)), ['totals', 'crimeAreas', 'trendMinutes', 'trendDays']);
  });

  it('takes the snapshot of its subscription, not the short-trend one every connection starts with', () => {
    const mode = readLeaderMode('');
    const first = { views: TASK_FORCE_VIEWS, taskForces: ['DRUGS'], minutes: 60, days: 30 };
    assert.equal(snapshotFitsMode(mode, first), false);
    assert.equal(snapshotFitsMode(mode, { ...first, minutes: 180, days: 90 }), true);
  });
});
