import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createContract } from '../app/contract.js';
import {
  createAlertWatch, createRotation, readPlaylist, slideAddress, slideForAlert, slideName,
} from '../app/rotation.js';
import { createFakeClock } from './support/fake-clock.mjs';
import { SIGN_IN, leaderCaller, wallCaller } from './support/signed-in.mjs';

const TASK_FORCES = [
  { code: 'DRUGS', name: 'Drug trafficking' },
  { code: 'TERRORISM', name: 'Terrorism' },
  { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles' },
];

function contractFor(caller) {
  return createContract({
    taskForces: TASK_FORCES, crimeAreas: [], parties: [], operationStatuses: [], operationKinds: [], seizures: [], views: [],
    caller, signIn: SIGN_IN,
  });
}

const wall = contractFor(wallCaller(TASK_FORCES.map((taskForce) => taskForce.code)));
const WALL = { kind: 'wall' };
const DRUGS = { kind: 'taskForce', code: 'DRUGS' };
const TERRORISM = { kind: 'taskForce', code: 'TERRORISM' };

describe('the playlist address', () => {
  it('reads the slides in order, as a comma list or repeated, in any case', () => {
    assert.deepEqual(readPlaylist('?slides=wall,DRUGS&slides= terrorism ', wall).slides, [WALL, DRUGS, TERRORISM]);
  });

  it('leaves out unknown task forces and repeats, and says so', () => {
    const playlist = readPlaylist('?slides=ARSON,DRUGS,drugs,,wall', wall);
    assert.deepEqual(playlist.slides, [DRUGS, WALL]);
    assert.deepEqual(playlist.ignored, ['ARSON (no such task force)', 'DRUGS (already in the list)']);
  });

  it('falls back to the wall when no slide is left', () => {
    assert.deepEqual(readPlaylist('', wall).slides, [WALL]);
    assert.deepEqual(readPlaylist('?slides=ARSON', wall).slides, [WALL]);
  });

  it('gives a task-force leader only its own task forces, and those when nothing else is left', () => {
    const leader = contractFor(leaderCaller('leader-drugs', ['TERRORISM', 'DRUGS']));
    const playlist = readPlaylist('?slides=wall,STOLEN_VEHICLES,TERRORISM', leader);
    assert.deepEqual(playlist.slides, [TERRORISM]);
    assert.deepEqual(playlist.ignored, ['WALL (no wall for leader-drugs)', 'STOLEN_VEHICLES (not open to leader-drugs)']);
    assert.deepEqual(readPlaylist('?slides=wall', leader).slides, [DRUGS, TERRORISM], 'in the contract\'s order');
  });

  it('reads the dwells in seconds, within bounds, an alert\'s never shorter', () => {
    assert.deepEqual(readPlaylist('', wall), { slides: [WALL], dwellMs: 30_000, alertDwellMs: 120_000, ignored: [] });
    assert.equal(readPlaylist('?dwell=12.5', wall).dwellMs, 12_500);
    const bounded = readPlaylist('?dwell=1&alertDwell=99999', wall);
    assert.equal(bounded.dwellMs, 5_000);
    assert.equal(bounded.alertDwellMs, 3_600_000);
    assert.deepEqual(bounded.ignored, ['dwell=1 (bounded to 5 s)', 'alertDwell=99999 (bounded to 3600 s)']);
    const odd = readPlaylist('?dwell=soon&alertDwell=', wall);
    assert.equal(odd.dwellMs, 30_000);
    assert.equal(odd.alertDwellMs, 120_000);
    assert.deepEqual(odd.ignored, ['dwell=soon (not a number of seconds; 30 s)']);
    assert.equal(readPlaylist('?dwell=600', wall).alertDwellMs, 600_000);
  });

  it('shows each slide at the dashboard\'s own address, under its name', () => {
    assert.equal(slideAddress(WALL), './?mode=wall');
    assert.equal(slideAddress(DRUGS), './?taskForce=DRUGS');
    assert.equal(slideName(WALL, wall), 'Wall');
    assert.equal(slideName(TERRORISM, wall), 'Terrorism');
  });
});

describe('where an alert is shown', () => {
  const surge = { id: 'TASK_FORCE:DRUGS:PT1H:SURGE', kind: 'SURGE', taskForce: 'DRUGS' };
  const stalled = { id: 'PIPELINE:PT1H:STALLED', kind: 'STALLED' };

  it('on its task force\'s slide, else on the wall, else nowhere', () => {
    assert.equal(slideForAlert([WALL, TERRORISM, DRUGS], surge), 2);
    assert.equal(slideForAlert([TERRORISM, WALL], surge), 1);
    assert.equal(slideForAlert([TERRORISM, WALL], stalled), 1);
    assert.equal(slideForAlert([TERRORISM], surge), -1);
  });

  it('interrupts once per alert, whichever boards report it, and again when it comes back', () => {
    const watch = createAlertWatch();
    assert.deepEqual(watch.report('wall', [surge]), [surge]);
    assert.deepEqual(watch.report('drugs', [surge]), [], 'the same alert from another board');
    assert.deepEqual(watch.report('wall', [stalled, surge]), [stalled]);
    assert.deepEqual(watch.report('wall', []), []);
    assert.deepEqual(watch.report('drugs', []), []);
    assert.deepEqual(watch.report('drugs', [surge]), [surge], 'ended everywhere, then began again');
  });
});

describe('the rotation', () => {
  let clock;
  let shown;

  beforeEach(() => {
    clock = createFakeClock();
    shown = [];
  });

  function start(slideCount) {
    const rotation = createRotation({
      slideCount, dwellMs: 30_000, alertDwellMs: 120_000, clock, onShow: (slide) => shown.push(slide),
    });
    rotation.start();
    return rotation;
  }

  const indexes = () => shown.map((slide) => slide.index);

  it('turns through the slides, each for its dwell, round and round', () => {
    start(3);
    assert.deepEqual(shown, [{ index: 0, reason: 'rotation', cause: null, durationMs: 30_000 }]);
    clock.advance(29_999);
    assert.deepEqual(indexes(), [0]);
    clock.advance(1);
    assert.deepEqual(indexes(), [0, 1]);
    clock.advance(60_000);
    assert.deepEqual(indexes(), [0, 1, 2, 0]);
    assert.equal(clock.pending(), 1, 'one timer at a time, for days');
  });

  it('jumps to an alert\'s slide, holds it longer, then goes on after the slide it left', () => {
    const rotation = start(4);
    clock.advance(40_000);
    const alert = { id: 'a', kind: 'SURGE' };
    rotation.interrupt(3, alert);
    assert.deepEqual(shown.at(-1), { index: 3, reason: 'alert', cause: alert, durationMs: 120_000 });
    clock.advance(119_999);
    assert.deepEqual(indexes(), [0, 1, 3]);
    clock.advance(1);
    assert.deepEqual(shown.at(-1), { index: 2, reason: 'rotation', cause: null, durationMs: 30_000 });
    assert.equal(clock.pending(), 1);
  });

  it('does not show the alert\'s slide again straight after holding it', () => {
    const rotation = start(3);
    rotation.interrupt(1, { id: 'a' });
    clock.advance(120_000);
    assert.deepEqual(indexes(), [0, 1, 2]);
  });

  it('holds the slide already shown when the alert is on it', () => {
    const rotation = start(3);
    clock.advance(20_000);
    rotation.interrupt(0, { id: 'a' });
    clock.advance(119_000);
    assert.deepEqual(indexes(), [0, 0]);
    clock.advance(1_000);
    assert.deepEqual(indexes(), [0, 0, 1]);
  });

  it('shows alerts that come during a hold in turn, each slide once, then resumes', () => {
    const rotation = start(4);
    rotation.interrupt(2, { id: 'a' });
    rotation.interrupt(3, { id: 'b' });
    rotation.interrupt(2, { id: 'c' });
    rotation.interrupt(3, { id: 'd' });
    assert.deepEqual(indexes(), [0, 2]);
    clock.advance(120_000);
    assert.deepEqual(shown.at(-1), { index: 3, reason: 'alert', cause: { id: 'b' }, durationMs: 120_000 });
    clock.advance(120_000);
    assert.deepEqual(indexes(), [0, 2, 3, 1]);
  });

  it('stays where it is for an alert no slide shows', () => {
    const rotation = start(2);
    rotation.interrupt(-1, { id: 'a' });
    rotation.interrupt(5, { id: 'b' });
    clock.advance(30_000);
    assert.deepEqual(indexes(), [0, 1]);
  });

  it('keeps a single slide on, holding it for an alert', () => {
    const rotation = start(1);
    clock.advance(60_000);
    rotation.interrupt(0, { id: 'a' });
    clock.advance(120_000);
    assert.deepEqual(shown.map((slide) => [slide.index, slide.reason]),
      [[0, 'rotation'], [0, 'rotation'], [0, 'rotation'], [0, 'alert'], [0, 'rotation']]);
  });
});
