// Replays what the real server said: transcripts of /live recorded by the Java test
// LiveTranscriptTest, each with the contract served alongside. Merging every message but the last
// by the contract's rules must give what the last one, a fresh snapshot, says; so the page and the
// server agree on the protocol, not only each on its own idea of it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { activeAlerts, describeAlert, windowName } from '../app/alerts.js';
import { layoutViews } from '../app/board.js';
import { createContract } from '../app/contract.js';
import { WALL, readMode, snapshotFitsMode, subscribeMessage } from '../app/mode.js';
import { SEED_LAST_YEAR, crimeAreaRows, flowMatrix, operationsBoard, trendSeries, yearlyTable } from '../app/selectors.js';
import { applyDelta, applySnapshot, emptyState, rowKey } from '../app/state.js';
import { stepIndex, stepMilliseconds, stepStarts, trendLength } from '../app/trend.js';
import { SIGN_IN, wallCaller } from './support/signed-in.mjs';

const directory = process.env.EXCHANGEPULSE_TRANSCRIPTS;
const MESSAGE_TYPES = ['snapshot', 'delta', 'heartbeat', 'error'];

if (!directory) {
  it('replays recorded transcripts', { skip: 'transcripts are recorded by the Java test LiveTranscriptTest; run ./mvnw test' }, () => {});
} else {
  const files = existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.json')).sort() : [];
  it('finds the recorded transcripts', () => {
    assert.ok(files.length > 0, `no *.json transcript in ${directory}`);
  });
  for (const file of files) describeTranscript(file, JSON.parse(readFileSync(join(directory, file), 'utf8')));
}

function describeTranscript(file, transcript) {
  describe(`transcript ${transcript.name} (${file})`, () => {
    const contract = createContract(signedIn(transcript.contract));
    const { messages } = transcript;
    const resync = messages.at(-1);

    it('is made of protocol messages, from a first snapshot to a last one', () => {
      assert.ok(messages.length >= 2, 'a snapshot, then at least the resync snapshot');
      assert.equal(messages[0].type, 'snapshot');
      assert.equal(resync.type, 'snapshot');
      for (const [index, message] of messages.entries()) {
        assert.ok(MESSAGE_TYPES.includes(message.type), `message ${index}: type ${message.type}`);
        assert.ok(Number.isInteger(message.seq), `message ${index}: seq ${message.seq}`);
        assert.ok(Number.isFinite(Date.parse(message.serverTime)), `message ${index}: serverTime ${message.serverTime}`);
      }
    });

    it('numbers its messages without a gap; only a snapshot may start again from 1', () => {
      assert.equal(messages[0].seq, 1);
      for (let index = 1; index < messages.length; index += 1) {
        const message = messages[index];
        if (message.type === 'snapshot' && message.seq === 1) continue;
        assert.equal(message.seq, messages[index - 1].seq + 1, `message ${index} (${message.type})`);
      }
    });

    it('names only views the contract knows', () => {
      const known = new Set(contract.views.map((view) => view.name));
      for (const [index, message] of messages.entries()) {
        const names = Object.keys(message.views ?? message.changes ?? {});
        assert.deepEqual(names.filter((name) => !known.has(name)), [], `message ${index} (${message.type})`);
      }
    });

    it('merges its deltas into what the fresh snapshot says', () => {
      const merged = replay(messages.slice(0, -1), contract);
      assert.deepEqual(Object.keys(merged.views).sort(), Object.keys(resync.views).sort());
      for (const [name, expected] of Object.entries(resync.views)) {
        const view = contract.views.find((candidate) => candidate.name === name);
        assert.ok(view, `${name}: not in the contract`);
        const actual = merged.views[name];
        if (view.merge === 'rows' || view.merge === 'matrix') assertSameRows(actual, expected, rowKey(view.key), name);
        else if (view.merge === 'trend') assertSameTrend(actual, expected, name);
        else assert.deepEqual(actual, expected, name);
      }
    });

    it('ends with a snapshot the page takes as that of its own subscription', () => {
      const served = resync.subscription;
      const address = served.taskForces.map((code) => `taskForce=${code}`).join('&');
      const mode = readMode(`?${address}`, contract);
      assert.equal(snapshotFitsMode(mode, served), true, JSON.stringify(served));
      const views = layoutViews(mode);
      if (mode.kind === WALL) {
        assert.deepEqual(views.filter((name) => !served.views.includes(name)), [], 'the wall draws only views it is sent');
      } else {
        const asked = subscribeMessage(mode, views);
        assert.deepEqual([...asked.views].sort(), served.views, 'the views the page asks for');
        assert.deepEqual(asked.taskForces, served.taskForces, 'the task forces the page asks for');
      }
    });

    it('gives the selectors what they need', () => {
      const { views, subscription } = replay(messages.slice(0, -1), contract);
      const taskForces = subscription?.taskForces ?? [];
      const currentYear = Number(views.totals?.date?.slice(0, 4)) || new Date(resync.serverTime).getUTCFullYear();
      if (views.totals) checkTotals(views.totals);
      if (views.alerts) checkAlerts(contract, views.alerts);
      if (views.yearly) checkYearly(views.yearly, currentYear);
      if (views.crimeAreas) checkCrimeAreas(contract, views.crimeAreas, taskForces);
      if (views.flows) checkFlows(contract, transcript.contract.parties, views.flows);
      if (views.operations) checkOperations(contract, transcript.contract.operationStatuses, views.operations, taskForces);
      for (const name of ['trendMinutes', 'trendDays']) {
        if (views[name]) checkTrend(contract, views[name], taskForces, name);
      }
    });
  });
}

