/**
 * `npm run bench:warm`: how fast 1,000 article teasers render when inserted into a running page, four ways, in one
 * headless Chromium run — hand-written static HTML and CSS (the floor), a minimal Lit element with the same markup, shadow root and slots (the floor for this
 * architecture), <fjord-article-card> from the drop-in file, and a Shoelace <sl-card> composition (a peer). Then the
 * size table from `npm run size` beside Shoelace's and Material Web's nearest equivalents, each bundled alone.
 *
 * One run of a variant: insert the 1,000 teasers with innerHTML, wait until every custom element has rendered
 * (Lit's updateComplete), force style and layout (getBoundingClientRect), remove them. Each variant has its own tab;
 * every round runs all four in an order that rotates and reverses from round to round. Warm-up rounds are discarded.
 * When <fjord-article-card> misses its target (1.3× static) the script shows where the time goes: what-ifs (page CSS
 * or the card's stylesheets on the minimal element, each run against its unchanged tab), Chromium's trace split of
 * style and layout, and CPU profiles (CDP Profiler) of the card and the minimal element from unminified builds.
 *
 * Kept beside the cold benchmark (bench/cold.mjs) for a question the cold one cannot answer: what a page that is
 * already running pays to insert many cards (a client-rendered list, infinite scroll, a CMS preview), split into
 * insert, render and style + layout in the renderer's CPU time, with what-ifs and profiles; and the bytes beside
 * Shoelace's and Material Web's nearest equivalents. The cold one measures page loads.
 *
 * Options: --no-build (use dist/ as it is; otherwise `npm run build` runs first), --no-size, --no-profile,
 * --profile (always profile), --rounds=N (measured, default 25), --warmup=N (default 5), --count=N (default 1000),
 * --json=FILE (raw figures), --screenshots=DIR (the first teasers of each variant, to compare by eye).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem, release } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { chromiumArgs, findChromium } from '../scripts/system/find-browser.mjs';
import { buildFjordDebug, buildLibrary as buildLibraryWith, buildMinimal as buildMinimalInto } from './build.mjs';
import { cliOptions } from './options.mjs';

const root = resolve(import.meta.dirname, '..');
const args = cliOptions();
const number = (key, fallback, min, max) => Math.min(max, Math.max(min, Math.trunc(Number(args.get(key) ?? fallback)) || fallback));
const ROUNDS = number('rounds', 25, 1, 200);
const WARMUP = number('warmup', 5, 0, 50);
const COUNT = number('count', 1000, 1, 10_000);
const TARGET = 1.3;
const PROFILE_RUNS = 6;
const WHAT_IF_ROUNDS = 12;
const VARIANTS = [
  { name: 'static', label: 'static HTML + CSS' },
  { name: 'minimal', label: 'minimal Lit element' },
  { name: 'fjord', label: 'fjord-article-card' },
  { name: 'shoelace', label: 'Shoelace sl-card' },
];

const out = mkdtempSync(join(tmpdir(), 'fjord-bench-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const log = (...line) => console.log(...line);
const ms = (n) => n.toFixed(1).padStart(7);
const kB = (n) => (n === undefined ? '—' : `${(n / 1024).toFixed(2)} kB`);
const gz = (code) => gzipSync(code, { level: 9 }).length;

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
}

/** A plain-text table: numbers right-aligned, words left-aligned. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const numeric = header.map((_, i) => rows.some((r) => /^\s*[+-]?\d/.test(String(r[i]))) && !rows.some((r) => /^[a-z(]/i.test(String(r[i]))));
  const line = (cells) => cells.map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/* ---------- builds ---------- */

const buildLibrary = () => buildLibraryWith('npm run bench:warm');
const buildMinimal = (options) => buildMinimalInto(out, options);

/* ---------- loopback static server ---------- */

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.json': 'application/json' };
const SERVED = ['/bench/', '/demo/assets/', '/dist/cdn/', '/node_modules/@shoelace-style/shoelace/cdn/'];

