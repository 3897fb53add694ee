/**
 * System programs the tests need (browsers, PostgreSQL, PHP with WordPress) come from Debian's packages.
 * `ensureDebian(packages, check)` returns at once when `check()` is true. Otherwise, as root with apt-get, it installs
 * `packages` and says so; without root or apt-get, or when `check()` is still false after installing, it throws
 * with the command that installs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * `what` names what needs the packages ("the signup endpoint's tests"); `hint` is added to the error when this
 * cannot install; `recommends: false` leaves out the packages' recommended ones.
 */
export function ensureDebian(packages, check, { what = 'the tests', hint = '', recommends = false, log = console.log } = {}) {
  if (check()) return;
  const options = recommends ? [] : ['--no-install-recommends'];
  const command = `apt-get install -y ${[...options, ...packages].join(' ')}`;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${what} need Debian's ${packages.join(', ')}, which are not installed. Install them:\n  sudo ${command}${hint ? `\n${hint}` : ''}`);
  }
  log(`Installing Debian packages for ${what}: ${packages.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!(run(['update', '-qq']) && run(['install', '-y', '-qq', ...options, ...packages])) || !check()) {
    throw new Error(`Installing ${packages.join(', ')} for ${what} failed. Install them by hand:\n  ${command}`);
  }
}
