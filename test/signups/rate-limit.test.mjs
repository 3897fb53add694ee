import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock, readDatabase, signup, start, tempDatabase } from './helpers.mjs';

// Each test sends from addresses of its own in 127.0.0.0/8, so every client IP starts with a clean slate.
describe('rate limits (60 a minute per client IP, 5 per address)', () => {
  const db = tempDatabase();
  const clock = fixedClock();
  let server;
  before(async () => {
    server = await start({ database: db.file, now: clock.now });
  });
  after(async () => {
    await server.close();
    db.remove();
  });

  it('allows 60 attempts from one IP a minute (a shared office address), then answers 429 with Retry-After', async () => {
    const from = '127.0.1.1';
    for (let i = 0; i < 60; i++) {
      assert.equal((await signup(server, { email: `ip${i}@example.no`, list: 'morgenbrevet' }, { from })).status, 200);
    }
    clock.advance(20_000);
    const res = await signup(server, { email: 'ip60@example.no', list: 'morgenbrevet', locale: 'en' }, { from, headers: { 'accept-language': 'en' } });
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '40');
    assert.deepEqual(res.json(), { message: 'Too many attempts. Please wait a moment and try again.' });
    assert.ok(!readDatabase(db.file).signups.some((r) => r.email === 'ip60@example.no'));

    // Another client is not held back, and the first one may go on once the minute has passed.
    assert.equal((await signup(server, { email: 'other-ip@example.no', list: 'morgenbrevet' }, { from: '127.0.1.2' })).status, 200);
    clock.advance(39_000);
    assert.equal((await signup(server, { email: 'ip60@example.no', list: 'morgenbrevet' }, { from })).headers['retry-after'], '1');
    clock.advance(1_000);
    assert.equal((await signup(server, { email: 'ip60@example.no', list: 'morgenbrevet' }, { from })).status, 200);
  });

  it('counts refused and malformed posts from an IP too', async () => {
    const from = '127.0.2.1';
    for (let i = 0; i < 60; i++) assert.equal((await signup(server, { email: 'nope', list: 'morgenbrevet' }, { from })).status, 422);
    assert.equal((await signup(server, { email: 'fine@example.no', list: 'morgenbrevet' }, { from })).status, 429);
  });

  it('allows 5 attempts for one address a minute from any number of IPs, then answers 429', async () => {
    const email = 'target@example.no';
    for (let i = 0; i < 5; i++) {
      const res = await signup(server, { email: i % 2 ? email.toUpperCase() : email, list: 'morgenbrevet' }, { from: `127.0.3.${i + 1}` });
      assert.equal(res.status, 200);
    }
    const res = await signup(server, { email, list: 'klyngenytt', consent: 'yes' }, { from: '127.0.3.9' });
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '60');
    assert.equal(res.json().message, 'For mange forsøk. Vent litt og prøv igjen.');
    clock.advance(60_000);
    assert.equal((await signup(server, { email, list: 'klyngenytt', consent: 'yes' }, { from: '127.0.3.9' })).status, 200);
  });

  it('sends a plain form post that is held back to the page with ?signup=error', async () => {
    const from = '127.0.4.1';
    const native = () =>
      signup(server, { email: 'native-limit@example.no', list: 'morgenbrevet' }, { from, accept: 'text/html', headers: { referer: `${server.url}/demo/` } });
    for (let i = 0; i < 5; i++) assert.equal((await native()).headers.location, `${server.url}/demo/?signup=ok`);
    // The sixth for this address is held back by the per-address limit.
    const res = await native();
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `${server.url}/demo/?signup=error`);
  });

  it('can be set higher or lower through options', async () => {
    const fresh = tempDatabase();
    const strict = await start({ database: fresh.file, now: clock.now, rateLimit: { perIp: 1, perAddress: 100, windowMs: 10_000 } });
    try {
      const from = '127.0.5.1';
      assert.equal((await signup(strict, { email: 'a@example.no', list: 'morgenbrevet' }, { from })).status, 200);
      const res = await signup(strict, { email: 'b@example.no', list: 'morgenbrevet' }, { from });
      assert.equal(res.status, 429);
      assert.equal(res.headers['retry-after'], '10');
    } finally {
      await strict.close();
      fresh.remove();
    }
  });

  it('reads the client from X-Forwarded-For behind trusted proxies (trustProxy), and ignores what a client wrote there itself', async () => {
    const fresh = tempDatabase();
    const behind = await start({ database: fresh.file, now: clock.now, trustProxy: 1, rateLimit: { perIp: 3 } });
    const direct = await start({ database: fresh.file, now: clock.now, rateLimit: { perIp: 3 } });
    try {
      const proxy = '127.0.6.1';
      const via = (server, i, forwarded) => signup(server, { email: `xff${i}@example.no`, list: 'morgenbrevet' }, { from: proxy, headers: { 'x-forwarded-for': forwarded } });
      // One reader behind the proxy, writing a new address of their own into the header each time.
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await via(behind, i, `10.9.9.${i}, 203.0.113.7`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.equal((await via(behind, 4, '203.0.113.8')).status, 200, 'another reader behind the same proxy is not held back');
      const rows = readDatabase(fresh.file).signups;
      assert.equal(rows[0].ip_hash, rows[2].ip_hash, 'the reader’s address is the one hashed');
      assert.notEqual(rows[0].ip_hash, rows[3].ip_hash);
      // Without trustProxy the header is not read at all: every post from the socket's address counts as one client.
      const plain = [];
      for (let i = 10; i < 14; i++) plain.push((await via(direct, i, `198.51.100.${i}`)).status);
      assert.deepEqual(plain, [200, 200, 200, 429]);
    } finally {
      await behind.close();
      await direct.close();
      fresh.remove();
    }
  });
});
