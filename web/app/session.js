// The sign-in session, kept alive without a person: the page is signed in by a session cookie whose
// access token expires now and then. Any same-origin request renews it while the provider's refresh
// token lives; once that is gone, only a full page load can sign in again, through the provider.
// fetch, reload and the clock are parameters so that all of it runs in Node tests.
import { createBackoff } from './backoff.js';
import { RECONNECTING, SIGNING_IN, systemClock } from './live-client.js';

// Quarkus answers a request marked as the page's own script with 499, not a redirect to the
// provider's sign-in page, when the session cannot be renewed (java-script-auto-redirect=false).
const SESSION_GONE = 499;
const UNAUTHORIZED = 401;

/**
 * @param options.url       a same-origin address only a signed-in caller gets (the contract)
 * @param options.provider  the OpenID Connect provider's URL (contract signIn.provider)
 * @param options.fetch     the Fetch API's fetch
 * @param options.reload    () reloads the page (location.reload)
 * @param options.onStatus  ({state, retryAt}) while the session is not good and it is waiting
 * @returns {renew}: renew() -> a promise resolved once the session is good; it never rejects, and
 *          never resolves once the session is gone, as the page reloads instead
 */
export function createSession({
  url,
  provider,
  fetch = (...args) => globalThis.fetch(...args),
  reload,
  clock = systemClock,
  backoff = createBackoff(),
  providerBackoff = createBackoff(),
  onStatus = () => {},
  // A request nobody answers must not hold the wall for good.
  timeoutMs = 10_000,
  log = console,
}) {
  const discovery = `${provider.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let renewing = null;

  async function fetchWithin(address, init) {
    const controller = new AbortController();
    const timer = clock.setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetch(address, { ...init, signal: controller.signal });
    } finally {
      clock.clearTimeout(timer);
    }
  }

  async function attempt(resolve) {
    let failure;
    try {
      const response = await fetchWithin(url, {
        headers: { 'X-Requested-With': 'JavaScript', Accept: 'application/json' },
        // A redirect is to the provider's sign-in page: a sign of the session gone, not a page to fetch.
        redirect: 'manual',
        credentials: 'same-origin',
        // An answer from the browser's cache would renew nothing.
        cache: 'no-store',
      });
      if (response.ok) {
        backoff.reset();
        resolve();
        return;
      }
      if (response.type === 'opaqueredirect' || response.status === SESSION_GONE || response.status === UNAUTHORIZED) {
        log.warn('session: it cannot be renewed; signing in again once the provider answers');
        onStatus({ state: SIGNING_IN, retryAt: null });
        probeProvider();
        return;
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = error.message;
    }
    // Our own service is away or unwell: the session may be fine, so ask again later.
    const delay = backoff.nextDelay();
    log.warn(`session: cannot renew it (${failure}); trying again in ${Math.ceil(delay)} ms`);
    onStatus({ state: RECONNECTING, retryAt: clock.now() + delay });
    clock.setTimeout(() => attempt(resolve), delay);
  }

  // A reload while the provider is down would leave the wall on the browser's error page, which
  // nobody is there to reload: wait until the provider answers at all (no-cors: any answer resolves,
  // only a network failure rejects), then reload, and sign in through it.
  async function probeProvider() {
    try {
      await fetchWithin(discovery, { mode: 'no-cors', cache: 'no-store' });
    } catch (error) {
      const delay = providerBackoff.nextDelay();
      log.warn(`session: the provider does not answer (${error.message}); asking again in ${Math.ceil(delay)} ms`);
      onStatus({ state: SIGNING_IN, retryAt: clock.now() + delay });
      clock.setTimeout(probeProvider, delay);
      return;
    }
    reload();
  }

  return {
    // Callers that ask while a renewal is under way share it: one request, not one per caller.
    renew() {
      renewing ??= new Promise(attempt).finally(() => {
        renewing = null;
      });
      return renewing;
    },
  };
}
