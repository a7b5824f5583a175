import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The whole page may ship 300 KB of JavaScript; uPlot's minified build takes about 50 KB of it,
// and ours is held to half the budget.
const APP_BUDGET_BYTES = 150 * 1024;
const web = fileURLToPath(new URL('..', import.meta.url));

function scriptsUnder(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return scriptsUnder(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

it('keeps web/app JavaScript under 150 KB', () => {
  const bytes = scriptsUnder(join(web, 'app')).reduce((sum, path) => sum + statSync(path).size, 0);
  assert.ok(bytes > 0);
  assert.ok(bytes < APP_BUDGET_BYTES, `web/app holds ${bytes} bytes of JavaScript`);
});

it('loads the minified uPlot build, not the 140 KB one', () => {
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(scripts, ['webjars/uplot/1.6.30/dist/uPlot.iife.min.js', 'app/main.js']);
});
