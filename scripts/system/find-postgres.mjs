/**
 * PostgreSQL's server programs for the signup endpoint's tests, which start a throwaway cluster of their own:
 * Debian's `postgresql` package puts initdb, pg_ctl and postgres in /usr/lib/postgresql/<version>/bin (newest
 * first here); FJORD_POSTGRES_BIN names another folder. `ensurePostgres()` installs the package when this is root
 * with apt-get, as `npm test` does for browsers; otherwise it fails with the command that installs it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebian } from './ensure-debian.mjs';

export const POSTGRES_PACKAGE = 'postgresql';

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
  ensureDebian([POSTGRES_PACKAGE], () => Boolean(findPostgres()), { what: "the signup endpoint's tests (PostgreSQL)", log });
  return findPostgres();
}
