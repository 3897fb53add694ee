import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { HOUR, NO_LIMITS, fixedClock, followLink, readDatabase, request, signup, start, tempDatabase, tokensFor } from './helpers.mjs';
import { MIGRATIONS } from '../../server/migrations.ts';

const statusOf = (file, email) => readDatabase(file).signups.find((r) => r.email === email).status;
const randomToken = () => randomBytes(32).toString('base64url');

describe('confirm and unsubscribe links', () => {
  const db = tempDatabase();
  const clock = fixedClock();
  let server;
  let n = 0;
  let email;
  const open = (path, init) => request(`${server.url}/api/newsletter/${path}`, init);
  /** Opens the link and presses its page's button, as a reader does. */
  const follow = (path, init) => followLink(`${server.url}/api/newsletter/${path}`, init);

  before(async () => {
    server = await start({ database: db.file, now: clock.now, rateLimit: NO_LIMITS });
  });
  after(async () => {
    await server.close();
    db.remove();
  });
  beforeEach(async () => {
    email = `reader${++n}@example.no`;
    assert.equal((await signup(server, { email, list: 'klyngenytt', consent: 'yes', locale: 'nb' })).status, 200);
  });

  it('opening a confirmation link (GET, as a mail scanner does) only asks: the address stays unconfirmed', async () => {
    const { confirm } = tokensFor(db.file, email);
    for (let i = 0; i < 3; i++) {
      const res = await open(`confirm?token=${confirm}`, { headers: { 'accept-language': 'en' } });
      assert.equal(res.status, 200);
      assert.match(res.text, /<html lang="nb">/, 'the language the reader signed up in');
      assert.match(res.text, /<h1>Bekreft påmeldingen<\/h1>/);
      assert.ok(res.text.includes('Trykk på knappen for å bekrefte at du vil ha Klyngenytt på e-post.'));
      assert.ok(res.text.includes(`<form method="post" action="/api/newsletter/confirm?token=${confirm}"><button type="submit">Bekreft påmeldingen</button></form>`));
    }
    assert.equal(statusOf(db.file, email), 'pending');
    assert.equal(readDatabase(db.file).tokens.filter((t) => t.used_at).length, 0, 'no token used');
  });

  it('opening an unsubscribe link (GET) only asks: a confirmed address stays subscribed', async () => {
    const { confirm, unsubscribe } = tokensFor(db.file, email);
    await follow(`confirm?token=${confirm}`);
    assert.equal(statusOf(db.file, email), 'confirmed');
    const res = await open(`unsubscribe?token=${unsubscribe}`);
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Meld deg av<\/h1>/);
    assert.ok(res.text.includes(`<form method="post" action="/api/newsletter/unsubscribe?token=${unsubscribe}"><button type="submit">Meld meg av</button></form>`));
    assert.equal(statusOf(db.file, email), 'confirmed');
  });

  it('the page a link opens escapes whatever the token in the URL holds', async () => {
    const res = await open(`confirm?token=${encodeURIComponent('"><script>alert(1)</script>')}`, { headers: { 'accept-language': 'en' } });
    assert.equal(res.status, 200);
    assert.match(res.text, /Press the button to confirm that you want the newsletter by email\./);
    assert.ok(res.text.includes('action="/api/newsletter/confirm?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"'));
    assert.doesNotMatch(res.text, /<script/);
  });

  it('a valid confirmation link confirms and answers a page in the reader’s language', async () => {
    const { confirm } = tokensFor(db.file, email);
    clock.advance(47 * HOUR);
    const res = await follow(`confirm?token=${confirm}`, { headers: { 'accept-language': 'en' } });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
    assert.match(res.text, /<html lang="nb">/, 'the language the reader signed up in');
    assert.match(res.text, /<h1>Påmeldingen er bekreftet<\/h1>/);
    assert.ok(res.text.includes(`${email} får nå Klyngenytt.`));
    const row = readDatabase(db.file).signups.find((r) => r.email === email);
    assert.equal(row.status, 'confirmed');
    assert.equal(row.confirmed_at, new Date(clock.now()).toISOString());
    // Pressing it again (a second click) shows the same page and changes nothing.
    const again = await follow(`confirm?token=${confirm}`);
    assert.equal(again.status, 200);
    assert.match(again.text, /Påmeldingen er bekreftet/);
  });

  it('an expired confirmation link (after 48 hours) confirms nothing and says so (410)', async () => {
    const { confirm } = tokensFor(db.file, email);
    clock.advance(48 * HOUR);
    const res = await follow(`confirm?token=${confirm}`);
    assert.equal(res.status, 410);
    assert.match(res.text, /<h1>Lenken har gått ut<\/h1>/);
    assert.match(res.text, /Bekreftelseslenker virker i 48 timer\./);
    assert.equal(statusOf(db.file, email), 'pending');
  });

  it('an unknown, malformed or missing confirmation token confirms nothing (404)', async () => {
    for (const query of [`token=${randomToken()}`, 'token=abc', "token=' OR 1=1 --", '']) {
      const res = await follow(`confirm?${query}`);
      assert.equal(res.status, 404, query);
      assert.match(res.text, /<h1>Lenken virker ikke<\/h1>/);
    }
    assert.equal(statusOf(db.file, email), 'pending');
  });

  it('a valid unsubscribe link unsubscribes, any number of times', async () => {
    const { confirm, unsubscribe } = tokensFor(db.file, email);
    await follow(`confirm?token=${confirm}`);
    for (let i = 0; i < 2; i++) {
      const res = await follow(`unsubscribe?token=${unsubscribe}`);
      assert.equal(res.status, 200);
      assert.match(res.text, /<h1>Du er meldt av<\/h1>/);
      assert.ok(res.text.includes(`${email} får ikke lenger Klyngenytt.`));
    }
    const row = readDatabase(db.file).signups.find((r) => r.email === email);
    assert.equal(row.status, 'unsubscribed');
    assert.ok(row.unsubscribed_at);
  });

  it('unsubscribing a pending address stops its confirmation link from working', async () => {
    const { confirm, unsubscribe } = tokensFor(db.file, email);
    assert.equal((await follow(`unsubscribe?token=${unsubscribe}`)).status, 200);
    assert.equal((await follow(`confirm?token=${confirm}`)).status, 404);
    assert.equal(statusOf(db.file, email), 'unsubscribed');
  });

  it('one-click unsubscribe (RFC 8058) works by POST', async () => {
    const { unsubscribe } = tokensFor(db.file, email);
    const res = await open(`unsubscribe?token=${unsubscribe}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.status, 200);
    assert.equal(statusOf(db.file, email), 'unsubscribed');
  });

  it('an expired unsubscribe link (after a year) unsubscribes nothing and says so (410)', async () => {
    const { confirm, unsubscribe } = tokensFor(db.file, email);
    await follow(`confirm?token=${confirm}`);
    clock.advance(366 * 24 * HOUR);
    const res = await follow(`unsubscribe?token=${unsubscribe}`);
    assert.equal(res.status, 410);
    assert.match(res.text, /Bruk avmeldingslenken i det siste nyhetsbrevet du fikk\./);
    assert.equal(statusOf(db.file, email), 'confirmed');
  });

  it('an unknown unsubscribe token unsubscribes nothing (404), and a confirmation token is not one', async () => {
    const { confirm } = tokensFor(db.file, email);
    for (const token of [randomToken(), confirm, '']) {
      const res = await follow(`unsubscribe?token=${token}`);
      assert.equal(res.status, 404);
    }
    assert.equal(statusOf(db.file, email), 'pending');
  });

  it('an address that unsubscribed can sign up again and gets a new mail', async () => {
    const { unsubscribe } = tokensFor(db.file, email);
    await follow(`unsubscribe?token=${unsubscribe}`);
    assert.equal((await signup(server, { email, list: 'klyngenytt', consent: 'yes' })).status, 200);
    assert.equal(statusOf(db.file, email), 'pending');
    const { confirm } = tokensFor(db.file, email);
    assert.equal((await follow(`confirm?token=${confirm}`)).status, 200);
    assert.equal(statusOf(db.file, email), 'confirmed');
  });

  it('an unknown link answers in the language of Accept-Language', async () => {
    const res = await follow(`confirm?token=${randomToken()}`, { headers: { 'accept-language': 'nn' } });
    assert.match(res.text, /<html lang="nn">/);
    assert.match(res.text, /<h1>Lenkja verkar ikkje<\/h1>/);
  });

  it('pages work under a strict Content Security Policy: no inline script or style, stylesheet from the endpoint', async () => {
    const { confirm } = tokensFor(db.file, email);
    const res = await follow(`confirm?token=${confirm}`);
    for (const answer of [res.page, res]) {
      assert.equal(answer.headers['content-security-policy'], res.headers['content-security-policy']);
      assert.doesNotMatch(answer.text, /<script|<style|\sstyle=|\son[a-z]+=/i);
    }
    assert.equal(
      res.headers['content-security-policy'],
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    assert.equal(res.headers['referrer-policy'], 'no-referrer', 'the token in the URL is not passed on');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.doesNotMatch(res.text, /<script|<style|\sstyle=|\son[a-z]+=/i);
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(res.text)[1];
    assert.equal(href, '/api/newsletter/page.css');
    const css = await request(`${server.url}${href}`);
    assert.equal(css.status, 200);
    assert.match(css.headers['content-type'], /^text\/css/);
  });

  it('mails in the reader’s language', async () => {
    await signup(server, { email: 'en-reader@example.no', list: 'morgenbrevet', locale: 'en-GB', name: 'Ann' });
    const { mail } = tokensFor(db.file, 'en-reader@example.no');
    assert.equal(mail.subject, 'Confirm your signup to The Morning Letter');
    assert.match(mail.body, /^Hello!\n/);
    assert.match(mail.body, /The link works for 48 hours\./);
  });
});

describe('after a restart', () => {
  const db = tempDatabase();
  after(() => db.remove());

  it('keeps every row, the IP salt and the links', async () => {
    const first = await start({ database: db.file, rateLimit: NO_LIMITS });
    await signup(first, { email: 'kept@example.no', list: 'morgenbrevet', name: 'Kept' });
    await signup(first, { email: 'also-kept@example.no', list: 'klyngenytt', consent: 'yes' });
    const before = readDatabase(db.file);
    await first.close();

    const second = await start({ database: db.file, rateLimit: NO_LIMITS });
    try {
      assert.deepEqual(readDatabase(db.file).signups, before.signups);
      const { confirm } = tokensFor(db.file, 'kept@example.no');
      const res = await followLink(`${second.url}/api/newsletter/confirm?token=${confirm}`);
      assert.equal(res.status, 200);
      assert.equal(statusOf(db.file, 'kept@example.no'), 'confirmed');
      await signup(second, { email: 'third@example.no', list: 'morgenbrevet' });
      const rows = readDatabase(db.file).signups;
      assert.equal(rows.length, 3);
      assert.equal(rows[2].ip_hash, rows[0].ip_hash, 'the same client IP hashes the same after a restart');
    } finally {
      await second.close();
    }
  });

  it('does not run the migrations again, and refuses a database from a newer server', async () => {
    const third = await start({ database: db.file });
    await third.close();
    assert.equal(readDatabase(db.file).version, MIGRATIONS.length);
    const raw = new Database(db.file);
    raw.pragma('user_version = 99');
    raw.close();
    await assert.rejects(start({ database: db.file }), new RegExp(`schema version 99; this server knows ${MIGRATIONS.length}`));
  });

  it('creates the database, and its folder, when there is none', async () => {
    const fresh = tempDatabase();
    const file = `${fresh.dir}/nested/folder/signups.sqlite`;
    const server = await start({ database: file });
    await server.close();
    const { version, journal, signups } = readDatabase(file);
    assert.deepEqual({ version, journal, signups }, { version: MIGRATIONS.length, journal: 'wal', signups: [] });
    fresh.remove();
  });

  it('uses the salt from the options (FJORD_SIGNUPS_SALT) over the stored one', async () => {
    const fresh = tempDatabase();
    const hashes = [];
    for (const ipSalt of [undefined, 'salt-a', 'salt-a']) {
      const server = await start({ database: fresh.file, ipSalt, rateLimit: NO_LIMITS });
      await signup(server, { email: `salt${hashes.length}@example.no`, list: 'morgenbrevet' });
      await server.close();
      hashes.push(readDatabase(fresh.file).signups.at(-1).ip_hash);
    }
    assert.notEqual(hashes[0], hashes[1]);
    assert.equal(hashes[1], hashes[2]);
    fresh.remove();
  });
});