function fileFor(pathname) {
  const path = normalize(decodeURIComponent(pathname));
  if (path.startsWith('/bench-out/')) {
    const file = join(out, path.slice('/bench-out/'.length));
    return file.startsWith(out + sep) ? file : undefined;
  }
  if (!SERVED.some((prefix) => path.startsWith(prefix))) return undefined;
  const file = join(root, path);
  return file.startsWith(root + sep) ? file : undefined;
}

function serve() {
  const server = createServer((req, res) => {
    const file = fileFor(new URL(req.url, 'http://127.0.0.1').pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/* ---------- the benchmark ---------- */

async function openVariant(browser, base, variant, query = '') {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Every variant must run production Lit: its dev build announces itself on the console.
  page.on('console', (message) => /dev mode/i.test(message.text()) && errors.push(`development build: ${message.text()}`));
  await page.goto(`${base}/bench/${variant.name}.html?count=${COUNT}${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.bench, { timeout: 20_000 }).catch(() => {});
  const missing = await page.evaluate(() => window.bench?.ready() ?? ['(page did not load)']);
  return { page, missing, errors };
}

/** Round r's order: the variants rotated by r, reversed every other lap, so each runs in each place and after each other. */
function order(variants, r) {
  const k = r % variants.length;
  const rotated = [...variants.slice(k), ...variants.slice(0, k)];
  return Math.floor(r / variants.length) % 2 ? rotated.reverse() : rotated;
}

async function runOnce(entry, options = {}) {
  await entry.page.bringToFront();
  return entry.page.evaluate((o) => window.bench.run(o), options);
}

/**
 * A run that also reports `cpu`: the main thread's CPU time (trace `tdur`) for the task that holds the timed work.
 * Another process taking the core stretches the wall-clock time but hardly this, so it is the steadier figure on a
 * shared machine.
 */
async function runWithCpu(entry) {
  await entry.page.bringToFront();
  await entry.page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
  const result = await entry.page.evaluate(() => window.bench.run());
  const events = JSON.parse(Buffer.from(await entry.page.tracing.stop()).toString()).traceEvents;
  const mark = events.find((e) => e.name === 'bench-run');
  const task = mark && events.find((e) => e.ph === 'X' && e.cat === 'toplevel' && e.pid === mark.pid && e.tid === mark.tid && e.ts <= mark.ts && mark.ts <= e.ts + e.dur);
  return { ...result, cpu: task?.tdur === undefined ? NaN : task.tdur / 1000 };
}

/* ---------- profile ---------- */

function moduleOf(url) {
  if (!url) return 'native';
  const path = new URL(url).pathname.replace(/^\/bench-out\/(fjord|minimal)-debug\//, '');
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('_virtual/')) return 'decorator helper';
  if (path.startsWith('/bench/')) return path.slice('/bench/'.length);
  return path.replace(/\.js$/, '.ts').replace(/^bench\/minimal-card\.ts$/, 'bench/minimal-card.js');
}

/**
 * Self and inclusive time per function and self time per module or native call, over the samples taken inside runs
 * (stacks under `gc` or `replaceChildren`, the clean-up between runs, are left out; so are idle time and (program)).
 */
function analyse(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const stackCache = new Map();
  const stackOf = (id) => {
    if (stackCache.has(id)) return stackCache.get(id);
    const frames = [];
    for (let at = id; at !== undefined; at = parent.get(at)) frames.push(nodes.get(at).callFrame);
    const excluded = frames.some((f) => !f.url && (f.functionName === 'gc' || f.functionName === 'replaceChildren'));
    const stack = excluded ? null : frames;
    stackCache.set(id, stack);
    return stack;
  };
  const key = (f) => `${f.functionName || '(anonymous)'}\t${moduleOf(f.url)}`;
  const self = new Map();
  const inclusive = new Map();
  const byModule = new Map();
  const callers = new Map();
  const add = (map, k, dt) => map.set(k, (map.get(k) ?? 0) + dt);
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack = stackOf(profile.samples[i]);
    if (!stack || dt <= 0) continue;
    const leaf = stack[0];
    // (program) is native work outside any JS stack: here mostly painting the cards between runs, so not counted.
    if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') continue;
    total += dt;
    add(self, key(leaf), dt);
    const mod = moduleOf(leaf.url);
    add(byModule, mod === 'native' ? `native: ${leaf.functionName}` : mod, dt);
    for (const k of new Set(stack.filter((f) => f.url).map(key))) add(inclusive, k, dt);
    const seen = new Set();
    stack.forEach((frame, i) => {
      const k = key(frame);
      if (!frame.url || seen.has(k)) return;
      seen.add(k);
      if (!callers.has(k)) callers.set(k, new Map());
      add(callers.get(k), stack[i + 1] ? key(stack[i + 1]) : '(root)', dt);
    });
  }
  const top = (map, n, filter = () => true) =>
    [...map]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  return { total, self, inclusive, byModule, callers, top };
}

async function profileVariant(browser, base, variant, rounds) {
  const entry = await openVariant(browser, base, variant, '&build=debug');
  if (entry.missing.length) throw new Error(`${variant.name} (debug build) did not load: ${entry.missing} ${entry.errors}`);
  for (let i = 0; i < 3; i++) await runOnce(entry); // warm up this tab
  const cdp = await entry.page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await runOnce(entry));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await entry.page.close();
  return { runs, ...analyse(profile) };
}

const LABELS = {
  'native: getBoundingClientRect': 'getBoundingClientRect: style recalc + layout',
  'harness.js': 'harness run(): innerHTML parsing',
};

function printProfile(label, result) {
  const n = result.runs.length;
  const timed = result.runs.reduce((sum, r) => sum + r.total, 0);
  const rows = (entries) => entries.map(([k, t]) => [...(LABELS[k] ?? k).split('\t'), (t / n).toFixed(1), `${((100 * t) / timed).toFixed(1)}%`]);
  log(`\n${label}: ${n} profiled runs of ${(timed / n).toFixed(1)} ms (unminified build). ms are per run; shares are of the timed run;`);
  log('(program), native work outside JS (mostly painting between runs), and idle time are left out.');
  log(table(['self time by module or native call', 'ms', 'share'], rows(result.top(result.byModule, 12))));
  log('');
  log(table(['functions, self time', 'module', 'ms', 'share'], rows(result.top(result.self, 14))));
  log('');
  const own = result.top(result.inclusive, 12, (k) => /\tsrc\/|\tbench\/minimal/.test(k));
  log(table(['element and shared code, inclusive', 'module', 'ms', 'share'], rows(own)));
  // Who calls the element's heaviest functions: "(root)" is the browser itself, i.e. an event listener or a callback.
  for (const [k] of own.slice(0, 3)) {
    const from = result.top(result.callers.get(k) ?? new Map(), 4).map(([c, t]) => `${c.split('\t')[0]} ${(t / n).toFixed(1)} ms`);
    log(`  ${k.split('\t')[0]} is called from: ${from.join(', ')}`);
  }
}

/* ---------- what-ifs and trace ---------- */

/** Page CSS that changes one thing about a variant; each is run against its unchanged tab, round by round. */
const WHAT_IFS = [
  { id: 'cardCss', base: 'minimal', label: "minimal Lit element with the card's stylesheets", query: '&styles=card', needs: 'minimal-card-with-card-styles.js' },
  // These two only while the benchmark's (vertical) cards are size containers.
  {
    id: 'cardCssNoContainer',
    base: 'minimal',
    label: "the same, but container-type: normal",
    query: '&styles=card',
    needs: 'minimal-card-with-card-styles.js',
    css: 'bench-minimal-card-with-card-styles { container-type: normal; }',
    ifCardIsContainer: true,
  },
  {
    id: 'fjordNoContainer',
    base: 'fjord',
    label: 'fjord-article-card with container-type: normal',
    css: 'fjord-article-card { container-type: normal; }',
    ifCardIsContainer: true,
  },
  { id: 'fjordNoUpgradeCss', base: 'fjord', label: 'fjord-article-card without fjord-elements.css', query: '&upgrade-css=0' },
  { id: 'minimalContainer', base: 'minimal', label: 'minimal Lit element + container-type: inline-size', css: 'bench-minimal-card { container-type: inline-size; }' },
  { id: 'staticContainer', base: 'static', label: 'static + container-type: inline-size', css: '.teaser { container-type: inline-size; }' },
];

async function whatIfs(browser, base, entries, rounds) {
  const tabs = [];
  for (const whatIf of WHAT_IFS) {
    const baseEntry = entries.find((e) => e.name === whatIf.base);
    const cardIsContainer = entries.some((e) => e.name === 'fjord' && e.seen.containerType !== 'normal');
    if (!baseEntry || (whatIf.ifCardIsContainer && !cardIsContainer)) continue;
    if (whatIf.needs && !existsSync(join(out, whatIf.needs))) {
      log(`  (${whatIf.label}: left out, ${whatIf.needs} did not build)`);
      continue;
    }
    const entry = await openVariant(browser, base, baseEntry, whatIf.query ?? '');
    if (entry.missing.length || entry.errors.length) {
      log(`  (${whatIf.label}: left out, ${[...entry.missing, ...entry.errors].join(' ')})`);
      await entry.page.close();
      continue;
    }
    if (whatIf.css) await entry.page.addStyleTag({ content: whatIf.css });
    await runOnce(entry, { keep: true });
    const seen = await entry.page.evaluate(() => window.bench.inspect());
    await entry.page.evaluate(() => window.bench.clear());
    if (seen.height !== baseEntry.seen.height) log(`  (${whatIf.label}: lays out ${seen.height}px tall, not ${baseEntry.seen.height}px like the unchanged one)`);
    for (let i = 0; i < 2; i++) await runOnce(entry);
    tabs.push({ ...whatIf, entry, baseEntry, runs: [], baseRuns: [] });
  }
  for (let r = 0; r < rounds; r++) {
    for (const tab of r % 2 ? [...tabs].reverse() : tabs) {
      for (const which of r % 2 ? ['changed', 'base'] : ['base', 'changed']) {
        const result = await runWithCpu(which === 'base' ? tab.baseEntry : tab.entry);
        (which === 'base' ? tab.baseRuns : tab.runs).push(result);
      }
    }
  }
  for (const tab of tabs) await tab.entry.page.close();
  return tabs.map((t) => ({
    id: t.id,
    label: t.label,
    css: t.css,
    median: quantile(t.runs.map((x) => x.total), 0.5),
    baseMedian: quantile(t.baseRuns.map((x) => x.total), 0.5),
    pairedDelta: quantile(t.runs.map((x, i) => x.total - t.baseRuns[i].total), 0.5),
    cpu: quantile(t.runs.map((x) => x.cpu), 0.5),
    baseCpu: quantile(t.baseRuns.map((x) => x.cpu), 0.5),
    cpuDelta: quantile(t.runs.map((x, i) => x.cpu - t.baseRuns[i].cpu), 0.5),
  }));
}

/**
 * Chromium's own split of one run, from a trace: UpdateLayoutTree (style recalc before layout) and Layout. Inside a
 * size container (container-type) style is resolved during layout, so its subtree's style time shows under Layout.
 */
async function traceSplit(entry, runs = 3) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    await entry.page.bringToFront();
    await entry.page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
    const run = await entry.page.evaluate(() => window.bench.run());
    const events = JSON.parse(Buffer.from(await entry.page.tracing.stop()).toString()).traceEvents;
    const mark = events.find((e) => e.name === 'bench-run');
    const task = mark && events.find((e) => e.ph === 'X' && e.cat === 'toplevel' && e.pid === mark.pid && e.tid === mark.tid && e.ts <= mark.ts && mark.ts <= e.ts + e.dur);
    const inTask = (e) => task && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= task.ts + task.dur;
    const sum = (name) => events.filter((e) => e.ph === 'X' && e.name === name && inTask(e)).reduce((t, e) => t + e.dur / 1000, 0);
    results.push({ total: run.total, parse: sum('ParseHTML'), style: sum('UpdateLayoutTree'), layout: sum('Layout') });
  }
  const median = (key) => quantile(results.map((r) => r[key]), 0.5);
  return { total: median('total'), parse: median('parse'), style: median('style'), layout: median('layout') };
}

/* ---------- sizes ---------- */

const SL = (name) => `@shoelace-style/shoelace/dist/components/${name}/${name}.js`;
const MD = (path) => `@material/web/${path}.js`;
const PEERS = [
  { widget: 'photo', shoelace: [], material: [] },
  { widget: 'article-card', shoelace: [['sl-card', [SL('card')]]], material: [['md-outlined-card (labs)', [MD('labs/card/outlined-card')]]] },
  { widget: 'fact-box', shoelace: [['sl-details', [SL('details')]]], material: [] },
  { widget: 'cluster-badge', shoelace: [['sl-badge', [SL('badge')]], ['sl-tag', [SL('tag')]]], material: [['md-assist-chip', [MD('chips/assist-chip')]]] },
  {
    widget: 'newsletter-signup',
    shoelace: [['sl-input + sl-checkbox + sl-button', [SL('input'), SL('checkbox'), SL('button')]]],
    material: [['md-outlined-text-field + md-checkbox + md-filled-button', [MD('textfield/outlined-text-field'), MD('checkbox/checkbox'), MD('button/filled-button')]]],
  },
];
const TAG_OF = (spec) => (spec.startsWith('@shoelace') ? `sl-${spec.split('/').at(-2)}` : `md-${spec.split('/').at(-1).replace('.js', '')}`);

/** Minified, gzipped bytes of the given modules bundled alone with Vite (their Lit included). */
async function bundleAlone(files, { config = false, check = [] } = {}) {
  const dir = mkdtempSync(join(out, 'size-'));
  const entry = join(dir, 'entry.js');
  // `export *` for the library's own modules: package.json's sideEffects list names dist/, so a bare import of a src/
  // module would be dropped whole. The peers' packages declare no sideEffects; importing their modules registers them.
  writeFileSync(entry, files.map((file) => (config ? `export * from ${JSON.stringify(file)};` : `import ${JSON.stringify(file)};`)).join('\n') + '\n');
  await build({
    configFile: config ? join(root, 'vite.config.ts') : false,
    logLevel: 'silent',
    root,
    build: {
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      rolldownOptions: { output: { minify: true, comments: false } },
      lib: { entry, formats: ['es'], fileName: () => 'out.js' },
    },
  });
  const code = readFileSync(join(dir, 'out', 'out.js'), 'utf8');
  for (const tag of check) if (!code.includes(tag)) throw new Error(`bundle of ${files.join(', ')} lacks ${tag}`);
  return gz(code);
}

async function sizes() {
  log('\n== Sizes\n\nnpm run size:');
  const size = spawnSync(process.execPath, [join(root, 'scripts/build/size.mjs')], { cwd: root, encoding: 'utf8' });
  log(size.stdout.trimEnd());
  if (size.status !== 0) log(`npm run size exited ${size.status}: ${size.stderr.replace(/\x1b\[[\d;]*m/g, '').trim().split('\n').slice(0, 3).join(' / ')}`);
  // The script's shares (the stylesheet's follow its own line).
  const shares = new Map([...size.stdout.split('dist/cdn/fjord-elements.css')[0].matchAll(/share of (\S+)\s+\S+ kB\s+(-?[\d.]+) kB/g)].map((m) => [m[1], Number(m[2]) * 1024]));
  const node = (spec) => join(root, 'node_modules', spec);

  const rows = [];
  const result = { fjord: {}, peers: [] };
  const allShoelace = new Set();
  const allMaterial = new Set();
  for (const { widget, shoelace, material } of PEERS) {
    const source = join(root, 'src', widget, `${widget}.ts`);
    let alone;
    if (existsSync(source)) {
      alone = await bundleAlone([source], { config: true, check: [`fjord-${widget}`] }).catch((error) => {
        log(`  fjord-${widget} alone: build failed (${String(error.message).split('\n')[0]})`);
      });
    }
    result.fjord[widget] = { share: shares.get(widget), alone };
    const peerCells = async (list, all) => {
      const cells = [];
      for (const [name, specs] of list) {
        specs.forEach((spec) => all.add(spec));
        const bytes = await bundleAlone(specs.map(node), { check: specs.map(TAG_OF) });
        result.peers.push({ widget, name, gzip: bytes });
        cells.push([name, bytes]);
      }
      return cells;
    };
    const sl = await peerCells(shoelace, allShoelace);
    const md = await peerCells(material, allMaterial);
    const lines = Math.max(1, sl.length, md.length);
    for (let i = 0; i < lines; i++) {
      rows.push([
        i ? '' : `fjord-${widget}`,
        i ? '' : kB(shares.get(widget)),
        i ? '' : kB(alone),
        sl[i]?.[0] ?? (i ? '' : '(none)'),
        sl[i] ? kB(sl[i][1]) : '',
        md[i]?.[0] ?? (i ? '' : '(none)'),
        md[i] ? kB(md[i][1]) : '',
      ]);
    }
  }
  const whole = readFileSync(join(root, 'dist/cdn/fjord-elements.js'), 'utf8');
  const slAll = await bundleAlone([...allShoelace].map(node));
  const mdAll = await bundleAlone([...allMaterial].map(node));
  rows.push(['all of the above', '', kB(gz(whole)), `${allShoelace.size} Shoelace components`, kB(slAll), `${allMaterial.size} Material components`, kB(mdAll)]);
  const theme = gz(readFileSync(node('@shoelace-style/shoelace/cdn/themes/light.css')));
  result.all = { fjord: gz(whole), shoelace: slAll, material: mdAll, shoelaceTheme: theme };

  log('\nBeside the peers (gzip -9, minified; "alone" = that element bundled by itself with Vite, Lit included):');
  log(table(['fjord-elements', 'share', 'alone', 'Shoelace 2 nearest', 'alone', 'Material Web nearest', 'alone'], rows));
  log(`\nShoelace also needs its theme stylesheet (themes/light.css): ${kB(theme)} gzip. Material Web has no captioned photo, no`);
  log('disclosure box and only a labs (unsupported) card that is a bare surface; Shoelace has no captioned photo.');
  return result;
}

/* ---------- main ---------- */

function machine() {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
}

const started = Date.now();
if (args.get('build') === 'false' || args.has('no-build')) log('Using dist/ as it is (--no-build).');
else buildLibrary();
if (!existsSync(join(root, 'dist/cdn/fjord-elements.js'))) {
  console.error('dist/cdn/fjord-elements.js is missing: run `npm run build` first (or drop --no-build).');
  process.exit(1);
}
await buildMinimal();
await buildMinimal({ name: 'minimal-card-with-card-styles' }).catch((error) => {
  log(`(the what-if with the card's stylesheets will be left out: ${String(error.message).split('\n')[0]})`);
});

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: set CHROME_PATH or install Debian\'s chromium.');
  process.exit(1);
}
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath,
  args: [
    ...chromiumArgs,
    '--js-flags=--expose-gc',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--window-size=1280,800',
  ],
});
const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout.trim();
const report = {
  date: new Date().toISOString(),
  machine: machine(),
  chromium: await browser.version(),
  commit: git('rev-parse', '--short', 'HEAD'),
  // The build is of the work tree: say so when the card's source differs from the commit.
  uncommitted: spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((l) => l.slice(3)),
  built: statSync(join(root, 'dist/cdn/fjord-elements.js')).mtime.toISOString(),
  count: COUNT,
  warmup: WARMUP,
  rounds: ROUNDS,
};

try {
  log(`\n== Render: ${COUNT} teasers, ${WARMUP} warm-up + ${ROUNDS} measured rounds, order rotating and reversing`);
  log(`${report.machine}; ${report.chromium}`);
  log(`dist/cdn/fjord-elements.js built ${report.built} at commit ${report.commit}${report.uncommitted.length ? `; uncommitted in src/: ${report.uncommitted.join(', ')}` : ''}`);
  const entries = [];
  for (const variant of VARIANTS) {
    const entry = await openVariant(browser, base, variant);
    if (entry.missing.length) {
      log(`  ${variant.label}: left out, ${entry.missing.join(', ')} not defined ${entry.errors.join(' ')}`);
      await entry.page.close();
      continue;
    }
    // A kept run first: every teaser there, every element rendered, nothing nested left waiting.
    await runOnce(entry, { keep: true });
    const seen = await entry.page.evaluate(() => window.bench.inspect());
    if (args.has('screenshots')) {
      mkdirSync(args.get('screenshots'), { recursive: true });
      await entry.page.screenshot({ path: join(args.get('screenshots'), `${variant.name}.png`) });
    }
    await entry.page.evaluate(() => window.bench.clear());
    const note = seen.nestedTags.length ? `; waits for nested ${seen.nestedTags.join(', ')} too` : '';
    log(`  ${variant.label.padEnd(20)} ${seen.teasers} teasers, ${seen.customElements} custom elements, ${seen.stillPending} pending, ${seen.undefinedElements} undefined; first teaser ${seen.firstHeight}px, all ${seen.height}px${note}`);
    if (seen.teasers !== COUNT || seen.stillPending || seen.undefinedElements) throw new Error(`${variant.name} did not render completely: ${JSON.stringify(seen)}`);
    if (entry.errors.length) throw new Error(`${variant.name}: ${entry.errors.join('\n')}`);
    entries.push({ ...variant, ...entry, seen, runs: [] });
  }

  report.loadBefore = loadavg().map((n) => n.toFixed(2));
  log(`load average before: ${report.loadBefore.join(' ')}`);
  const t0 = Date.now();
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    for (const entry of order(entries, r)) {
      const result = r >= WARMUP ? await runWithCpu(entry) : await runOnce(entry);
      if (r >= WARMUP) entry.runs.push(result);
    }
  }
  report.loadAfter = loadavg().map((n) => n.toFixed(2));
  log(`load average after:  ${report.loadAfter.join(' ')} (${((Date.now() - t0) / 1000).toFixed(0)} s of rounds)\n`);

  const staticRuns = entries.find((e) => e.name === 'static').runs;
  const staticMedian = quantile(staticRuns.map((r) => r.total), 0.5);
  const stat = (entry, phase, q) => quantile(entry.runs.map((r) => r[phase]), q);
  report.variants = entries.map((e) => ({
    name: e.name,
    label: e.label,
    median: stat(e, 'total', 0.5),
    p25: stat(e, 'total', 0.25),
    p75: stat(e, 'total', 0.75),
    ratio: stat(e, 'total', 0.5) / staticMedian,
    // The same, taken round by round against the static run of that round: steadier when the machine's load drifts.
    pairedRatio: quantile(e.runs.map((r, i) => r.total / staticRuns[i].total), 0.5),
    cpu: stat(e, 'cpu', 0.5),
    cpuRatio: stat(e, 'cpu', 0.5) / quantile(staticRuns.map((r) => r.cpu), 0.5),
    insert: stat(e, 'insert', 0.5),
    render: stat(e, 'render', 0.5),
    layout: stat(e, 'layout', 0.5),
    runs: e.runs,
  }));
  log(
    table(
      [`ms for ${COUNT} teasers`, 'median', 'p25', 'p75', '× static', 'paired', 'CPU', '× static', 'insert', 'render', 'style+layout'],
      report.variants.map((v) => [
        v.label,
        ms(v.median),
        ms(v.p25),
        ms(v.p75),
        `${v.ratio.toFixed(2)}×`,
        `${v.pairedRatio.toFixed(2)}×`,
        ms(v.cpu),
        `${v.cpuRatio.toFixed(2)}×`,
        ms(v.insert),
        ms(v.render),
        ms(v.layout),
      ]),
    ),
  );
  log('median, p25, p75: wall-clock ms from insertion to forced layout; × static: ratio of medians; paired: median of the');
  log("per-round ratios to that round's static run; CPU: the renderer main thread's CPU time for the same work (median) and");
  log('its ratio. insert: innerHTML (parse, create, upgrade, connectedCallback); render: until every updateComplete;');
  log('style+layout: the forced layout (wall-clock medians each).');

  const fjord = report.variants.find((v) => v.name === 'fjord');
  const shoelace = report.variants.find((v) => v.name === 'shoelace');
  if (fjord) {
    report.withinTarget = fjord.ratio <= TARGET;
    report.fasterThanPeer = shoelace ? fjord.median < shoelace.median : undefined;
    log(
      `\nTarget: fjord-article-card within ${TARGET}× static — ${report.withinTarget ? 'met' : 'MISSED'} (${fjord.ratio.toFixed(2)}× wall-clock, ` +
        `${fjord.cpuRatio.toFixed(2)}× CPU); faster than the Shoelace composition — ${report.fasterThanPeer ? 'yes' : 'NO'}` +
        `${shoelace ? ` (${(fjord.median / shoelace.median).toFixed(2)}× its wall-clock time, ${(fjord.cpu / shoelace.cpu).toFixed(2)}× its CPU time)` : ''}.`,
    );
    if ((!report.withinTarget && !args.has('no-profile')) || args.has('profile')) {
      log(`\n== Where the time goes`);
      log(`\nWhat-ifs: page CSS that changes one thing, each tab run against its unchanged one, ${WHAT_IF_ROUNDS} rounds:`);
      report.whatIfs = await whatIfs(browser, base, entries, WHAT_IF_ROUNDS);
      const signed = (d, of) => `${d >= 0 ? '+' : ''}${d.toFixed(1)} ms (${d >= 0 ? '+' : ''}${((100 * d) / of).toFixed(0)}%)`;
      log(
        table(
          ['what-if', 'CPU', 'unchanged', 'difference', 'wall-clock', 'unchanged', 'difference'],
          report.whatIfs.map((w) => [w.label, ms(w.cpu), ms(w.baseCpu), signed(w.cpuDelta, w.baseCpu), ms(w.median), ms(w.baseMedian), signed(w.pairedDelta, w.baseMedian)]),
        ),
      );
      log('(medians of the what-if tab and its unchanged tab; difference: the median of the round-by-round differences)');
      const minimal = report.variants.find((v) => v.name === 'minimal');
      const delta = (id) => report.whatIfs.find((w) => w.id === id)?.cpuDelta;
      if (minimal && delta('cardCss') !== undefined) {
        const gap = fjord.cpu - minimal.cpu;
        const css = delta('cardCss');
        const container = delta('cardCssNoContainer') === undefined ? undefined : css - delta('cardCssNoContainer');
        report.split = { gap, css, container, rest: gap - css };
        log(
          `\nSo, of the ${gap.toFixed(0)} ms of CPU between the minimal element and the card: about ${css.toFixed(0)} ms is the card's CSS` +
            `${container === undefined ? ' (its cards here are not size containers)' : ` (${container.toFixed(0)} ms of it container-type: inline-size on every card)`},` +
            ` and about ${(gap - css).toFixed(0)} ms its JavaScript and template (see the phases above and the profiles below).`,
        );
      }
      log('\nChromium trace of 3 runs each (medians, ms): style recalc before layout, and layout, which holds the style of');
      log('every subtree inside a size container (container-type), as Chromium resolves those while it lays out.');
      report.trace = {};
      for (const entry of entries) report.trace[entry.name] = await traceSplit(entry);
      log(
        table(
          ['variant', 'run', 'ParseHTML', 'UpdateLayoutTree', 'Layout'],
          entries.map((e) => [e.label, ms(report.trace[e.name].total), ms(report.trace[e.name].parse), ms(report.trace[e.name].style), ms(report.trace[e.name].layout)]),
        ),
      );
      log(`\nCPU profiles (CDP Profiler, 100 µs sampling, ${PROFILE_RUNS} runs each after 3 warm-up runs):`);
      await buildFjordDebug(out, { perModule: true });
      await buildMinimal({ debug: true });
      const card = await profileVariant(browser, base, VARIANTS[2], PROFILE_RUNS);
      printProfile('fjord-article-card', card);
      const minimalProfile = await profileVariant(browser, base, VARIANTS[1], PROFILE_RUNS);
      printProfile('minimal Lit element, for comparison', minimalProfile);
      const pick = (p) => ({ runs: p.runs, byModule: p.top(p.byModule, 20), self: p.top(p.self, 30), inclusive: p.top(p.inclusive, 30, (k) => /\tsrc\/|\tbench\/minimal/.test(k)) });
      report.profile = { fjord: pick(card), minimal: pick(minimalProfile) };
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (!args.has('no-size')) report.sizes = await sizes();
if (args.has('json')) writeFileSync(args.get('json'), JSON.stringify(report, null, 2) + '\n');
log(`\nbench done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
