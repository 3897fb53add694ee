/**
 * `npm run bench`: cold page loads, as a reader's browser meets a page — each sample a fresh page in a fresh tab, its
 * HTML holding the widgets, nothing cached (every response `Cache-Control: no-store`, so no V8 code cache either),
 * text gzipped as any web server or CDN sends it.
 * Driven by tachometer (the Lit team's runner), which alternates the variants sample by sample, through the system's
 * Chromium and chromedriver.
 *
 * Pages: a front page with 60 teasers in its HTML, the same with 1,000, and the demo's story page with all five widgets.
 * Variants of the front pages: static HTML + CSS, a minimal Lit element with the same markup and shadow root, the card
 * from the drop-in file with fjord-elements.css (as the README says), and a Shoelace sl-card composition. The story page:
 * fjord-elements.css alone (no script: the page as it reads before upgrade) and with the drop-in file.
 *
 * Per sample: `ready`, navigation start → every widget rendered and the next frame painted (bench/cold/ready.js); `tbt`,
 * the total blocking time of the main thread's long tasks up to then; `script`, the widget script's evaluation (the
 * module's own code, the upgrade of every widget in the page and the first renders it sets off, up to the next module);
 * `onscreen`, like `ready` for the widgets in the first viewport; and `fcp`. Printed: medians with 95 % confidence intervals (distribution-free, from order statistics), and each
 * variant's `ready` against the minimal element's and static HTML's as the median of the sample-by-sample ratios with
 * its own 95 % interval (tachometer takes one sample of every variant per round, so round i's samples are neighbours).
 *
 * Options: --no-build, --samples=N (per variant, default 30), --pages=front-60,front-1000,story, --variants=LIST,
 * --extra=NAME=FILE,… (another build of the drop-in file as one more variant of the front pages, to weigh a change),
 * --port=N (the page server, default 8100), --json=FILE (every sample), --page-dir=DIR (write the generated pages there
 * too, to open them by hand), --serve (only serve the pages, for a profiler or Lighthouse), --profile[=N] (instead of
 * timing, where each page's main-thread time goes: bench/profile.mjs, unminified builds of the same code),
 * --cpu[=N] (instead of timing, each variant's main-thread CPU time to `ready` over N loads, against the first variant:
 * the steadier figure when other processes share the cores).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { delimiter, extname, join, normalize, resolve, sep } from 'node:path';
import { markup, teasers } from './variants.js';
import { buildFjordDebug, buildLibrary, buildMinimal } from './build.mjs';
import { profile } from './profile.mjs';
import { chromiumArgs, findChromium } from '../scripts/system/find-browser.mjs';
import { cliOptions, extraBuilds } from './options.mjs';

const root = resolve(import.meta.dirname, '..');
const args = cliOptions();
const SAMPLES = Math.max(2, Number(args.get('samples')) || 30);
const PORT = Number(args.get('port')) || 8100;
const list = (key, all) => (args.has(key) ? args.get(key).split(',').filter((name) => all.includes(name)) : all);

const out = mkdtempSync(join(tmpdir(), 'fjord-cold-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const log = (...line) => console.log(...line);

/* ---------- pages ---------- */

const HEAD = `<script>window.benchLongTasks={records:[],observer:new PerformanceObserver((l)=>benchLongTasks.records.push(...l.getEntries()))};benchLongTasks.observer.observe({type:'longtask',buffered:true})</script>`;
/** The widget scripts between two marks, so `script` is their evaluation; then the clock. */
const scripts = (sources, tags) =>
  (sources.length
    ? `<script type="module">performance.mark('script-start')</script>` +
      sources.map((src) => `<script type="module" src="${src}"></script>`).join('') +
      `<script type="module">performance.measure('script','script-start')</script>`
    : '') + `<script type="module" src="/bench/cold/ready.js?tags=${tags.join(',')}"></script>`;
const css = (hrefs) => hrefs.map((href) => `<link rel="stylesheet" href="${href}">`).join('');

