// What the page shows, read from its address: the wall (`/`, `/?mode=wall`) or the view of one
// or more task forces (`/?taskForce=DRUGS&taskForce=TERRORISM`, a comma list works too).

export const WALL = 'wall';
export const TASK_FORCE = 'taskForce';

// contract: which task-force codes exist (contract.js).
export function readMode(search, contract) {
  const params = new URLSearchParams(search);
  const requested = params.getAll('taskForce')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter((value) => value !== '');
  const taskForces = [...new Set(requested.filter(contract.isTaskForce))];
  const unknown = [...new Set(requested.filter((code) => !contract.isTaskForce(code)))];
  if (taskForces.length === 0) return { kind: WALL, taskForces: [], minutes: 60, days: 30, unknown };
  return { kind: TASK_FORCE, taskForces, minutes: 180, days: 90, unknown };
}

// The wall takes the server's default subscription as it comes; a task-force view asks for the
// views its panels draw (board.js) and nothing else.
export function subscribeMessage(mode, views) {
  if (mode.kind !== TASK_FORCE) return null;
  return { type: 'subscribe', views, taskForces: mode.taskForces, minutes: mode.minutes, days: mode.days };
}

// Every connection starts with the default snapshot, before the server has read our subscribe.
// A task-force view must not flash the whole center's numbers under its own title, so it only
// takes a snapshot that carries its own task forces.
export function snapshotFitsMode(mode, subscription) {
  if (mode.kind !== TASK_FORCE) return true;
  const served = subscription?.taskForces ?? [];
  return served.length === mode.taskForces.length && mode.taskForces.every((code) => served.includes(code));
}
