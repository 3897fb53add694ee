/**
 * PostgreSQL's server programs for the signup endpoint's tests, which start a throwaway cluster of their own:
 * Debian's `postgresql` package puts initdb, pg_ctl and postgres in /usr/lib/postgresql/<version>/bin (newest
 * first here); FJORD_POSTGRES_BIN names another folder. `ensurePostgres()` installs the package when this is root
 * with apt-get, as `npm test` does for browsers; otherwise it fails with the command that installs it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const POSTGRES_PACKAGE = 'postgresql';
export const POSTGRES_INSTALL = `apt-get install -y ${POSTGRES_PACKAGE}`;

/** The folder with initdb, pg_ctl and postgres, or undefined. */
export function findPostgres() {
  const has = (dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name)));
  if (process.env.FJORD_POSTGRES_BIN) return has(process.env.FJORD_POSTGRES_BIN) ? process.env.FJORD_POSTGRES_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'))
    .find(has);
}

/** The folder of PostgreSQL's programs, installing Debian's package first when it is missing and this may. Throws with the install command when it cannot. */
export function ensurePostgres({ log = console.log } = {}) {
  const found = findPostgres();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) throw new Error(`PostgreSQL is not installed; the signup endpoint's tests need it. Install it:\n  sudo ${POSTGRES_INSTALL}`);
  log(`Installing Debian's ${POSTGRES_PACKAGE} package for the signup endpoint's tests …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!(run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', POSTGRES_PACKAGE])) || !findPostgres()) {
    throw new Error(`Installing PostgreSQL failed. Install it by hand:\n  ${POSTGRES_INSTALL}`);
  }
  return findPostgres();
}
