/**
 * The README's "Small" line and the performance guide state the drop-in file's and its stylesheet's gzip bytes. They
 * drifted before (the stylesheet was quoted at 2,251 B when it had grown to 2,488), so they are held to the build:
 * within 1 % of `npm run size`'s count (gzip level 9 of dist/cdn/), which a change of a widget's template or rules
 * passes and a new feature's bytes do not.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = new URL('../..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
// Counted as scripts/build/size.mjs counts them (the stylesheet trimmed).
const gz = (path) => gzipSync(read(path).trim(), { level: 9 }).length;
const built = { script: gz('dist/cdn/fjord-elements.js'), sheet: gz('dist/cdn/fjord-elements.css') };
const number = (text) => Number(text.replace(/,/g, ''));

/** Asserts that `stated` bytes are within 1 % of `actual`, naming where the figure is written. */
function near(stated, actual, where) {
  assert.ok(Math.abs(stated - actual) <= actual * 0.01, `${where} says ${stated.toLocaleString('en-US')} B; the build is ${actual.toLocaleString('en-US')} B gzip. Update it.`);
}

test("the README's Small line gives the drop-in file's and the stylesheet's bytes as built", () => {
  const line = read('README.md').match(/\*\*Small\.\*\*[^]*?budget[^]*?against 2\.5 kB/)?.[0];
  assert.ok(line, 'README.md has no "Small." line with both figures');
  const [script, sheet] = [...line.matchAll(/\(([\d,]+) B\)/g)].map((m) => number(m[1]));
  near(script, built.script, 'README.md (drop-in file)');
  near(sheet, built.sheet, 'README.md (fjord-elements.css)');
});

test('the performance guide gives the same bytes', () => {
  const line = read('docs/guides/performance.md').match(/\*\*Bytes\*\*:[^\n]*/)?.[0];
  assert.ok(line, 'docs/guides/performance.md has no "Bytes" line');
  const [script, sheet] = [...line.matchAll(/([\d,]{5,}) (?:bytes gzip|against)/g)].map((m) => number(m[1]));
  near(script, built.script, 'docs/guides/performance.md (drop-in file)');
  near(sheet, built.sheet, 'docs/guides/performance.md (fjord-elements.css)');
});