const FRONT = {
  static: { head: css(['/bench/page.css', '/bench/static.css']), scripts: [], tags: [] },
  minimal: { head: css(['/bench/page.css']), scripts: ['/bench-out/minimal-card.js'], tags: ['bench-minimal-card'] },
  fjord: { head: css(['/bench/page.css', '/dist/cdn/fjord-elements.css']), scripts: ['/dist/cdn/fjord-elements.js'], tags: ['fjord-article-card'] },
  shoelace: {
    head: css(['/bench/page.css', '/node_modules/@shoelace-style/shoelace/cdn/themes/light.css', '/bench/shoelace.css']),
    scripts: ['/node_modules/@shoelace-style/shoelace/cdn/components/card/card.js', '/node_modules/@shoelace-style/shoelace/cdn/components/format-date/format-date.js'],
    tags: ['sl-card', 'sl-format-date'],
  },
};
/** --extra=name=path,…: other builds of the drop-in file, as variants of the front pages beside `fjord` (to weigh a change). */
const EXTRA = extraBuilds(args);
for (const [name, file] of EXTRA) FRONT[name] = { ...FRONT.fjord, scripts: [`/bench-extra/${name}/${file.split('/').pop()}`] };
const LABELS = { static: 'static HTML + CSS', minimal: 'minimal Lit element', fjord: 'fjord (drop-in file + CSS)', shoelace: 'Shoelace sl-card', css: 'fjord-elements.css only, no script' };
const TAGS = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];

