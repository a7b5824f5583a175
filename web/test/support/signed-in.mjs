// The contract's caller and signIn fields, as GET api/v1/contract gives them to a signed-in page.
export const SIGN_IN = { provider: 'http://localhost:8180/realms/exchange-pulse', signOut: '/logout' };

export const ALL_VIEWS = ['crimeAreas', 'flows', 'operations', 'totals', 'trendDays', 'trendMinutes', 'yearly'];
// yearly and flows have no task-force dimension: a leader does not get them.
export const TASK_FORCE_VIEWS = ['crimeAreas', 'operations', 'totals', 'trendDays', 'trendMinutes'];

// The whole center (the wall, an analyst, an administrator) sees every task force and view.
export function wallCaller(taskForces) {
  return { name: 'wall', roles: ['wall'], wholeCenter: true, taskForces, views: ALL_VIEWS };
}

export function leaderCaller(name, taskForces) {
  return { name, roles: ['task-force-leader'], wholeCenter: false, taskForces, views: TASK_FORCE_VIEWS };
}
