import { parseMailbox } from './address.js';
import type { Queries } from './drivers.js';

/**
 * The schema, one step per version, for each database: the same tables, columns and constraints, PostgreSQL's text
 * made from SQLite's where the two differ only in dialect. A new step is appended, never edited, so every database
 * reaches the same shape. A step that changes rows as well (`data`) runs the same code on both, after its SQL and
 * in the same transaction.
 * SQLite counts the steps that have run in `PRAGMA user_version`, PostgreSQL in `meta.schema_version`.
 */
export interface Migration {
  sqlite: string;
  postgres: string;
  data?: (q: Queries) => Promise<void>;
}

// Mail that is sent: the HTML part, the stable Message-ID, the one-click unsubscribe link, and the sender's claim,
// retry and failure columns. Rate limits shared by every instance. A hashed record of each erasure.
const STEP_2 = `ALTER TABLE outbox ADD COLUMN locale TEXT;
     ALTER TABLE outbox ADD COLUMN html TEXT;
     ALTER TABLE outbox ADD COLUMN message_id TEXT;
     ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
     ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
     ALTER TABLE outbox ADD COLUMN claim TEXT;
     ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
     ALTER TABLE outbox ADD COLUMN failed_at TEXT;
     ALTER TABLE outbox ADD COLUMN error TEXT;
     CREATE INDEX outbox_due ON outbox (id) WHERE sent_at IS NULL AND failed_at IS NULL;
     CREATE TABLE rate_hits (
       bucket TEXT NOT NULL,
       key TEXT NOT NULL,
       at TEXT NOT NULL
     ) STRICT;
     CREATE INDEX rate_hits_by_key ON rate_hits (bucket, key, at);
     CREATE INDEX rate_hits_by_time ON rate_hits (at);
     CREATE TABLE erasures (
       address_hash TEXT NOT NULL,
       erased_at TEXT NOT NULL,
       signups INTEGER NOT NULL,
       mails INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX erasures_by_hash ON erasures (address_hash);`;

export const MIGRATIONS: readonly Migration[] = [
  {
    sqlite: `CREATE TABLE meta (
       key TEXT PRIMARY KEY,
       value TEXT NOT NULL
     ) STRICT;
     CREATE TABLE signups (
       id INTEGER PRIMARY KEY,
       email TEXT NOT NULL,
       email_key TEXT NOT NULL,
       list TEXT NOT NULL,
       status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
       name TEXT,
       locale TEXT NOT NULL,
       source TEXT,
       consent_text TEXT,
       consent_at TEXT,
       ip_hash TEXT,
       extra TEXT,
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL,
       confirmed_at TEXT,
       unsubscribed_at TEXT,
       last_mail_at TEXT,
       UNIQUE (email_key, list)
     ) STRICT;
     CREATE TABLE tokens (
       hash TEXT PRIMARY KEY,
       signup_id INTEGER NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
       purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
       created_at TEXT NOT NULL,
       expires_at TEXT NOT NULL,
       used_at TEXT
     ) STRICT;
     CREATE INDEX tokens_by_signup ON tokens (signup_id, purpose);
     CREATE TABLE outbox (
       id INTEGER PRIMARY KEY,
       signup_id INTEGER REFERENCES signups (id) ON DELETE SET NULL,
       to_address TEXT NOT NULL,
       subject TEXT NOT NULL,
       body TEXT NOT NULL,
       created_at TEXT NOT NULL,
       sent_at TEXT
     ) STRICT;`,
    get postgres() {
      return forPostgres(this.sqlite);
    },
  },
  {
    sqlite: STEP_2,
    // One round trip per counted attempt: lock, count and insert in a function. Each statement of a volatile
    // function sees what committed before it, so the count after the lock includes every earlier attempt.
    postgres: `${forPostgres(STEP_2)};
     CREATE FUNCTION fjord_rate_hit(p_bucket TEXT, p_key TEXT, p_at TEXT, p_since TEXT, p_limit INTEGER)
       RETURNS TABLE (n INTEGER, first TEXT) LANGUAGE plpgsql VOLATILE AS $$
     BEGIN
       PERFORM pg_advisory_xact_lock(hashtext(p_bucket || ':' || p_key));
       SELECT CAST(COUNT(*) AS INTEGER), MIN(r.at) INTO n, first FROM rate_hits r WHERE r.bucket = p_bucket AND r.key = p_key AND r.at > p_since;
       IF n < p_limit THEN
         INSERT INTO rate_hits (bucket, key, at) VALUES (p_bucket, p_key, p_at);
       END IF;
       RETURN NEXT;
     END $$`,
  },
  // One row per mailbox: keys made by address.ts, spellings of one mailbox merged. And one index less to write at
  // each counted attempt: the prune of rate_hits (every 500 attempts) scans a table that holds about one window's.
  { sqlite: 'DROP INDEX rate_hits_by_time;', postgres: 'DROP INDEX rate_hits_by_time;', data: mergeSpellings },
];

