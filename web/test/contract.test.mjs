import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createBackoff } from '../app/backoff.js';
import { createContract, loadContract } from '../app/contract.js';
import { CONNECTING } from '../app/live-client.js';
import { createFakeClock } from './support/fake-clock.mjs';
import { SIGN_IN, leaderCaller } from './support/signed-in.mjs';

// A few entries of each list, in display order, as GET api/v1/contract gives them.
const CONTRACT = {
  taskForces: [
    { code: 'DRUGS', name: 'Drug trafficking' },
    { code: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', name: 'Human trafficking & illegal immigration' },
    { code: 'TERRORISM', name: 'Terrorism' },
  ],
  crimeAreas: [
    { code: 'HUMAN_TRAFFICKING', name: 'Human trafficking (THB)', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
    { code: 'DRUG_TRAFFICKING', name: 'Drug trafficking', taskForce: 'DRUGS' },
    { code: 'TERRORISM', name: 'Terrorism', taskForce: 'TERRORISM' },
  ],
  parties: [
    { code: 'RO', name: 'Romania', role: 'MEMBER' },
    { code: 'BG', name: 'Bulgaria', role: 'MEMBER' },
    { code: 'GE', name: 'Georgia', role: 'APPLICANT' },
    { code: 'AT', name: 'Austria', role: 'OBSERVER' },
    { code: 'INTERPOL', name: 'Interpol', role: 'ORGANISATION' },
  ],
  operationStatuses: [{ code: 'OPEN', name: 'Open' }, { code: 'ACTION_TAKEN', name: 'Action taken' }, { code: 'CLOSED', name: 'Closed' }],
  operationKinds: [{ code: 'JOINT_INVESTIGATION', name: 'Joint investigation' }, { code: 'REGIONAL_OPERATION', name: 'Regional operation' }],
  seizures: [{ code: 'VEHICLES', name: 'vehicles' }, { code: 'CASH', name: 'cash' }],
  views: [
    { name: 'flows', merge: 'matrix', key: ['from', 'to'], value: 'count' },
    { name: 'totals', merge: 'fields' },
    { name: 'trendMinutes', merge: 'trend', step: 'PT1M' },
  ],
  caller: leaderCaller('leader-drugs', ['DRUGS']),
  signIn: SIGN_IN,
};

describe('contract', () => {
  const contract = createContract(CONTRACT);

  it('keeps the task forces and crime areas in their order and finds them by code', () => {
    assert.deepEqual(contract.taskForces.map((taskForce) => taskForce.code), ['DRUGS', 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', 'TERRORISM']);
    assert.deepEqual(contract.taskForce('TERRORISM'), { code: 'TERRORISM', name: 'Terrorism' });
    assert.equal(contract.taskForce('ARSON'), null);
    assert.equal(contract.taskForce(null), null);
    assert.equal(contract.isTaskForce('DRUGS'), true);
    assert.equal(contract.isTaskForce('ARSON'), false);
    assert.deepEqual(contract.crimeAreas.map((area) => [area.code, area.taskForce]),
      [['HUMAN_TRAFFICKING', 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION'], ['DRUG_TRAFFICKING', 'DRUGS'], ['TERRORISM', 'TERRORISM']]);
    assert.equal(contract.views, CONTRACT.views);
  });

  it('names the operation statuses, kinds and seizures, and knows when it cannot', () => {
    assert.equal(contract.operationStatusName('ACTION_TAKEN'), 'Action taken');
    assert.equal(contract.operationKindName('REGIONAL_OPERATION'), 'Regional operation');
    assert.equal(contract.seizureName('CASH'), 'cash');
    assert.equal(contract.operationStatusName('SUSPENDED'), null);
    assert.equal(contract.operationKindName(null), null);
    assert.equal(contract.seizureName('ART'), null);
  });

  it('tells members from the other parties', () => {
    assert.equal(contract.isMember('RO'), true);
    assert.equal(contract.isMember('GE'), false);
    assert.equal(contract.isMember('INTERPOL'), false);
    assert.equal(contract.isMember('XX'), false);
  });

  it('orders parties as the contract lists them, unknown ones last and alphabetically', () => {
    const codes = ['ZZ', 'INTERPOL', 'AT', 'BG', 'AA', 'GE', 'RO'];
    assert.deepEqual([...codes].sort(contract.compareParties), ['RO', 'BG', 'GE', 'AT', 'INTERPOL', 'AA', 'ZZ']);
    assert.equal(contract.compareParties('RO', 'RO'), 0);
  });

  it('refuses a contract it cannot work with', () => {
    assert.throws(() => createContract(null), /no taskForces list/);
    assert.throws(() => createContract({ ...CONTRACT, parties: undefined }), /no parties list/);
    assert.throws(() => createContract({ ...CONTRACT, views: [{ name: 'flows', merge: 'rows' }] }), /rows view flows has no key/);
    assert.throws(() => createContract({ ...CONTRACT, views: [{ name: 'trendDays', merge: 'trend' }] }), /trend view trendDays has no step/);
    assert.throws(() => createContract({ ...CONTRACT, views: [{ name: 'flows', merge: 'matrix', key: ['from', 'to'] }] }),
      /matrix view flows needs two key fields and a value field/);
    assert.throws(() => createContract({ ...CONTRACT, views: [{ name: 'flows', merge: 'matrix', key: ['from'], value: 'count' }] }),
      /matrix view flows needs two key fields/);
    assert.throws(() => createContract({ ...CONTRACT, caller: undefined }), /names no caller/);
    assert.throws(() => createContract({ ...CONTRACT, caller: { ...CONTRACT.caller, views: null } }), /names no caller/);
    assert.throws(() => createContract({ ...CONTRACT, signIn: { signOut: '/logout' } }), /has no signIn/);
  });

  it('says who is signed in, what they may see, and where sign-in happens', () => {
    assert.deepEqual(contract.caller, CONTRACT.caller);
    assert.deepEqual(contract.signIn, { provider: 'http://localhost:8180/realms/exchange-pulse', signOut: '/logout' });
  });

  it('passes on how long each trend step is kept, and nothing from a service that does not say', () => {
    const kept = { PT1M: 'P35D', PT1H: 'P400D', P1D: 'forever' };
    assert.deepEqual(createContract({ ...CONTRACT, kept }).kept, kept);
    assert.equal(contract.kept, undefined);
  });
});

// Lets the awaits inside loadContract run.
const settle = () => new Promise((resolve) => { setImmediate(resolve); });

const silentLog = { warn() {} };
const ok = (json) => ({ ok: true, status: 200, json: async () => json });

describe('loading the contract', () => {
  let clock;
  let requests;
  let statuses;
  let answers;

  // Each request takes the next answer: a response, an error to throw, or 'hang' (until aborted).
  function load() {
    return loadContract({
      url: 'http://test/api/v1/contract',
      fetch: (url, init) => {
        requests.push({ url, init });
        const answer = answers.shift();
        if (answer === 'hang') {
          return new Promise((_resolve, reject) => {
            init.signal.addEventListener('abort', () => reject(new Error('aborted')));
          });
        }
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
      clock,
      // random() = 1 makes every backoff delay its ceiling, so the waits are predictable.
      backoff: createBackoff({ random: () => 1 }),
      onStatus: (status) => statuses.push(status),
      log: silentLog,
    });
  }

  beforeEach(() => {
    clock = createFakeClock();
    requests = [];
    statuses = [];
    answers = [];
  });

  it('says connecting and asks once for JSON when the service answers', async () => {
    answers = [ok(CONTRACT)];
    const contract = await load();
    assert.equal(contract.taskForce('DRUGS').name, 'Drug trafficking');
    assert.deepEqual(statuses, [{ state: CONNECTING, retryAt: null }]);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].url, 'http://test/api/v1/contract');
    assert.equal(requests[0].init.headers.Accept, 'application/json');
    assert.equal(clock.pending(), 0, 'no timer left behind');
  });

  it('tries again with backoff until the service answers', async () => {
    answers = [new TypeError('Failed to fetch'), { ok: false, status: 503 }, ok({ ...CONTRACT, views: undefined }), ok(CONTRACT)];
    let loaded = null;
    load().then((contract) => { loaded = contract; });
    await settle();
    assert.equal(requests.length, 1);
    assert.deepEqual(statuses.at(-1), { state: CONNECTING, retryAt: 500 });

    clock.advance(499);
    await settle();
    assert.equal(requests.length, 1, 'waits out the backoff');
    clock.advance(1);
    await settle();
    assert.equal(requests.length, 2);
    assert.deepEqual(statuses.at(-1), { state: CONNECTING, retryAt: 1500 }, 'an error status is a failure too');

    clock.advance(1000);
    await settle();
    assert.equal(requests.length, 3);
    assert.deepEqual(statuses.at(-1), { state: CONNECTING, retryAt: 3500 }, 'so is a contract it cannot use');
    assert.equal(loaded, null);

    clock.advance(2000);
    await settle();
    assert.equal(requests.length, 4);
    assert.deepEqual(loaded.taskForces, CONTRACT.taskForces);
    assert.equal(statuses.length, 4);
    assert.equal(clock.pending(), 0);
  });

  it('gives up on a request that hangs after 10 s and tries again', async () => {
    answers = ['hang', ok(CONTRACT)];
    const loading = load();
    await settle();
    clock.advance(9_999);
    await settle();
    assert.equal(requests[0].init.signal.aborted, false);
    clock.advance(1);
    await settle();
    assert.equal(requests[0].init.signal.aborted, true);
    assert.deepEqual(statuses.at(-1), { state: CONNECTING, retryAt: 10_500 });
    clock.advance(500);
    assert.deepEqual((await loading).taskForces, CONTRACT.taskForces);
    assert.equal(requests.length, 2);
  });
});
