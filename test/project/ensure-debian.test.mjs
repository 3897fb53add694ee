// scripts/system/ensure-debian.mjs, which the test run uses for browsers, PostgreSQL and WordPress. Its refusals are run
// as `nobody` (when these tests run as root), so that the run's own root and apt-get are not used.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebian } from '../../scripts/system/ensure-debian.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const asRoot = process.getuid?.() === 0;

// The modules the refusals run, copied where `nobody` can read them: a clone may sit in a folder only root can enter
// (`mktemp -d` makes one). They import nothing but Node's own modules and each other.
const copy = mkdtempSync(join(tmpdir(), 'fjord-ensure-debian-'));
chmodSync(copy, 0o755);
mkdirSync(join(copy, 'scripts/system'), { recursive: true });
for (const file of ['ensure-debian.mjs', 'find-postgres.mjs']) copyFileSync(join(root, 'scripts/system', file), join(copy, 'scripts/system', file));
after(() => rmSync(copy, { recursive: true, force: true }));

/** Runs `code` (an ES module, in the copy's folder) in Node as a user who is not root; its exit status and stderr. */
function asUser(code, env = {}) {
  const node = [process.execPath, '--input-type=module', '-e', code];
  const [command, args] = asRoot ? ['runuser', ['-u', 'nobody', '--', ...node]] : [node[0], node.slice(1)];
  const run = spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stderr: run.stderr };
}

describe('ensureDebian', () => {
  it('does nothing when the check holds', () => {
    const said = [];
    ensureDebian(['surely-not-a-package'], () => true, { log: (line) => said.push(line) });
    assert.deepEqual(said, []);
  });

  it('without root, fails with the command that installs the packages, and the hint', () => {
    const { status, stderr } = asUser(
      `import { ensureDebian } from './scripts/system/ensure-debian.mjs';
       ensureDebian(['php-cli', 'wordpress'], () => false, { what: "WordPress's kses tests", hint: 'Or skip them.' });`,
    );
    assert.notEqual(status, 0);
    assert.match(stderr, /WordPress's kses tests need Debian's php-cli, wordpress, which are not installed\. Install them:\n {2}sudo apt-get install -y --no-install-recommends php-cli wordpress\nOr skip them\./);
  });

  it('is what the PostgreSQL the tests start goes through: missing, it is installed, or the command to install it is given', () => {
    // startPostgres (test/signups/postgres.mjs) begins with ensurePostgres.
    const { status, stderr } = asUser(
      `import { ensurePostgres } from './scripts/system/find-postgres.mjs';
       ensurePostgres();`,
      { FJORD_POSTGRES_BIN: '/nonexistent' },
    );
    assert.notEqual(status, 0);
    assert.match(stderr, /sudo apt-get install -y --no-install-recommends postgresql/);
  });
});