interface StoredSignup {
  id: number;
  email: string;
  email_key: string;
  list: string;
  consent_text: string | null;
  consent_at: string | null;
  ip_hash: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  last_mail_at: string | null;
}

/**
 * Gives every signup the address and key address.ts makes of it, and merges the rows that turn out to be one
 * mailbox on one list into the earliest: their tokens and mails move over (links already mailed keep working, and
 * of the mails not yet sent only the last queued goes), the
 * consent kept is the earliest one given (with the source and IP hash it came with), and the status is the last
 * thing the reader did (an unsubscribe after a confirmation wins, a later unconfirmed spelling does not undo a
 * confirmation). A row whose address the service would now refuse keeps its address and key, so `erase` still
 * finds it by that spelling, and its unsent mails are marked failed.
 */
async function mergeSpellings(q: Queries): Promise<void> {
  const rows = await q.all<StoredSignup>(
    `SELECT id, email, email_key, list, consent_text, consent_at, ip_hash, source, created_at, updated_at, confirmed_at,
       unsubscribed_at, last_mail_at FROM signups ORDER BY created_at, id`,
  );
  const groups = new Map<string, { address: string; key: string; rows: StoredSignup[] }>();
  const refused: StoredSignup[] = [];
  for (const row of rows) {
    const parsed = parseMailbox(row.email);
    if (!parsed.ok) refused.push(row);
    const { address, key } = parsed.ok ? parsed.value : { address: row.email, key: row.email_key };
    const group = groups.get(`${key}\0${row.list}`) ?? { address, key, rows: [] };
    group.rows.push(row);
    groups.set(`${key}\0${row.list}`, group);
  }
  // Every key out of the way first, so no row's new key meets another row's old one.
  await q.run("UPDATE signups SET email_key = '#' || CAST(id AS TEXT)");
  const latest = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort().at(-1) ?? null;
  for (const { address, key, rows: spellings } of groups.values()) {
    const [kept, ...merged] = spellings;
    const consent = spellings.filter((r) => r.consent_at).sort((a, b) => a.consent_at!.localeCompare(b.consent_at!))[0] ?? kept;
    const confirmedAt = latest(spellings.map((r) => r.confirmed_at));
    const unsubscribedAt = latest(spellings.map((r) => r.unsubscribed_at));
    const status = unsubscribedAt && (!confirmedAt || unsubscribedAt > confirmedAt) ? 'unsubscribed' : confirmedAt ? 'confirmed' : 'pending';
    if (merged.length) {
      const ids = merged.map((r) => r.id);
      const inIds = `(${ids.map(() => '?').join(', ')})`;
      await q.run(`UPDATE tokens SET signup_id = ? WHERE signup_id IN ${inIds}`, kept.id, ...ids);
      await q.run(`UPDATE outbox SET signup_id = ? WHERE signup_id IN ${inIds}`, kept.id, ...ids);
      await q.run(`DELETE FROM signups WHERE id IN ${inIds}`, ...ids);
    }
    await q.run(
      `UPDATE signups SET email = ?, email_key = ?, status = ?, consent_text = ?, consent_at = ?, ip_hash = ?, source = ?,
         confirmed_at = ?, unsubscribed_at = ?, last_mail_at = ?, updated_at = ? WHERE id = ?`,
      address, key, status, consent.consent_text, consent.consent_at, consent.ip_hash, consent.source ?? kept.source,
      confirmedAt, unsubscribedAt, latest(spellings.map((r) => r.last_mail_at)), latest(spellings.map((r) => r.updated_at)), kept.id,
    );
    await q.run('UPDATE outbox SET to_address = ? WHERE signup_id = ? AND sent_at IS NULL', address, kept.id);
    if (merged.length) {
      // One mailbox gets one mail: of the spellings' unsent mails, the last queued goes.
      await q.run(
        `UPDATE outbox SET failed_at = ?, error = ? WHERE signup_id = ? AND sent_at IS NULL AND failed_at IS NULL
           AND id < (SELECT MAX(id) FROM outbox WHERE signup_id = ? AND sent_at IS NULL AND failed_at IS NULL)`,
        new Date().toISOString(), 'not sent: merged with a later mail to another spelling of this mailbox', kept.id, kept.id,
      );
    }
  }
  for (const row of refused) {
    await q.run(
      'UPDATE outbox SET failed_at = ?, error = ? WHERE signup_id = ? AND sent_at IS NULL AND failed_at IS NULL',
      new Date().toISOString(), 'not sent: the service no longer takes this address (control, format or invisible characters, or too long)', row.id,
    );
  }
}

/** An SQLite step as PostgreSQL writes it: no STRICT tables, and identity columns for SQLite's row ids. */
function forPostgres(sql: string): string {
  return sql.replace(/\) STRICT;/g, ');').replace(/INTEGER PRIMARY KEY/g, 'INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY');
}

