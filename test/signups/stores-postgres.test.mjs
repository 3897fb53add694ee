// The signup service's behaviour on PostgreSQL: a throwaway cluster started for this file (Debian's postgresql,
// run as a non-root user), a new database for each test, every instance connecting to it. Then what happens while
// the database server is away.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { behaviourSuite } from './behaviour.mjs';
import { freePort, request, signup, start } from './helpers.mjs';
import { startPostgres } from './postgres.mjs';
import { mailsTo, startSmtp } from './smtp.mjs';

let cluster;
let clusterPort;
before(async () => {
  clusterPort = await freePort(7150);
  cluster = await startPostgres(clusterPort);
});
after(() => cluster?.stop());

behaviourSuite('PostgreSQL', {
  ports: { http: [7120, 7121], smtp: 7122 },
  database: () => cluster.database(),
});

describe('the signup service while PostgreSQL is away', () => {
  let smtp;
  let server;
  before(async () => {
    smtp = await startSmtp(await freePort(7123));
    server = await start({ database: await cluster.database(), port: await freePort(7124), smtpUrl: smtp.url, sender: { pollMs: 150, retryMs: 150 } });
  });
  after(async () => {
    await server?.close();
    await smtp?.stop();
  });

  it('answers 500 in the reader’s language, /readyz 503, and stores nothing half; once it is back, signups and mails go on', async () => {
    assert.equal((await signup(server, { email: 'before@example.no', list: 'morgenbrevet' })).status, 200);
    await smtp.until(() => mailsTo(smtp, 'before@example.no').length, 'the first mail');
    cluster.pause();
    try {
      const res = await signup(server, { email: 'during@example.no', list: 'morgenbrevet', locale: 'nn' }, { headers: { 'accept-language': 'nn' } });
      assert.equal(res.status, 500);
      assert.deepEqual(res.json(), { message: 'Noko gjekk gale hos oss. Prøv igjen om litt.' });
      const ready = await request(`${server.url}/readyz`);
      assert.equal(ready.status, 503, 'a load balancer takes the instance out');
      assert.match(ready.json().reason, /did not answer/);
      assert.equal((await request(`${server.url}/healthz`)).status, 200, 'while the process itself is fine');
    } finally {
      cluster.resume();
    }
    assert.equal((await request(`${server.url}/readyz`)).status, 200, 'and puts it back once the database is');
    assert.ok(server.logs.some((line) => line.includes('POST /api/newsletter failed')), 'the failure is in the log');
    assert.equal((await signup(server, { email: 'during@example.no', list: 'morgenbrevet', locale: 'nn' })).status, 200);
    await smtp.until(() => mailsTo(smtp, 'during@example.no').length, 'the mail after the database returned');
    const rows = await server.handler.store.all();
    assert.deepEqual(rows.map((r) => r.email), ['before@example.no', 'during@example.no']);
    assert.equal(mailsTo(smtp, 'during@example.no').length, 1);
  });
});

describe('the throwaway PostgreSQL cluster', () => {
  it('resume() after pause() waits while another process holds its port, then serves on it again', async () => {
    cluster.pause();
    // Another process takes the port for a second and a half (resume() blocks this one while it waits).
    const squatter = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${clusterPort}, '127.0.0.1', function () { console.log('up'); setTimeout(() => this.close(), 1500); })`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve, reject) => {
        squatter.stdout.once('data', resolve);
        squatter.once('exit', (code) => reject(new Error(`the process holding the port exited (${code}) before it held it`)));
      });
      const waited = Date.now();
      cluster.resume();
      assert.ok(Date.now() - waited >= 500, 'resume() waited for the port');
    } finally {
      squatter.kill();
    }
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    try {
      assert.equal((await client.query('SELECT 1 AS one')).rows[0].one, 1);
    } finally {
      await client.end();
    }
  });
});
