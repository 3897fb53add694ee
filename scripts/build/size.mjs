/**
 * `npm run size`: the bytes a page loads for the drop-in way, minified and gzipped (level 9), against their budgets —
 * the drop-in file `dist/cdn/fjord-elements.js` (20 kB = 20,480 bytes) and its stylesheet `dist/cdn/fjord-elements.css`
 * (2.5 kB = 2,560 bytes) — with each widget's share of both. Exits 1 when either is over its budget.
 *
 * A widget's share of the script is the drop-in file built without that widget, subtracted from the whole (shared
 * helpers count once, in the baseline of whichever widgets remain). Its share of the stylesheet is the stylesheet
 * without that widget's rules (those whose selector, or whose @keyframes name, names its tag), subtracted from the whole.
 */
import { readFileSync, mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGETS = { js: 20 * 1024, css: 2.5 * 1024 };
const root = resolve(import.meta.dirname, '../..');
const dropIn = join(root, 'dist/cdn/fjord-elements.js');
const sheet = join(root, 'dist/cdn/fjord-elements.css');
if (!existsSync(dropIn) || !existsSync(sheet)) {
  console.error('dist/cdn/fjord-elements.js or fjord-elements.css is missing: run `npm run build` first.');
  process.exit(1);
}
/** Lit and nothing else, as a widget would use it: the baseline every share is measured against. */
const BASELINE = join(import.meta.dirname, 'size-baseline.ts');
const gz = (code) => gzipSync(code, { level: 9 }).length;
const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const kB = (n) => `${(n / 1024).toFixed(2)} kB`;

/** Builds the drop-in file from the given import lines and returns its minified code. */
async function bundle(imports) {
  const dir = mkdtempSync(join(tmpdir(), 'fjord-size-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, imports.map((path) => `export * from ${JSON.stringify(path === BASELINE ? path : join(root, 'src', path))};`).join('\n') + '\n');
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

/** Top-level blocks of minified CSS: `{ prelude, body }`, with the rules inside @media/@supports/@container as `rules`. */
function blocks(css) {
  const found = [];
  for (let i = 0, depth = 0, start = 0; i < css.length; i++) {
    if (css[i] == '{') depth++;
    else if (css[i] == '}' && !--depth) {
      const text = css.slice(start, i + 1);
      const prelude = text.slice(0, text.indexOf('{'));
      const body = text.slice(prelude.length + 1, -1);
      found.push(/^@(media|supports|container)/.test(prelude) ? { prelude, rules: blocks(body) } : { prelude, body });
      start = i + 1;
    }
  }
  return found;
}

/** The stylesheet again, without the rules that name `tag`. */
function cssWithout(list, tag) {
  return list
    .map((block) => {
      if (!block.rules) return block.prelude.includes(tag) ? '' : `${block.prelude}{${block.body}}`;
      const inner = cssWithout(block.rules, tag);
      return inner ? `${block.prelude}{${inner}}` : '';
    })
    .join('');
}

const names = ['photo', 'article-card', 'fact-box', 'cluster-badge', 'newsletter-signup'].filter((name) => existsSync(join(root, 'src', name, `${name}.ts`)));
const widgets = names.map((name) => `${name}/${name}.ts`);

const whole = readFileSync(dropIn, 'utf8');
const rows = [['dist/cdn/fjord-elements.js', whole.length, gz(whole)]];
const litOnly = await bundle([BASELINE]);
rows.push(['  Lit (no widget)', litOnly.length, gz(litOnly)]);
for (const widget of widgets) {
  const without = await bundle([...widgets.filter((w) => w !== widget), BASELINE]);
  rows.push([`  share of ${widget.split('/')[0]}`, whole.length - without.length, gz(whole) - gz(without)]);
}

const css = readFileSync(sheet, 'utf8').trim();
const parsed = blocks(css);
rows.push(['dist/cdn/fjord-elements.css', css.length, gz(css)]);
for (const name of names) {
  const without = cssWithout(parsed, `fjord-${name}`);
  rows.push([`  share of ${name}`, css.length - without.length, gz(css) - gz(without)]);
}

console.log('file'.padEnd(34), 'minified'.padStart(10), 'gzip'.padStart(10), 'gzip bytes'.padStart(12));
for (const [name, min, zipped] of rows) console.log(name.padEnd(34), kB(min).padStart(10), kB(zipped).padStart(10), bytes(zipped).padStart(12));

let over = false;
console.log('');
for (const [file, code, budget] of [
  ['fjord-elements.js', whole, BUDGETS.js],
  ['fjord-elements.css', css, BUDGETS.css],
]) {
  const size = gz(code);
  over ||= size > budget;
  const verdict = size <= budget ? `within budget, ${bytes(budget - size)} to spare` : `OVER BUDGET by ${bytes(size - budget)}`;
  console.log(`${file.padEnd(20)} ${bytes(size).padStart(9)} gzip of ${bytes(budget)} (${kB(budget)}): ${verdict}`);
}
if (over) process.exit(1);
