// What the server and the page agree on, served by GET api/v1/contract: the task forces, crime
// areas, parties and operation vocabularies in display order, how each live view merges, who is
// signed in and what they may see, where sign-in happens, and how long past counts are kept.
// The page loads it once, before anything else: every code it shows is named from here.
import { createBackoff } from './backoff.js';
import { CONNECTING, systemClock } from './live-client.js';

const LISTS = ['taskForces', 'crimeAreas', 'parties', 'operationStatuses', 'operationKinds', 'seizures', 'views'];

// Throws on a shape the page cannot work with, so that loading tries again rather than
// drawing a board from half a contract.
export function createContract(json) {
  for (const list of LISTS) {
    if (!Array.isArray(json?.[list])) throw new Error(`the contract has no ${list} list`);
  }
  for (const view of json.views) {
    if (view.merge === 'rows' && !Array.isArray(view.key)) throw new Error(`the rows view ${view.name} has no key`);
    if (view.merge === 'matrix' && (!Array.isArray(view.key) || view.key.length !== 2 || typeof view.value !== 'string')) {
      throw new Error(`the matrix view ${view.name} needs two key fields and a value field`);
    }
    if (view.merge === 'trend' && typeof view.step !== 'string') throw new Error(`the trend view ${view.name} has no step`);
  }
  // Without knowing whose screen this is, the page cannot tell what it may subscribe to.
  const { caller, signIn } = json;
  if (typeof caller?.name !== 'string' || typeof caller.wholeCenter !== 'boolean'
    || !Array.isArray(caller.taskForces) || !Array.isArray(caller.views)) throw new Error('the contract names no caller');
  if (typeof signIn?.provider !== 'string' || typeof signIn.signOut !== 'string') throw new Error('the contract has no signIn');
  const taskForceByCode = byCode(json.taskForces);
  const partyRank = new Map(json.parties.map((party, index) => [party.code, index]));
  const members = new Set(json.parties.filter((party) => party.role === 'MEMBER').map((party) => party.code));
  const statusNames = namesByCode(json.operationStatuses);
  const kindNames = namesByCode(json.operationKinds);
  const seizureNames = namesByCode(json.seizures);
  // Absent from a service from before alerts were in the contract: its kinds show by their codes.
  const alertKindNames = namesByCode(json.alertKinds ?? []);

  return {
    taskForces: json.taskForces,
    crimeAreas: json.crimeAreas,
    views: json.views,
    // {name, roles, wholeCenter, taskForces, views}: the task forces and live view names they may see.
    caller,
    // {provider, signOut}: the OpenID Connect provider's URL, and the page's sign-out address.
    signIn,
    // {step: ISO-8601 duration or 'forever'}: how long each trend step's counts are kept (history.js
    // reads it); undefined from a service from before retention, which keeps everything.
    kept: json.kept,
    // The center's IANA time zone, whose days, months and years the counts follow (center-time.js);
    // undefined from a service from before zones, which counted in UTC.
    zone: json.zone,
    taskForce: (code) => taskForceByCode.get(code) ?? null,
    isTaskForce: (code) => taskForceByCode.has(code),
    // Unknown codes sort after every known party, alphabetically, so a new party still shows.
    compareParties(a, b) {
      const rankA = partyRank.get(a) ?? Number.MAX_SAFE_INTEGER;
      const rankB = partyRank.get(b) ?? Number.MAX_SAFE_INTEGER;
      return rankA - rankB || a.localeCompare(b);
    },
    isMember: (code) => members.has(code),
    operationStatusName: (code) => statusNames.get(code) ?? null,
    operationKindName: (code) => kindNames.get(code) ?? null,
    seizureName: (code) => seizureNames.get(code) ?? null,
    alertKindName: (code) => alertKindNames.get(code) ?? null,
  };
}

function byCode(entries) {
  return new Map(entries.map((entry) => [entry.code, entry]));
}

function namesByCode(entries) {
  return new Map(entries.map((entry) => [entry.code, entry.name]));
}

/**
 * Fetches the contract until it comes: a wall nobody touches must get over a service that is
 * still starting, or restarting, by itself.
 *
 * @param options.url       the contract's address
 * @param options.fetch     the Fetch API's fetch
 * @param options.onStatus  ({state, retryAt}) before the first try and after each failure
 * @returns a promise of the contract (createContract); it never rejects
 */
export function loadContract({
  url,
  fetch = (...args) => globalThis.fetch(...args),
  clock = systemClock,
  backoff = createBackoff(),
  onStatus = () => {},
  // A request the service never answers would otherwise hold the page on "Connecting" for good.
  timeoutMs = 10_000,
  log = console,
}) {
  return new Promise((resolve) => {
    async function attempt() {
      const controller = new AbortController();
      const timer = clock.setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        resolve(createContract(await response.json()));
      } catch (error) {
        const delay = backoff.nextDelay();
        log.warn(`contract: cannot load it (${error.message}); trying again in ${Math.ceil(delay)} ms`);
        onStatus({ state: CONNECTING, retryAt: clock.now() + delay });
        clock.setTimeout(attempt, delay);
      } finally {
        clock.clearTimeout(timer);
      }
    }
    onStatus({ state: CONNECTING, retryAt: null });
    attempt();
  });
}
