/**
 * `npm test`: the browser tests in Chromium, Firefox ESR and WebKit (WebKitGTK), then the signup
 * endpoint's Node tests (server/, against a real SMTP server and a throwaway PostgreSQL cluster); the last line is the total, "N passed, N failed". `FJORD_BROWSERS=chromium npm test` (or a comma list) runs chosen engines only;
 * other arguments go to web-test-runner (e.g. `npm test -- --files test/widgets/photo.test.ts`).
 *
 * Browsers and PostgreSQL come from the system. When one is missing and this is root with apt-get, the Debian
 * package is installed and that is said; otherwise the run stops with the command that installs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianPackages, engines, findWebKit } from '../system/find-browser.mjs';
import { ensureDebian } from '../system/ensure-debian.mjs';
import { ensurePostgres } from '../system/find-postgres.mjs';
import { freePort } from '../system/free-port.mjs';

const wanted = (process.env.FJORD_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
for (const name of wanted) {
  if (!(name in engines)) {
    console.error(`Unknown engine "${name}" in FJORD_BROWSERS; use chromium, firefox and/or webkit.`);
    process.exit(1);
  }
}

const missing = wanted.filter((name) => !engines[name]());
try {
  ensureDebian(missing.flatMap((name) => debianPackages[name]), () => missing.every((name) => engines[name]()), {
    what: `the browser engine(s) ${missing.join(', ')}`,
    hint: 'Or run some engines only: FJORD_BROWSERS=chromium npm test',
    recommends: true,
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}


/** WebKitWebDriver needs a display: run it under xvfb-run for the length of the test run. */
async function startWebKitDriver() {
  const { driver, xvfbRun } = findWebKit();
  const port = await freePort();
  const child = spawn(xvfbRun, ['-a', driver, `--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (up) return { port, stop: () => process.kill(-child.pid, 'SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid, 'SIGTERM');
  throw new Error('WebKitWebDriver did not start');
}

// Some tests read the build (the manifest, the autoloader and per-widget files): build first, so they
// never test a stale dist/. FJORD_SKIP_BUILD=1 skips it when you have just built.
if (!process.env.FJORD_SKIP_BUILD) {
  console.log('Building (npm run build) …');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error('npm run build failed; the tests need the build.');
    process.exit(1);
  }
}

const summaryDir = mkdtempSync(join(tmpdir(), 'fjord-test-'));
const env = { ...process.env, FJORD_BROWSERS: wanted.join(','), FJORD_SUMMARY_FILE: join(summaryDir, 'browser.json') };
let webkit;
if (wanted.includes('webkit')) {
  webkit = await startWebKitDriver();
  env.FJORD_WEBKIT_DRIVER_PORT = String(webkit.port);
}
const args = process.argv.slice(2);
let browserStatus;
try {
  browserStatus = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...args], { stdio: 'inherit', env }).status ?? 1;
} finally {
  webkit?.stop();
}
const browser = existsSync(env.FJORD_SUMMARY_FILE)
  ? JSON.parse(readFileSync(env.FJORD_SUMMARY_FILE, 'utf8'))
  : { passed: 0, failed: 1 };
rmSync(summaryDir, { recursive: true, force: true });

// The Node tests (node --test): the signup endpoint's, the sanitizer presets' and WordPress plugin's, and the
// newcomer's first commands; unless only some browser test files were asked for.
let server = { passed: 0, failed: 0, skipped: 0 };
let serverStatus = 0;
if (!args.some((a) => a.startsWith('--files'))) {
  console.log('\nNode tests (node --test):');
  // The signup endpoint's tests start a PostgreSQL cluster of their own: install Debian's package as for the browsers, or stop here.
  try {
    ensurePostgres();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=' + join(tmpdir(), `fjord-server-tap-${process.pid}.txt`), ...globTests('test')], { stdio: 'inherit' });
  serverStatus = run.status ?? 1;
  const tapFile = join(tmpdir(), `fjord-server-tap-${process.pid}.txt`);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  rmSync(tapFile, { force: true });
  server = {
    passed: Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0),
    failed: Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? (serverStatus ? 1 : 0)),
    skipped: Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0),
  };
  console.log(`\nnode tests: ${server.passed} passed, ${server.failed} failed${server.skipped ? `, ${server.skipped} skipped` : ''}`);
}

const passed = browser.passed + server.passed;
const failed = browser.failed + server.failed;
// Skipped tests are named in the closing line, so a run that left some out (one engine only, say) cannot pass for a full one.
const skipped = (browser.skipped ?? 0) + server.skipped;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(browserStatus || serverStatus || (failed ? 1 : 0));

function globTests(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.test.mjs'))
    .map((name) => join(dir, name))
    .sort();
}
