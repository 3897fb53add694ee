// Shared by the tests of the example sites (examples/eleventy, examples/hugo): each is packed and built as a consumer
// builds it, served from its output folder with the widget script held back, and opened in Chromium
// (puppeteer-core, the system's browser), so that the page is laid out and painted before the widgets upgrade.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../scripts/system/find-browser.mjs';

export const TAGS = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];
/** The widget scripts, served 700 ms late: the drop-in file, and the npm build a server-rendered page hydrates with. */
export const LATE = /^\/(fjord-elements\/fjord-elements\.js|modules\/fjord-elements\/index\.js)$/;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * The example site `examples/<name>` as a consumer has it: copied into a temporary folder (leaving out what `skip`
 * matches: its installed packages and build output) with the packed package of `root` installed. `start(builds)`
 * serves each built folder ({ name: folder in the copy }) and starts Chromium; `stop()` ends both and removes the copy.
 */
export function exampleSite(root, name, skip) {
  const dir = mkdtempSync(join(tmpdir(), `fjord-${name}-`));
  const app = join(dir, 'app');
  const site = { dir, app, sites: {}, browser: undefined };
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  cpSync(join(root, 'examples', name), app, { recursive: true, filter: (src) => !skip.test(src) });
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, filename)], app);
  site.start = async (builds) => {
    for (const [build, out] of Object.entries(builds)) {
      const server = await serve(join(app, out));
      site.sites[build] = { server, url: `http://127.0.0.1:${server.address().port}` };
    }
    site.browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs });
  };
  site.stop = async () => {
    await site.browser?.close();
    for (const { server } of Object.values(site.sites)) server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return site;
}

/** Runs a command and returns its output: stdout, and with `stderr: true` what it wrote there too. */
export function run(command, args, cwd, env = {}, { stderr = false } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout + (stderr ? result.stderr : '');
}

/** Serves `dir` on 127.0.0.1 (a port the system picks), the widget scripts (LATE) 700 ms late. */
export function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    let file = join(dir, decodeURIComponent(path));
    if (existsSync(file) && !extname(file)) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    const send = () => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    if (LATE.test(path)) setTimeout(send, 700);
    else send();
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

/** Opens a page, records what it logs, and waits until every widget on it is defined and rendered. */
export async function openPage(browser, url, { javaScript = true } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 800, height: 2400 });
  const logged = [];
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  page.on('console', (m) => ['error', 'warn', 'warning'].includes(m.type()) && logged.push(`${m.type()}: ${m.text()}`));
  page.on('requestfailed', (r) => logged.push(`failed: ${r.url()}`));
  await page.setJavaScriptEnabled(javaScript);
  // Layout shifts, recorded by the page itself; the test counts those from the moment the widget script arrives (see
  // `upgradeShifts`).
  await page.evaluateOnNewDocument(() => {
    window.layoutShifts = [];
    new PerformanceObserver((list) => window.layoutShifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (javaScript) {
    await page.waitForFunction(
      (tags) => [...document.querySelectorAll(tags.join(','))].every((el) => customElements.get(el.localName) && el.hasUpdated),
      { timeout: 15000 },
      TAGS,
    );
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  }
  return { page, logged };
}

/**
 * The layout shifts from the moment the delayed widget script arrived (its response's first byte): what upgrading or
 * hydrating the widgets moved. Shifts before it are the page's own parsing, which the widgets have no part in: under
 * load Chromium can paint a page half-parsed, and a block whose heading has not arrived yet then sits 4 px higher
 * than once it has (its margin collapses differently), which CI saw at times. What moved, where from and to, and when,
 * is in `moved`, so a failure tells a real shift from a race.
 */
export const upgradeShifts = (page) =>
  page.evaluate((late) => {
    const script = performance.getEntriesByType('resource').find((e) => new RegExp(late).test(new URL(e.name).pathname));
    const arrived = script?.responseStart ?? 0;
    const seen = window.layoutShifts.filter((e) => e.startTime >= arrived);
    const where = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const name = (node) => (node?.nodeType == 3 ? `text "${node.data.trim().slice(0, 30)}" in <${node.parentNode?.localName}>` : `<${node?.localName ?? '?'}>`);
    const moved = seen.flatMap((e) =>
      e.sources.map((s) => `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${name(s.node)} ${where(s.previousRect)} → ${where(s.currentRect)}`),
    );
    return { arrived: Math.round(arrived), shifts: seen.reduce((sum, e) => sum + e.value, 0), moved };
  }, LATE.source);

/** A page whose widgets upgraded as a reader's do: nothing logged, and nothing moved once the late widget script arrived. */
export async function assertStillUpgrade(page, logged) {
  assert.deepEqual(logged, []);
  const { arrived, shifts, moved } = await upgradeShifts(page);
  assert.ok(arrived > 700, `the widget script arrived at ${arrived} ms, not after its 700 ms delay`);
  assert.equal(shifts, 0, `layout shift from the widget script's arrival on:\n${moved.join('\n')}`);
}
