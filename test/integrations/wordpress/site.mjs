// A real WordPress for the tests, in a temporary folder: Debian's `wordpress` code copied there with a wp-config.php of
// its own, a throwaway MariaDB (its own datadir and socket, listening on 127.0.0.1), PHP's built-in web server on
// 127.0.0.1, and WordPress installed through its own installer (wp-admin/install.php). `site.php(commands)` runs
// WordPress's PHP API in the site (site.php); `stop()` stops both servers and removes the folder, and an exit of the
// test process stops them too. Debian's packages are installed when missing and this is root with apt-get.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebian } from '../../../scripts/system/ensure-debian.mjs';
import { freePort } from '../../../scripts/system/free-port.mjs';

export const WORDPRESS = '/usr/share/wordpress';
// The theme is only a recommendation of `wordpress`, and ensureDebian leaves recommendations out.
const PACKAGES = ['php-cli', 'php-mysql', 'wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server'];
const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find(existsSync) ?? '/usr/sbin/mariadbd';
const here = import.meta.dirname;

/** Installs Debian's PHP, WordPress and MariaDB when one is missing (as root with apt-get), else throws with the command. */
export function ensureWordPressSite() {
  const ready = () =>
    spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status === 0 &&
    existsSync(join(WORDPRESS, 'wp-load.php')) &&
    existsSync(join(WORDPRESS, 'wp-content/themes/twentytwentythree/style.css')) &&
    existsSync(MARIADBD) &&
    spawnSync('sh', ['-c', 'command -v mariadb-install-db'], { stdio: 'ignore' }).status === 0;
  ensureDebian(PACKAGES, ready, { what: 'the WordPress site tests' });
}

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, check, { timeout = 60000, log } = {}) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await wait(200);
  }
  throw new Error(`${what} did not happen within ${timeout / 1000} s${log && existsSync(log) ? `:\n${readFileSync(log, 'utf8').slice(-3000)}` : ''}`);
}

/** Starts MariaDB in `dir` as the current user (as root: --user=root, which mariadbd otherwise refuses). */
async function startMariaDB(dir) {
  const data = join(dir, 'data');
  const socket = join(dir, 'mysql.sock');
  const log = join(dir, 'mariadb.log');
  const root = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, ...root, '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
  const port = await freePort();
  const server = spawn(
    MARIADBD,
    ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', ...root, `--pid-file=${join(dir, 'mariadb.pid')}`, `--log-error=${log}`, '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0'],
    { stdio: 'ignore', detached: true },
  );
  const sql = (statement) => spawnSync('mariadb', ['--no-defaults', '-uroot', `--socket=${socket}`, '-e', statement], { encoding: 'utf8' });
  await until('MariaDB accepting connections', () => server.exitCode === null && sql('SELECT 1').status === 0, { log });
  const created = sql("CREATE DATABASE wordpress; CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';");
  if (created.status !== 0) throw new Error(`creating the database failed: ${created.stderr}`);
  return { host: `127.0.0.1:${port}`, process: server };
}

/**
 * Starts the site. `admin` and `password` log in as the administrator. The plugin is not installed: `site.php([{ do:
 * 'install-plugin', zip }])` does it as the upload page does.
 */
export async function startWordPressSite() {
  ensureWordPressSite();
  const dir = mkdtempSync(join(tmpdir(), 'fjord-wordpress-site-'));
  const children = [];
  // Each server runs in a process group of its own (PHP's server forks its workers): the whole group is stopped.
  const stopAll = () => {
    for (const child of children.splice(0)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', stopAll);
  try {
    const db = await startMariaDB(dir);
    children.push(db.process);
    const docroot = join(dir, 'www');
    // Debian's wp-config.php reads /etc/wordpress; the copy gets its own. Languages are left out (30 MB).
    cpSync(WORDPRESS, docroot, { recursive: true, filter: (src) => !src.endsWith('/wp-content/languages') && src !== join(WORDPRESS, 'wp-config.php') });
    mkdirSync(join(docroot, 'wp-content/uploads'), { recursive: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    writeFileSync(
      join(docroot, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', '${db.host}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$table_prefix = 'wp_';
${salts.map((name) => `define( '${name}', '${randomBytes(24).toString('hex')}' );`).join('\n')}
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, 'debug.log')}' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const serverLog = join(dir, 'php-server.log');
    const web = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', docroot, join(here, 'router.php')], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', openSync(serverLog, 'a')],
      detached: true,
    });
    children.push(web);
    await until('PHP server listening', () => fetch(`${url}/readme.html`).then((r) => r.ok, () => false), { log: serverLog });

    // WordPress's own installer, as a person fills it in.
    const password = 'fjord-admin-' + randomBytes(6).toString('hex');
    const form = new URLSearchParams({ weblog_title: 'Fjord', user_name: 'admin', admin_password: password, admin_password2: password, pw_weak: '1', admin_email: 'admin@example.org', blog_public: '0', language: '' });
    const installed = await fetch(`${url}/wp-admin/install.php?step=2`, { method: 'POST', body: form });
    const page = await installed.text();
    if (!installed.ok || !/wp-login\.php/.test(page)) throw new Error(`wp-admin/install.php did not install WordPress (${installed.status}):\n${page.slice(0, 2000)}`);

    const site = {
      url,
      dir,
      admin: 'admin',
      password,
      /** Runs commands with WordPress's PHP API in the site (test/integrations/wordpress/site.php); returns their results. */
      php(commands) {
        const run = spawnSync('php', [join(here, 'site.php')], { input: JSON.stringify({ root: docroot, commands }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (run.status !== 0) throw new Error(`site.php failed (${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
        return JSON.parse(run.stdout);
      },
      /** What WordPress logged about the plugin (PHP warnings and notices with its path). */
      pluginLog() {
        const file = join(dir, 'debug.log');
        return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('fjord-elements')) : [];
      },
      stop() {
        process.off('exit', stopAll);
        try {
          execFileSync('mariadb-admin', ['--no-defaults', '-uroot', `--socket=${join(dir, 'mysql.sock')}`, 'shutdown'], { stdio: 'ignore', timeout: 20000 });
        } catch {
          // Killed below.
        }
        stopAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    // Plain permalinks (/?p=N): the README's relative image URLs then resolve at the site's root.
    site.php([{ do: 'option', name: 'permalink_structure', value: '' }]);
    return site;
  } catch (error) {
    stopAll();
    process.off('exit', stopAll);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