function frontPage(count, variant) {
  const { head, scripts: sources, tags } = FRONT[variant];
  const cards = teasers(count).map((t) => (markup[variant] ?? markup.fjord)(t)).join('\n');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${count} teasers: ${variant}</title>${HEAD}${head}${scripts(sources, tags)}</head><body><main id="cards">\n${cards}\n</main></body></html>`;
}

/** The drop-in file for a variant of the demo pages: `fjord`, or a build given with --extra; none for `css`. */
const dropIn = (variant) => (variant == 'css' ? [] : variant == 'fjord' ? ['/dist/cdn/fjord-elements.js'] : FRONT[variant].scripts);

/** demo/index.html with the drop-in file and fjord-elements.css from dist/ (the README's way), without the demo's own script. */
function storyPage(variant) {
  const html = readFileSync(join(root, 'demo/index.html'), 'utf8')
    .replace('<link rel="stylesheet" href="../src/fjord-elements.css" />', css(['/dist/cdn/fjord-elements.css']))
    .replace(/\s*<script type="module" src="[^"]*"><\/script>/g, '')
    .replace('<link rel="stylesheet" href="./demo.css" />', HEAD + css(['/demo/demo.css']))
    .replace(/(src|srcset)="assets\//g, '$1="/demo/assets/')
    .replace(/, assets\//g, ', /demo/assets/');
  return html.replace('</head>', `${scripts(dropIn(variant), variant == 'css' ? [] : TAGS)}</head>`);
}

/** demo/cdn.html (25 widgets, the drop-in page), its paths made absolute; its own signup script stays. */
function cdnPage(variant) {
  const html = readFileSync(join(root, 'demo/cdn.html'), 'utf8')
    .replace(/\s*<script type="module" src="\.\.\/dist\/cdn\/fjord-elements\.js"><\/script>/, '')
    .replace(/(href|src|srcset)="\.\.\//g, '$1="/')
    .replace(/(href|src|srcset)="\.\/(?!\/)/g, '$1="/demo/')
    .replace(/(src|srcset)="assets\//g, '$1="/demo/assets/')
    .replace(/, assets\//g, ', /demo/assets/')
    .replace('<head>', `<head>${HEAD}`);
  return html.replace('</head>', `${scripts(dropIn(variant), variant == 'css' ? [] : TAGS)}</head>`);
}

const PAGES = {
  'front-60': { label: 'front page, 60 teasers', variants: ['static', 'minimal', 'fjord', 'shoelace', ...EXTRA.keys()], html: (v) => frontPage(60, v) },
  'front-1000': { label: 'front page, 1,000 teasers', variants: ['static', 'minimal', 'fjord', 'shoelace', ...EXTRA.keys()], html: (v) => frontPage(1000, v) },
  story: { label: 'story page, all five widgets (demo/index.html)', variants: ['css', 'fjord', ...EXTRA.keys()], html: storyPage },
  cdn: { label: 'demo/cdn.html, 25 widgets', variants: ['css', 'fjord', ...EXTRA.keys()], html: cdnPage },
};

/* ---------- loopback server: everything no-store ---------- */

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.svg': 'image/svg+xml', '.json': 'application/json' };
const SERVED = ['/bench/', '/demo/', '/dist/cdn/', '/node_modules/@shoelace-style/shoelace/cdn/'];
const generated = new Map();

function fileFor(pathname) {
  const path = normalize(decodeURIComponent(pathname));
  const extra = /^\/bench-extra\/([^/]+)\/(.+)$/.exec(path);
  if (extra && EXTRA.has(extra[1])) {
    const dir = resolve(EXTRA.get(extra[1]), '..');
    const file = join(dir, extra[2]);
    return file.startsWith(dir + sep) ? file : undefined;
  }
  const [base, prefix] = path.startsWith('/bench-out/') ? [out, '/bench-out/'] : SERVED.some((p) => path.startsWith(p)) ? [root, '/'] : [];
  if (!base) return undefined;
  const file = join(base, path.slice(prefix.length));
  return file.startsWith(base + sep) ? file : undefined;
}

const compressed = new Map();
/** A body gzipped once per path and content (the server must not spend the samples' CPU time compressing). */
function gzipped(pathname, body) {
  const hit = compressed.get(pathname);
  if (hit?.body.equals(body)) return hit.gz;
  const gz = gzipSync(body, { level: 9 });
  compressed.set(pathname, { body, gz });
  return gz;
}

function serve() {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const page = generated.get(pathname);
    const file = page === undefined ? fileFor(pathname) : undefined;
    if (page === undefined && (!file || !existsSync(file) || !statSync(file).isFile())) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(pathname)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
    let body = page === undefined ? readFileSync(file) : Buffer.from(page);
    // Text goes out compressed, as any web server or CDN sends it: Lighthouse simulates the network from the bytes sent.
    if (/^(text|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipped(pathname, body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((done, fail) => server.once('error', fail).listen(PORT, '127.0.0.1', () => done(server)));
}

/* ---------- statistics ---------- */

const sorted = (values) => [...values].sort((a, b) => a - b);
function median(values) {
  const s = sorted(values);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
}
/** The 95 % confidence interval of the median from order statistics (binomial, normal approximation). */
function medianInterval(values) {
  const s = sorted(values);
  const n = s.length;
  const half = 1.96 * Math.sqrt(n) / 2;
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  return [s[lo], s[hi]];
}
const summary = (values) => ({ median: median(values), ci: medianInterval(values) });

/* ---------- tachometer ---------- */

const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found: install Debian\'s chromium (and chromium-driver), or set CHROME_PATH.');
  process.exit(1);
}
const MEASURES = [
  { name: 'ready', mode: 'performance', entryName: 'ready' },
  { name: 'onscreen', mode: 'performance', entryName: 'onscreen' },
  { name: 'tbt', mode: 'expression', expression: 'window.benchResult && window.benchResult.tbt' },
  { name: 'fcp', mode: 'performance', entryName: 'first-contentful-paint' },
  { name: 'script', mode: 'performance', entryName: 'script' },
];

async function runPage(id, base) {
  const page = PAGES[id];
  const variants = list('variants', page.variants).filter((v) => page.variants.includes(v));
  const config = {
    sampleSize: SAMPLES,
    timeout: 0,
    benchmarks: variants.map((variant) => ({
      name: variant,
      url: `${base}/bench/cold/${id}-${variant}.html`,
      measurement: MEASURES.filter((m) => m.name != 'script' || (variant != 'static' && variant != 'css')),
      browser: {
        name: 'chrome',
        headless: true,
        binary: chromium,
        windowSize: { width: 1280, height: 800 },
        addArguments: chromiumArgs.filter((arg) => arg != '--headless=new'),
      },
    })),
  };
  const file = join(out, `${id}.json`);
  const results = join(out, `${id}-results.json`);
  writeFileSync(file, JSON.stringify(config));
  log(`\n== ${page.label}: ${variants.length} variants × ${SAMPLES} samples, alternating`);
  const started = Date.now();
  await new Promise((done, fail) => {
    // tachometer finds the driver through the chromedriver package, which downloads none (.npmrc): the system's
    // chromedriver is the one on PATH. SE_OFFLINE keeps Selenium's driver lookup from reaching for the network.
    const child = spawn(process.execPath, [join(root, 'node_modules/tachometer/bin/tach.js'), '--config', file, '--json-file', results], {
      cwd: root,
      // `npm run` puts node_modules/.bin first on PATH, and its chromedriver is the package's stub with no driver behind it.
      env: { ...process.env, SE_OFFLINE: 'true', PATH: (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.endsWith(join('node_modules', '.bin'))).join(delimiter) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`tachometer exited with ${code}:\n${output.slice(-3000)}`))));
  });
  log(`   ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const raw = JSON.parse(readFileSync(results, 'utf8'));
  const samples = {};
  for (const benchmark of raw.benchmarks) {
    const [, variant, measure] = /^(\S+)(?: \[(\w+)\])?$/.exec(benchmark.name) ?? [];
    (samples[variant] ??= {})[measure ?? 'ready'] = benchmark.samples;
  }
  return { id, label: page.label, variants, samples };
}

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const range = ({ median: m, ci: [lo, hi] }) => `${fmt(m)} (${fmt(lo)}–${fmt(hi)})`;
const ratio = ({ median: m, ci: [lo, hi] }) => `${m.toFixed(2)}× (${lo.toFixed(2)}–${hi.toFixed(2)})`;

