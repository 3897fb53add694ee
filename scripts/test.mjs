/**
 * `npm test`: the browser tests in headless Chromium. Finds Chromium on the system; when there is none
 * and this is root on Debian/Ubuntu, installs Debian's `chromium` package and says so; otherwise stops
 * with the command that installs one. Arguments are passed on to web-test-runner
 * (e.g. `npm test -- --files test/photo.test.ts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';

if (!findChromium()) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error('No Chromium or Chrome found. Install one, e.g.\n  sudo apt-get install -y chromium\nor set CHROME_PATH to a Chrome/Chromium binary.');
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!(run(['update', '-qq']) && run(['install', '-y', '-qq', 'chromium'])) || !findChromium()) {
    console.error('Installing chromium failed. Install it by hand: apt-get install -y chromium');
    process.exit(1);
  }
}

const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
