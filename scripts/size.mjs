/**
 * `npm run size`: bytes of the drop-in file, minified and gzipped, and each widget's own share
 * (the drop-in file built without that widget, subtracted from the whole; shared helpers count once, in the
 * baseline of whichever widgets remain). Fails over the budget.
 *
 * `--ceiling=<kB>` fails only above that figure instead, while still printing the verdict against the budget. CI
 * uses it to stop the file from growing while it is over budget (see the README's "Small" line).
 */
import { readFileSync, mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET = 16 * 1024;
const TARGET = 12 * 1024;
const root = resolve(import.meta.dirname, '..');
const dropIn = join(root, 'dist/cdn/fjord-elements.js');
if (!existsSync(dropIn)) {
  console.error('dist/cdn/fjord-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}
/** Lit and nothing else, as a widget would use it: the baseline every share is measured against. */
const BASELINE = join(import.meta.dirname, 'size-baseline.ts');
const gz = (code) => gzipSync(code, { level: 9 }).length;
const kB = (n) => `${(n / 1024).toFixed(2)} kB`;

/** Builds the drop-in file from the given import lines and returns its minified code. */
async function bundle(imports) {
  const dir = mkdtempSync(join(tmpdir(), 'fjord-size-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, imports.map((path) => `export * from ${JSON.stringify(path === BASELINE ? path : join(root, "src", path))};`).join('\n') + '\n');
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(dir, 'out'), lib: { entry, formats: ['es'], fileName: () => 'out.js' }, write: true },
    });
    return readFileSync(join(dir, 'out', 'out.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const widgets = ['photo', 'article-card', 'fact-box', 'cluster-badge', 'newsletter-signup']
  .filter((name) => existsSync(join(root, 'src', name, `${name}.ts`)))
  .map((name) => `${name}/${name}.ts`);

const whole = readFileSync(dropIn, 'utf8');
const rows = [['dist/cdn/fjord-elements.js', whole.length, gz(whole)]];
const litOnly = await bundle([BASELINE]);
rows.push(['  Lit (no widget)', litOnly.length, gz(litOnly)]);
for (const widget of widgets) {
  const without = await bundle([...widgets.filter((w) => w !== widget), BASELINE]);
  rows.push([`  share of ${widget.split('/')[0]}`, whole.length - without.length, gz(whole) - gz(without)]);
}

console.log('file'.padEnd(40), 'minified'.padStart(10), 'gzip'.padStart(10));
for (const [name, min, zipped] of rows) console.log(name.padEnd(40), kB(min).padStart(10), kB(zipped).padStart(10));
const total = gz(whole);
console.log(`\nbudget ${kB(BUDGET)} gzip (target ${kB(TARGET)}): ${kB(total)} — ${total <= TARGET ? 'within target' : total <= BUDGET ? 'within budget, over target' : 'OVER BUDGET'}`);
const ceiling = Number(process.argv.find((arg) => arg.startsWith('--ceiling='))?.split('=')[1]) * 1024;
if (ceiling > 0) {
  console.log(`ceiling ${kB(ceiling)} gzip: ${total <= ceiling ? 'not exceeded' : 'EXCEEDED: the drop-in file grew'}`);
  if (total > ceiling) process.exit(1);
} else if (total > BUDGET) process.exit(1);
