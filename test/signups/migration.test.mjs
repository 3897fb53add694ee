// The migration to one key per mailbox, on SQLite and on PostgreSQL: a database at schema version 2, holding rows
// the earlier key (the address lower-cased) kept apart, is opened by this server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SignupStore } from '../../server/db.ts';
import { MIGRATIONS } from '../../server/migrations.ts';
import { freePort, tempDatabase } from './helpers.mjs';
import { startPostgres } from './postgres.mjs';

const T = (minute) => `2030-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
const COLUMNS = ['id', 'email', 'email_key', 'list', 'status', 'locale', 'consent_text', 'consent_at', 'ip_hash', 'created_at', 'updated_at', 'confirmed_at', 'unsubscribed_at', 'last_mail_at'];
// [id, email, list, status, consent_text, consent_at, created, confirmed, unsubscribed]
const ROWS = [
  [1, 'victim@mail.example.no', 'klyngenytt', 'pending', 'Ja (først)', T(0), 0, null, null],
  [2, 'victim@mail\u3002example\u3002no', 'klyngenytt', 'confirmed', 'Ja (senere)', T(5), 5, T(6), null],
  [3, 'Victim@MAIL\uff0eexample\uff0eno', 'klyngenytt', 'pending', null, null, 7, null, null],
  [4, 'victim@mail.example.no', 'morgenbrevet', 'confirmed', null, null, 1, T(2), null],
  [5, 'victim@mail\uff61example\uff61no', 'morgenbrevet', 'unsubscribed', null, null, 3, T(4), T(8)],
  [6, 'Kari@Blåbær.no', 'morgenbrevet', 'pending', null, null, 9, null, null],
  [7, 'zero\u200bwidth@example.no', 'morgenbrevet', 'pending', null, null, 10, null, null],
];

/** Version 2's schema with ROWS, each with a confirm token and an unsent mail, through `exec(sql, params)`. */
async function seed(exec) {
  for (const [id, email, list, status, consentText, consentAt, created, confirmed, unsubscribed] of ROWS) {
    const values = [id, email, email.trim().toLowerCase(), list, status, 'nb', consentText, consentAt, `ip${id}`, T(created), T(created), confirmed, unsubscribed, T(created)];
    await exec(`INSERT INTO signups (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`, values);
    await exec("INSERT INTO tokens (hash, signup_id, purpose, created_at, expires_at) VALUES (?, ?, 'confirm', ?, ?)", [`hash${id}`, id, T(created), '2030-03-03T09:00:00.000Z']);
    await exec("INSERT INTO outbox (id, signup_id, to_address, subject, body, created_at) VALUES (?, ?, ?, 'Bekreft', 'tekst', ?)", [id, id, email, T(created)]);
  }
}

/** What the migration must leave, read through the store. */
async function check(store) {
  const rows = await store.all();
  assert.deepEqual(
    rows.map((r) => [r.id, r.email, r.email_key, r.list, r.status]),
    [
      [1, 'victim@mail.example.no', 'victim@mail.example.no', 'klyngenytt', 'confirmed'],
      [4, 'victim@mail.example.no', 'victim@mail.example.no', 'morgenbrevet', 'unsubscribed'],
      [6, 'Kari@xn--blbr-roah.no', 'kari@xn--blbr-roah.no', 'morgenbrevet', 'pending'],
      [7, 'zero\u200bwidth@example.no', 'zero\u200bwidth@example.no', 'morgenbrevet', 'pending'],
    ],
  );
  const klyngenytt = rows[0];
  assert.deepEqual([klyngenytt.consent_text, klyngenytt.consent_at, klyngenytt.ip_hash], ['Ja (først)', T(0), 'ip1'], 'the earliest consent record');
  assert.equal(klyngenytt.confirmed_at, T(6));
  assert.deepEqual([rows[1].confirmed_at, rows[1].unsubscribed_at], [T(4), T(8)], 'an unsubscribe after the confirmation wins');

  const record = await store.exportAddress('victim@mail.example.no');
  assert.deepEqual(record.tokens.map((t) => t.signup_id).sort(), [1, 1, 1, 4, 4], 'the merged rows’ tokens moved over');
  const mails = (await store.outbox()).map((m) => [m.id, m.signup_id, m.to_address, m.failed_at ? 'failed' : 'queued']);
  assert.deepEqual(mails, [
    [1, 1, 'victim@mail.example.no', 'failed'],
    [2, 1, 'victim@mail.example.no', 'failed'],
    [3, 1, 'victim@mail.example.no', 'queued'],
    [4, 4, 'victim@mail.example.no', 'failed'],
    [5, 4, 'victim@mail.example.no', 'queued'],
    [6, 6, 'Kari@xn--blbr-roah.no', 'queued'],
    [7, 7, 'zero\u200bwidth@example.no', 'failed'],
  ]);
  assert.equal((await store.erase('victim@mail.example.no')).signups, 2, 'erase of the plain spelling finds both lists');
  assert.equal((await store.erase('zero\u200bwidth@example.no')).signups, 1, 'a row the service would now refuse is still found by its own spelling');
}

const open = (database) =>
  SignupStore.open(database, { now: () => Date.parse(T(30)), confirmTtlMs: 1, unsubscribeTtlMs: 1, resendAfterMs: 1, compose: () => assert.fail('no mail is queued') });

describe('migrating to one key per mailbox', () => {
  it('merges the spellings of an SQLite database at version 2', async () => {
    const db = tempDatabase();
    const raw = new Database(db.file);
    raw.exec(MIGRATIONS[0].sqlite);
    raw.exec(MIGRATIONS[1].sqlite);
    raw.pragma('user_version = 2');
    await seed(async (sql, params) => raw.prepare(sql).run(...params));
    raw.close();
    const store = await open(db.file);
    try {
      assert.equal(await store.driver.schemaVersion(), MIGRATIONS.length);
      await check(store);
    } finally {
      await store.close();
      db.remove();
    }
  });

  describe('on PostgreSQL', () => {
    let cluster;
    before(async () => {
      cluster = await startPostgres(await freePort(7165));
    });
    after(() => cluster?.stop());

    it('merges the spellings of a PostgreSQL database at version 2', async () => {
      const url = await cluster.database('migrate');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(MIGRATIONS[0].postgres);
        await client.query(MIGRATIONS[1].postgres);
        await client.query("INSERT INTO meta (key, value) VALUES ('schema_version', '2')");
        await seed((sql, params) => {
          let n = 0;
          return client.query(sql.replace(/\?/g, () => `$${++n}`), params);
        });
      } finally {
        await client.end();
      }
      const store = await open(url);
      try {
        assert.equal(await store.driver.schemaVersion(), MIGRATIONS.length);
        await check(store);
      } finally {
        await store.close();
      }
    });
  });
});
