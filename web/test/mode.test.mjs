import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutViews } from '../app/board.js';
import { createContract } from '../app/contract.js';
import { TASK_FORCE, WALL, readMode as readModeWith, snapshotFitsMode, subscribeMessage } from '../app/mode.js';

const contract = createContract({
  taskForces: [{ code: 'DRUGS', name: 'Drug trafficking' }, { code: 'TERRORISM', name: 'Terrorism' }],
  crimeAreas: [], parties: [], operationStatuses: [], operationKinds: [], seizures: [], views: [],
});
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
    assert.equal(snapshotFitsMode(mode, { taskForces: ['TERRORISM', 'DRUGS'] }), true);
    assert.equal(snapshotFitsMode(mode, { taskForces: [] }), false);
    assert.equal(snapshotFitsMode(mode, { taskForces: ['DRUGS'] }), false);
    assert.equal(snapshotFitsMode(mode, undefined), false);
  });
});
