import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

// A page may ship 300 KB of JavaScript; uPlot's minified build takes about 50 KB of it, and ours
// (commented source, never minified) is held to 175 KB: the center's calendar and the wall's count
// axes took it past the 150 KB it had been held to, and the rest stays for what a wall still needs.
// What counts is what a page loads: its module and everything that module
// imports, followed statically (the wall does not pay for the report's code, nor the report for the map).
const APP_BUDGET_BYTES = 175 * 1024;
const web = fileURLToPath(new URL('..', import.meta.url));
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm;

function loadedFrom(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const [, specifier] of source.matchAll(IMPORT)) loadedFrom(join(dirname(entry), specifier), seen);
  return seen;
}

for (const page of ['index.html', 'report.html', 'playlist.html']) {
  it(`keeps the JavaScript ${page} loads under 175 KB`, () => {
    const html = readFileSync(join(web, page), 'utf8');
    const modules = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => join(web, match[1]));
    assert.ok(modules.length > 0, `${page} loads no module`);
    const files = new Set(modules.flatMap((module) => [...loadedFrom(module)]));
    const bytes = [...files].reduce((sum, path) => sum + statSync(path).size, 0);
    assert.ok(bytes < APP_BUDGET_BYTES, `${page} loads ${bytes} bytes of JavaScript in ${files.size} modules`);
  });
}

it('loads the minified uPlot build, not the 140 KB one', () => {
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(scripts, ['webjars/uplot/1.6.30/dist/uPlot.iife.min.js', 'app/main.js']);
});
