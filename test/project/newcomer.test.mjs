/**
 * The README's first commands, as a newcomer runs them: `npm install` downloads no browser of its own, and `npm start`
 * prints an address that shows the demo story with all five widgets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = new URL('../..', import.meta.url).pathname;
/** The environment of a fresh shell: none of the variables a developer or CI may have set. */
const freshEnv = (extra = {}) => ({ HOME: process.env.HOME, PATH: process.env.PATH, ...extra });

test("puppeteer's install step downloads no browser: the project's .puppeteerrc.cjs turns it off", () => {
  const cache = mkdtempSync(join(tmpdir(), 'fjord-puppeteer-cache-'));
  try {
    // As npm runs it during `npm install`: from the package's folder, with no PUPPETEER_* variables.
    const run = spawnSync(process.execPath, ['install.mjs'], {
      cwd: join(root, 'node_modules/puppeteer'),
      env: freshEnv({ PUPPETEER_CACHE_DIR: cache }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout + run.stderr, /Skipping downloading browsers/);
    assert.deepEqual(readdirSync(cache), []);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('npm start prints an address that shows the demo story with all five widgets', async () => {
  const child = spawn('npm', ['start'], { cwd: root, env: freshEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no address in 60 s:\n${output}`)), 60_000);
      const read = (chunk) => {
        // Vite colours its output; the first http:// address it prints is the one people open.
        output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
        const found = /https?:\/\/\S+/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[0]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    const response = await fetch(url);
    assert.equal(response.status, 200, `${url} answered ${response.status}`);
    const page = await response.text();
    for (const tag of ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup']) {
      assert.match(page, new RegExp(`<${tag}[\\s>]`), `${url} has no <${tag}>`);
    }
    // The page's module, which registers the widgets, is served too.
    const script = /<script type="module" src="([^"]+)"/.exec(page)?.[1];
    assert.ok(script, `${url} loads no module script`);
    assert.equal((await fetch(new URL(script, url))).status, 200);
    // The site root leads to the same page.
    const home = await fetch(new URL('/', url), { redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(new URL(home.headers.get('location'), url).href, url);
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
});