// A recording made before the contract named its caller replays as the wall's; the caller and
// signIn the server wrote are taken as they are.
function signedIn(json) {
  const caller = { ...wallCaller(json.taskForces.map((taskForce) => taskForce.code)), views: json.views.map((view) => view.name) };
  return { caller, signIn: SIGN_IN, ...json };
}

// As main.js does: a snapshot replaces the state, a delta merges into it, the rest carries no data.
function replay(messages, contract) {
  let state = emptyState();
  for (const message of messages) {
    if (message.type === 'snapshot') state = applySnapshot(message);
    else if (message.type === 'delta') state = applyDelta(state, message, contract.views).state;
  }
  return state;
}

// A rows view is a set: deltas append new keys, so the order may differ from a snapshot's.
function assertSameRows(actual, expected, keyOf, name) {
  const byKey = (rows) => Object.fromEntries(rows.map((row) => [keyOf(row), row]));
  assert.equal(Object.keys(byKey(expected)).length, expected.length, `${name}: the snapshot repeats a key`);
  assert.equal(Object.keys(byKey(actual)).length, actual.length, `${name}: the merge repeats a key`);
  assert.deepEqual(byKey(actual), byKey(expected), name);
}

// The window may have moved on by a step between the last delta and the resync: the counts must
// agree wherever both windows reach.
function assertSameTrend(actual, expected, name) {
  assert.equal(actual.step, expected.step, `${name}: step`);
  const taskForces = [...new Set([...actual.series, ...expected.series].map((entry) => entry.taskForce))];
  const common = stepStarts(actual)
    .map((milliseconds) => new Date(milliseconds).toISOString())
    .filter((time) => stepIndex(expected, time) >= 0 && stepIndex(expected, time) < trendLength(expected));
  assert.ok(common.length > 0, `${name}: the windows ${actual.from}..${actual.to} and ${expected.from}..${expected.to} do not overlap`);
  const countsOf = (trend) => Object.fromEntries(taskForces.map((taskForce) => {
    const counts = trend.series.find((entry) => entry.taskForce === taskForce)?.counts ?? [];
    return [taskForce, common.map((time) => [time, counts[stepIndex(trend, time)] ?? 0])];
  }));
  assert.deepEqual(countsOf(actual), countsOf(expected), name);
}

function assertCount(value, what) {
  assert.ok(Number.isInteger(value) && value >= 0, `${what}: ${value} is not a count`);
}

function checkTotals(totals) {
  assert.ok(Number.isFinite(Date.parse(totals.date)), `totals.date ${totals.date}`);
  for (const field of ['today', 'sameDayLastYear', 'thisYear', 'lastYearToDate']) assertCount(totals[field], `totals.${field}`);
}

// A recording from before alerts has none, and replays as before (its contract names no such view).
function checkAlerts(contract, alerts) {
  assert.equal(contract.views.find((view) => view.name === 'alerts')?.merge, 'whole', 'alerts: each delta is the whole list');
  assert.equal(activeAlerts(alerts).length, alerts.length, 'alerts: every one active, with an id');
  for (const alert of alerts) {
    assert.ok(['SURGE', 'LULL', 'STALLED'].includes(alert.kind), `${alert.id}: kind ${alert.kind}`);
    assert.ok(Number.isFinite(Date.parse(alert.startedAt)), `${alert.id}: startedAt ${alert.startedAt}`);
    if (alert.subject === 'PIPELINE') continue;
    assert.ok(contract.isTaskForce(alert.taskForce), `${alert.id}: task force ${alert.taskForce}`);
    assert.ok(windowName(alert.window), `${alert.id}: window ${alert.window}`);
    const known = alert.subject === 'TASK_FORCE' ? contract.isTaskForce(alert.code) : contract.crimeAreas.some((area) => area.code === alert.code);
    assert.ok(known, `${alert.id}: ${alert.subject} ${alert.code}`);
    assert.notEqual(describeAlert(alert, contract).subject, alert.code, `${alert.id}: named from the contract`);
  }
}

