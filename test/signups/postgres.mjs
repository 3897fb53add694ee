// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, run as `nobody` when the tests run
// as root (PostgreSQL refuses root), listening on 127.0.0.1 and a socket in that folder; `stop()` removes it all.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensurePostgres } from '../../scripts/system/find-postgres.mjs';

export async function startPostgres(port) {
  // Never a skip: as root with apt-get, Debian's package is installed; otherwise the run fails and says how to get it.
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'fjord-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (program, args) => {
    const [command, all] = root ? ['runuser', ['-u', 'nobody', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const result = spawnSync(command, all, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${program} failed:\n${result.stdout}\n${result.stderr}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=100'];
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  // A test run that dies before its `after` hook still leaves no server running.
  const emergencyStop = () => spawnSync(root ? 'runuser' : join(bin, 'pg_ctl'), [...(root ? ['-u', 'nobody', '--', join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'immediate', 'stop']);
  process.once('exit', emergencyStop);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let n = 0;
  return {
    url,
    /** A new, empty database; resolves to its URL. */
    async database(prefix = 'signups') {
      const name = `${prefix}_${++n}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    /** Stops the server, keeping its data, as an outage or a restart does. */
    pause() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    /**
     * Starts it again after `pause()`, on the same port. The port may have come from the system, and another
     * process may have taken it meanwhile: while the server cannot bind it, this waits and tries again (up to 10 s).
     */
    resume() {
      const log = join(dir, 'server.log');
      for (let attempt = 1; ; attempt++) {
        const logged = statSync(log).size;
        try {
          return run('pg_ctl', ['-D', data, '-l', log, '-o', settings.join(' '), '-w', '-t', '60', 'start']);
        } catch (error) {
          const said = readFileSync(log).subarray(logged).toString('utf8');
          if (!/could not bind|Address already in use/i.test(said) || attempt === 40) throw error;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
        }
      }
    },
    stop() {
      process.off('exit', emergencyStop);
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
