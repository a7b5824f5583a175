// What the page shows, read from its address and from who is signed in. The whole center's
// viewers (wall, analysts, administrators) get the wall (`/`, `/?mode=wall`) or the view of one or
// more task forces (`/?taskForce=DRUGS&taskForce=TERRORISM`, a comma list works too). A task-force
// leader always gets the task-force view, of their own task forces only: the server refuses a
// subscription to anything else.

export const WALL = 'wall';
export const TASK_FORCE = 'taskForce';

// contract: which task-force codes exist, and what the caller may see (contract.js).
export function readMode(search, contract) {
  const { caller } = contract;
  const params = new URLSearchParams(search);
  const requested = params.getAll('taskForce')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter((value) => value !== '');
  const known = [...new Set(requested.filter(contract.isTaskForce))];
  const unknown = [...new Set(requested.filter((code) => !contract.isTaskForce(code)))];
  const allowed = known.filter((code) => caller.taskForces.includes(code));
  const refused = known.filter((code) => !caller.taskForces.includes(code));
  const shown = { views: caller.views, unknown, refused };
  if (caller.wholeCenter) {
    if (allowed.length === 0) return { kind: WALL, taskForces: [], minutes: 60, days: 30, ...shown };
    return { kind: TASK_FORCE, taskForces: allowed, minutes: 180, days: 90, ...shown };
  }
  // The caller's own, in the contract's display order, unless the address picks some of them.
  const own = contract.taskForces.map((taskForce) => taskForce.code).filter((code) => caller.taskForces.includes(code));
  return { kind: TASK_FORCE, taskForces: allowed.length ? allowed : own, minutes: 180, days: 90, ...shown };
}

// The wall takes the server's default subscription as it comes; a task-force view asks for the
// views its panels draw (board.js, only views the caller may follow) and nothing else.
export function subscribeMessage(mode, views) {
  if (mode.kind !== TASK_FORCE) return null;
  return { type: 'subscribe', views, taskForces: mode.taskForces, minutes: mode.minutes, days: mode.days };
}

// Every connection starts with the default snapshot, before the server has read our subscribe: the
// whole center's, or for a leader their own task forces over the wall's short trends. A task-force
// view must not flash other numbers under its own title, so it only takes a snapshot that carries
// its own task forces and trend lengths.
export function snapshotFitsMode(mode, subscription) {
  if (mode.kind !== TASK_FORCE) return true;
  const served = subscription?.taskForces ?? [];
  return served.length === mode.taskForces.length && mode.taskForces.every((code) => served.includes(code))
    && subscription?.minutes === mode.minutes && subscription?.days === mode.days;
}