function report({ label, variants, samples }) {
  const rows = [];
  const paired = (a, b) => summary(a.map((x, i) => x / b[i]));
  for (const variant of variants) {
    const s = samples[variant];
    const against = (other) => (samples[other] && other != variant ? ratio(paired(s.ready, samples[other].ready)) : '—');
    rows.push([
      LABELS[variant] ?? variant,
      range(summary(s.ready)),
      against(variants.includes('static') ? 'static' : 'css'),
      against('minimal'),
      s.onscreen ? range(summary(s.onscreen)) : '—',
      range(summary(s.tbt)),
      s.script ? range(summary(s.script)) : '—',
      range(summary(s.fcp)),
    ]);
  }
  const header = ['variant', 'ready ms', '× static', '× minimal Lit', 'on-screen ms', 'TBT ms', 'script ms', 'FCP ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  log(`\n${label}: medians (95 % CI), ${SAMPLES} samples each`);
  for (const row of [header, ...rows]) log(row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
}

/* ---------- run ---------- */

if (args.get('build') !== 'false' && !args.has('no-build')) buildLibrary('npm run bench');
await buildMinimal(out);
if (args.has('profile') && !args.has('cpu')) {
  await buildMinimal(out, { debug: true });
  await buildFjordDebug(out);
}
const pages = list('pages', ['front-60', 'front-1000', 'story']).concat(args.get('pages')?.includes('cdn') ? ['cdn'] : []);
for (const id of Object.keys(PAGES)) for (const variant of PAGES[id].variants) generated.set(`/bench/cold/${id}-${variant}.html`, PAGES[id].html(variant));
if (args.has('page-dir')) {
  const dir = resolve(args.get('page-dir'));
  mkdirSync(dir, { recursive: true });
  for (const [path, html] of generated) writeFileSync(join(dir, path.split('/').pop()), html);
}
const server = await serve();
const base = `http://127.0.0.1:${PORT}`;
if (args.has('profile') || args.has('cpu')) {
  const light = args.has('cpu');
  const runs = Number(args.get(light ? 'cpu' : 'profile')) || (light ? 20 : 5);
  const debug = (html) => html.replace('/dist/cdn/fjord-elements.js', '/bench-out/fjord-debug/fjord-elements.js').replace('/bench-out/minimal-card.js', '/bench-out/minimal-debug/bench/minimal-card.js');
  try {
    for (const id of pages) {
      log(`\n== ${PAGES[id].label}: ${light ? 'main-thread CPU time' : 'profiles'} of ${runs} cold loads per variant${light ? '' : ' (unminified builds)'}`);
      const variants = list('variants', PAGES[id].variants).filter((v) => PAGES[id].variants.includes(v));
      for (const v of variants) generated.set(`/bench/cold/${id}-${v}-debug.html`, debug(generated.get(`/bench/cold/${id}-${v}.html`)));
      await profile(variants.map((v) => ({ name: LABELS[v] ?? v, url: `${base}/bench/cold/${id}-${v}${light ? '' : '-debug'}.html` })), runs, log, { light });
    }
  } finally {
    server.close();
  }
} else if (args.has('serve')) {
  log(`Serving the pages on ${base}/bench/cold/<page>-<variant>.html (${[...generated.keys()].map((p) => p.split('/').pop()).join(', ')}); Ctrl-C stops.`);
} else {
  const version = await new Promise((done) => {
    const child = spawn(chromium, ['--version']);
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('exit', () => done(text.trim()));
  });
  log(`${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.versions.node}, ${version}`);
  log(`load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const all = [];
  try {
    for (const id of pages) {
      const result = await runPage(id, base);
      all.push(result);
      report(result);
    }
  } finally {
    server.close();
  }
  log(`\nload average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  if (args.has('json')) writeFileSync(resolve(args.get('json')), JSON.stringify({ date: new Date().toISOString(), chromium: version, load: loadavg(), pages: all }, null, 1));
}
