/**
 * `npm run lighthouse`: Lighthouse 12 with its default (mobile) settings on the pages with many widgets — the demo's
 * drop-in page (demo/cdn.html, 25 widgets) and the story page with all five widgets (demo/index.html with the drop-in
 * file, as `npm run bench` serves it) — in the system's Chromium (chrome-launcher, headless, no sandbox as root).
 * Prints each run's performance score, total blocking time, cumulative layout shift, FCP, LCP and speed index, and the
 * medians, with the host's CPU power as Lighthouse measures it (benchmarkIndex), which its 4× slowdown is relative to.
 * Exits 1 when a median misses its target: TBT ≤ 50 ms, performance ≥ 95, CLS 0.
 *
 * Options: --no-build, --runs=N (per page, default 3), --port=N (the page server, default 8101), --json=FILE,
 * --baseline (also both pages with fjord-elements.css and no script: what the machine itself gives), --floor (also the
 * cold benchmark's front page of 60 teasers as static HTML, minimal Lit element, fjord and Shoelace), --desktop (Lighthouse's
 * own desktop preset instead of the mobile defaults: no CPU slowdown, a fast network; the targets are the mobile ones),
 * --throttling-method=devtools (the mobile settings applied instead of simulated: Chromium really runs the CPU 4× slower
 * and the network slow, and Lighthouse reports what it observed instead of what its model of the trace predicts),
 * --extra=NAME=FILE,… (another build of the drop-in file, to weigh a change: both pages as `npm run bench` generates them,
 * with dist/ and with each build, the pages taken in turn run by run so that the machine's drifts fall on all alike).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { buildLibrary } from './build.mjs';
import { chromiumArgs, findChromium } from '../scripts/system/find-browser.mjs';
import { cliOptions, extraBuilds } from './options.mjs';

const root = resolve(import.meta.dirname, '..');
const args = cliOptions();
const RUNS = Math.max(1, Number(args.get('runs')) || 3);
const PORT = Number(args.get('port')) || 8101;
const base = `http://127.0.0.1:${PORT}`;
const extra = [...extraBuilds(args).keys()];
const throttlingMethod = args.get('throttling-method');
if (throttlingMethod && !['simulate', 'devtools'].includes(throttlingMethod)) {
  console.error(`--throttling-method=${throttlingMethod}: write simulate (the default) or devtools.`);
  process.exit(2);
}
const PAGES = [
  ...(extra.length
    ? ['fjord', ...extra].flatMap((v) => [
        { name: `cdn page (25 widgets), ${v}`, url: `${base}/bench/cold/cdn-${v}.html` },
        { name: `story page (10 widgets), ${v}`, url: `${base}/bench/cold/story-${v}.html` },
      ])
    : [
        { name: 'demo/cdn.html (25 widgets)', url: `${base}/demo/cdn.html` },
        { name: 'story page (10 widgets of all five kinds)', url: `${base}/bench/cold/story-fjord.html` },
      ]),
  // --baseline: the same two pages with fjord-elements.css and no script, what the machine gives without the widgets.
  // Pages marked `reference` are reported beside the others and not held to the targets.
  ...(args.has('baseline')
    ? [
        { name: 'demo/cdn.html without the script (baseline)', url: `${base}/bench/cold/cdn-css.html`, reference: true },
        { name: 'story page without the script (baseline)', url: `${base}/bench/cold/story-css.html`, reference: true },
      ]
    : []),
  // --floor: the cold benchmark's front page of 60 teasers in each of its variants, the floor of this architecture
  // (the minimal Lit element) beside static HTML, the card and Shoelace.
  ...(args.has('floor')
    ? ['static', 'minimal', 'fjord', ...extra, 'shoelace'].map((v) => ({ name: `front page, 60 teasers, ${v}`, url: `${base}/bench/cold/front-60-${v}.html`, reference: true }))
    : []),
];

if (!args.has('no-build')) buildLibrary('npm run lighthouse');
// The pages are served as the cold benchmark serves them: no-store, gzipped, from 127.0.0.1.
const server = spawn(process.execPath, [resolve(root, 'bench/cold.mjs'), '--no-build', '--serve', `--port=${PORT}`, ...(extra.length ? [`--extra=${args.get('extra')}`] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((done, fail) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('Serving') && done());
  server.on('exit', (code) => fail(new Error(`the page server exited with ${code}`)));
});

const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: [...chromiumArgs.filter((flag) => flag != '--headless=new'), '--headless=new'],
});
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
};
const results = [];
let missed = false;
try {
  const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], ...(throttlingMethod ? { throttlingMethod } : {}) };
  const config = args.has('desktop') ? desktopConfig : undefined;
  // Round by round, every page once per round: a slow spell of the machine then falls on every page alike.
  const runs = PAGES.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [p, page] of PAGES.entries()) {
      const { lhr } = await lighthouse(page.url, flags, config);
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      const run = {
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        si: audit('speed-index'),
        mainThread: audit('mainthread-work-breakdown'),
        bootup: audit('bootup-time'),
        longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((task) => Math.round(task.duration)),
        benchmarkIndex: lhr.environment.benchmarkIndex,
      };
      runs[p].push(run);
      console.log(
        `${page.name}, run ${i + 1}: performance ${run.score}, TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms, SI ${run.si.toFixed(0)} ms; long tasks (ms): ${run.longTasks.join(', ') || 'none'}; host benchmarkIndex ${Math.round(run.benchmarkIndex)}`,
      );
    }
  }
  // Lighthouse's 4× CPU slowdown turns a host of benchmarkIndex 1,500–2,000 (its "high-end desktop") into a mid-tier
  // phone; on a weaker host the same 4× models a slower phone than that (docs/throttling.md in Lighthouse's repository).
  const index = median(runs.flat().map((run) => run.benchmarkIndex));
  console.log(`\nHost CPU: benchmarkIndex ${Math.round(index)} (median of every run)${index < 1000 && !args.has('desktop') ? ": below 1,000, where Lighthouse's 4× slowdown models a phone slower than its mid-tier target" : ''}.`);
  for (const [p, page] of PAGES.entries()) {
    const m = (key) => median(runs[p].map((run) => run[key]));
    console.log(`\n== ${page.name}${args.has('desktop') ? ', desktop preset' : ''}${throttlingMethod == 'devtools' ? ', applied throttling' : ''}: ${page.url}`);
    console.log(`  median of ${RUNS}: performance ${m('score')}, TBT ${m('tbt').toFixed(0)} ms (runs: ${runs[p].map((r) => r.tbt.toFixed(0)).join(', ')}), CLS ${m('cls').toFixed(3)}, FCP ${m('fcp').toFixed(0)} ms, LCP ${m('lcp').toFixed(0)} ms, SI ${m('si').toFixed(0)} ms`);
    const verdict = [m('tbt') <= 50 ? 'TBT ≤ 50 ms' : 'TBT OVER 50 ms', m('score') >= 95 ? 'performance ≥ 95' : 'performance BELOW 95', m('cls') == 0 ? 'CLS 0' : 'CLS ABOVE 0'];
    if (!page.reference) missed ||= verdict.some((v) => /OVER|BELOW|ABOVE/.test(v));
    console.log(`  ${page.reference ? 'against the targets (a reference, not held to them)' : 'targets'}: ${verdict.join(', ')}`);
    results.push({ page: page.name, url: page.url, runs: runs[p] });
  }
} finally {
  await chrome.kill();
  server.kill();
}
if (args.has('json')) writeFileSync(resolve(args.get('json')), JSON.stringify({ date: new Date().toISOString(), results }, null, 1));
if (missed) process.exitCode = 1;
