// What an operator sees of a running `fjord-signups`: /healthz and /readyz for a load balancer, /metrics in
// Prometheus' text format behind a token, and one JSON object per log line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { freePort, request, signup, start, tempDatabase } from './helpers.mjs';
import { startSmtp } from './smtp.mjs';

const TOKEN = 'scrape-me-3f9c';

/** The value of one sample in Prometheus' text format, or undefined. */
function sample(text, name, labels = '') {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('the operator’s view', () => {
  const db = tempDatabase();
  let smtp;
  let server;
  before(async () => {
    smtp = await startSmtp(await freePort(7170), { refuse: (address) => (address.startsWith('bounce') ? 550 : undefined) });
    server = await start({
      database: db.file,
      smtpUrl: smtp.url,
      mailFrom: 'nyhetsbrev@fjordavisa.example',
      metricsToken: TOKEN,
      rateLimit: { perAddress: 2 },
      sender: { pollMs: 100 },
    });
  });
  after(async () => {
    await server.close();
    await smtp.stop();
    db.remove();
  });

  it('GET /healthz answers 200 while the process runs', async () => {
    const res = await request(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers with every migration, 503 when its schema is not this server’s', async () => {
    const ready = await request(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
    const raw = new Database(db.file);
    const version = raw.pragma('user_version', { simple: true });
    raw.pragma('user_version = 99');
    try {
      const stale = await request(`${server.url}/readyz`);
      assert.equal(stale.status, 503);
      assert.match(stale.json().reason, /schema version 99/);
    } finally {
      raw.pragma(`user_version = ${version}`);
      raw.close();
    }
  });

  it('GET /metrics is refused without the token (401) and off without one set (404)', async () => {
    assert.equal((await request(`${server.url}/metrics`)).status, 401);
    assert.equal((await request(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status, 401);
    const other = tempDatabase();
    const plain = await start({ database: other.file });
    try {
      assert.equal((await request(`${plain.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 404);
    } finally {
      await plain.close();
      other.remove();
    }
  });

  it('GET /metrics counts signups by outcome and status, mails, rate-limit refusals and the outbox, in Prometheus’ text format', async () => {
    for (const email of ['m1@example.no', 'm2@example.no', 'bounce@example.no']) assert.equal((await signup(server, { email, list: 'morgenbrevet' })).status, 200);
    assert.equal((await signup(server, { email: 'm1@example.no', list: 'morgenbrevet' })).status, 200);
    assert.equal((await signup(server, { email: 'm1@example.no', list: 'morgenbrevet' })).status, 429);
    assert.equal((await signup(server, { email: 'nope', list: 'morgenbrevet' })).status, 422);
    await smtp.until(() => smtp.mails.length === 2 && smtp.attempts.includes('bounce@example.no'), 'two mails and a refusal');
    let text;
    for (let i = 0; i < 50; i++) {
      const res = await request(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/);
      text = res.text;
      if (sample(text, 'fjord_mails_total', 'outcome="failed"') === 1 && sample(text, 'fjord_outbox_depth') === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(sample(text, 'fjord_signups_total', 'outcome="queued",status="200"'), 3);
    assert.equal(sample(text, 'fjord_signups_total', 'outcome="unchanged",status="200"'), 1);
    assert.equal(sample(text, 'fjord_signups_total', 'outcome="rate-limited",status="429"'), 1);
    assert.equal(sample(text, 'fjord_signups_total', 'outcome="invalid",status="422"'), 1);
    assert.equal(sample(text, 'fjord_rate_limit_refusals_total', 'bucket="address"'), 1);
    assert.equal(sample(text, 'fjord_mails_total', 'outcome="sent"'), 2);
    assert.equal(sample(text, 'fjord_mails_total', 'outcome="failed"'), 1);
    assert.equal(sample(text, 'fjord_outbox_depth'), 0);
    assert.equal(sample(text, 'fjord_outbox_oldest_age_seconds'), 0);
    assert.match(text, /^# TYPE fjord_signups_total counter$/m);
    assert.match(text, /^process_cpu_seconds_total /m, 'the process metrics too');
  });

  it('writes each event as one line of JSON, addresses masked', async () => {
    assert.ok(server.logs.length > 5);
    const events = server.logs.map((line) => JSON.parse(line));
    for (const event of events) {
      assert.match(event.time, /^\d{4}-\d\d-\d\dT/);
      assert.ok(['info', 'warn', 'error'].includes(event.level));
      assert.equal(typeof event.event, 'string');
      assert.equal(typeof event.message, 'string');
    }
    const signups = events.filter((e) => e.event === 'signup');
    assert.deepEqual(signups.map((e) => [e.outcome, e.status]), [['queued', 200], ['queued', 200], ['queued', 200], ['unchanged', 200], ['rate-limited', 429], ['invalid', 422]]);
    assert.equal(signups[0].to, 'm…@example.no');
    assert.ok(events.some((e) => e.event === 'mail-sent' && e.to === 'm…@example.no'));
    assert.ok(events.some((e) => e.event === 'mail-failed' && /550/.test(e.error)));
    assert.ok(!server.logs.some((line) => line.includes('m1@example.no')), 'no address spelled out');
  });
});