function checkYearly(rows, currentYear) {
  const table = yearlyTable(rows, currentYear);
  const years = table.rows.map((row) => row.year);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), 'years ascending');
  assert.equal(new Set(years).size, years.length, 'each year once');
  for (const row of rows.filter((candidate) => candidate.year <= SEED_LAST_YEAR)) assert.ok(years.includes(row.year), `seed year ${row.year} shown`);
  for (const row of table.rows) {
    for (const column of table.columns) assertCount(row[column.key] ?? 0, `yearly ${row.year} ${column.key}`);
  }
  assert.ok(table.rows.filter((row) => row.live).every((row) => row.year === currentYear), 'only the current year is live');
}

function checkCrimeAreas(contract, rows, taskForces) {
  const { rows: shown, maxRequests, maxInformation } = crimeAreaRows(contract, rows, taskForces);
  const expected = contract.crimeAreas.filter((area) => taskForces.length === 0 || taskForces.includes(area.taskForce));
  assert.deepEqual(shown.map((row) => row.code), expected.map((area) => area.code), 'every crime area of the contract, and no other');
  // The server sends every area of the followed task forces, zeros included.
  assert.deepEqual(rows.map((row) => row.crimeArea).sort(), expected.map((area) => area.code).sort(), 'the server\'s crime areas');
  for (const row of rows) {
    const area = contract.crimeAreas.find((candidate) => candidate.code === row.crimeArea);
    assert.equal(row.taskForce, area.taskForce, `${row.crimeArea}: its task force`);
  }
  for (const row of shown) {
    assertCount(row.requests, `${row.code} requests`);
    assertCount(row.information, `${row.code} information`);
  }
  assertCount(maxRequests, 'most requests');
  assertCount(maxInformation, 'most information');
}

function checkFlows(contract, parties, flows) {
  const matrix = flowMatrix(contract, flows);
  const known = new Set(parties.map((party) => party.code));
  assert.deepEqual(matrix.parties.filter((code) => !known.has(code)), [], 'every party in the contract');
  let total = 0;
  for (const from of matrix.parties) {
    for (const to of matrix.parties) {
      const count = matrix.countOf(from, to);
      assertCount(count, `${from}>${to}`);
      if (count > 0) assert.ok(contract.isMember(from) || contract.isMember(to), `${from}>${to}: a member on one side`);
      total += count;
    }
  }
  assert.equal(matrix.total, total);
  assertCount(matrix.max, 'largest flow');
}

function checkOperations(contract, statuses, operations, taskForces) {
  const board = operationsBoard(operations, taskForces);
  assert.equal(new Set(board.map((operation) => operation.id)).size, board.length, 'each operation once');
  const rank = (operation) => statuses.findIndex((status) => status.code === operation.status);
  for (const [index, operation] of board.entries()) {
    assert.ok(contract.operationStatusName(operation.status), `${operation.id}: status ${operation.status}`);
    assert.ok(!operation.kind || contract.operationKindName(operation.kind), `${operation.id}: kind ${operation.kind}`);
    assert.ok(!operation.taskForce || contract.isTaskForce(operation.taskForce), `${operation.id}: task force ${operation.taskForce}`);
    assertCount(operation.arrests ?? 0, `${operation.id}: arrests`);
    if (index > 0) assert.ok(rank(board[index - 1]) <= rank(operation), `${operation.id}: in the contract's status order`);
  }
}

function checkTrend(contract, trend, taskForces, name) {
  const { xs, series } = trendSeries(contract, trend, taskForces);
  assert.ok(xs.length > 0 && xs.length === trendLength(trend), `${name}: one x per step`);
  const stepSeconds = stepMilliseconds(trend.step) / 1000;
  // A day step is the center's day: 23 or 25 hours on the days summer time changes.
  const apart = stepSeconds === 86_400 ? [82_800, 86_400, 90_000] : [stepSeconds];
  assert.ok(xs.every((x, index) => Number.isFinite(x) && (index === 0 || apart.includes(x - xs[index - 1]))), `${name}: x a step apart`);
  const codes = contract.taskForces.map((taskForce) => taskForce.code).filter((code) => taskForces.length === 0 || taskForces.includes(code));
  assert.deepEqual(series.map((entry) => entry.taskForce), codes, `${name}: a series per task force`);
  assert.deepEqual(trend.series.map((entry) => entry.taskForce).filter((code) => !contract.isTaskForce(code)), [], `${name}: task forces of the contract`);
  for (const entry of series) {
    entry.counts.forEach((count, index) => assertCount(count, `${name} ${entry.taskForce}[${index}]`));
    assertCount(entry.sum, `${name} ${entry.taskForce} sum`);
  }
}
