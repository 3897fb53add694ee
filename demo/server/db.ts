import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Locale } from '../../src/shared/locale.js';
import type { SignupRequest } from './validate.js';

export type Database = BetterSqlite3.Database;
export type Status = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * The schema, one step per version. `PRAGMA user_version` records how many have run; a new step is appended,
 * never edited, so every database reaches the same shape.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (
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
];

/** Loaded on first use, so that importing this module (the Vite config does, through the plugin) needs no native addon. */
function sqlite(): typeof BetterSqlite3 {
  return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
}

/** Opens (creating when missing) the signup database in WAL mode and brings its schema up to date. */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new (sqlite())(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Runs the steps a database has not had yet, in one write transaction, so two processes starting at once cannot both run them. */
export function migrate(db: Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`The signup database has schema version ${version}; this server knows ${MIGRATIONS.length}. Update the server.`);
    }
    for (let step = version; step < MIGRATIONS.length; step++) db.exec(MIGRATIONS[step]);
    if (version < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** A stored signup, as the `signups` table holds it. */
export interface SignupRow {
  id: number;
  email: string;
  email_key: string;
  list: string;
  status: Status;
  name: string | null;
  locale: Locale;
  source: string | null;
  consent_text: string | null;
  consent_at: string | null;
  ip_hash: string | null;
  extra: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  last_mail_at: string | null;
}

/** The confirmation mail a signup asks for: what to put in the outbox. */
export interface Mail {
  subject: string;
  body: string;
}

export interface StoreSettings {
  now: () => number;
  ipSalt?: string;
  confirmTtlMs: number;
  unsubscribeTtlMs: number;
  resendAfterMs: number;
  /** Writes the mail for a signup, given its links' tokens. */
  compose: (signup: SignupRow, confirmToken: string, unsubscribeToken: string) => Mail;
}

export type ConfirmOutcome = 'confirmed' | 'expired' | 'unknown';
export type UnsubscribeOutcome = 'unsubscribed' | 'expired' | 'unknown';

/** Tokens are 32 random bytes, base64url; only their SHA-256 is stored, so a copy of the database cannot confirm anyone. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The key two spellings of one address share: domains are case-insensitive, and in practice so are mailboxes. */
export const emailKey = (email: string) => email.toLowerCase();

function statements(db: Database) {
  return {
    find: db.prepare<[string, string], SignupRow>('SELECT * FROM signups WHERE email_key = ? AND list = ?'),
    byId: db.prepare<[number], SignupRow>('SELECT * FROM signups WHERE id = ?'),
    insert: db.prepare<Record<string, unknown>, SignupRow>(
      `INSERT INTO signups (email, email_key, list, status, name, locale, source, consent_text, consent_at, ip_hash, extra, created_at, updated_at)
       VALUES (@email, @email_key, @list, 'pending', @name, @locale, @source, @consent_text, @consent_at, @ip_hash, @extra, @now, @now)
       RETURNING *`,
    ),
    refresh: db.prepare<Record<string, unknown>, SignupRow>(
      `UPDATE signups SET status = 'pending', email = @email, name = @name, locale = @locale, source = @source,
         consent_text = @consent_text, consent_at = @consent_at, ip_hash = @ip_hash, extra = @extra, updated_at = @now
       WHERE id = @id RETURNING *`,
    ),
    setStatus: db.prepare<{ id: number; status: Status; now: string }, SignupRow>(
      `UPDATE signups SET status = @status, updated_at = @now,
         confirmed_at = CASE WHEN @status = 'confirmed' THEN @now ELSE confirmed_at END,
         unsubscribed_at = CASE WHEN @status = 'unsubscribed' THEN @now ELSE unsubscribed_at END
       WHERE id = @id RETURNING *`,
    ),
    mailed: db.prepare<[string, number]>('UPDATE signups SET last_mail_at = ? WHERE id = ?'),
    addToken: db.prepare<[string, number, string, string, string]>(
      'INSERT INTO tokens (hash, signup_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    findToken: db.prepare<[string, string], { signup_id: number; expires_at: string; used_at: string | null }>(
      'SELECT signup_id, expires_at, used_at FROM tokens WHERE hash = ? AND purpose = ?',
    ),
    useConfirmTokens: db.prepare<[string, number]>(
      "UPDATE tokens SET used_at = ? WHERE signup_id = ? AND purpose = 'confirm' AND used_at IS NULL",
    ),
    queueMail: db.prepare<[number, string, string, string, string]>(
      'INSERT INTO outbox (signup_id, to_address, subject, body, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    all: db.prepare<[], SignupRow>('SELECT * FROM signups ORDER BY id'),
  };
}

/** Signups, their tokens and the outbox. Every change is one write transaction. */
export class SignupStore {
  readonly db: Database;
  #settings: StoreSettings;
  #salt: string;
  #sql: ReturnType<typeof statements>;

  constructor(db: Database, settings: StoreSettings) {
    this.db = db;
    this.#settings = settings;
    this.#salt = settings.ipSalt ?? storedSalt(db);
    this.#sql = statements(db);
  }

  /** A salted hash of a client IP: the same IP gives the same hash in this database, and the IP cannot be read back. */
  hashIp(ip: string): string {
    return createHash('sha256').update(this.#salt).update('\0').update(ip).digest('hex');
  }

  /**
   * Records a signup. A new address, or one that had unsubscribed, becomes pending and gets a mail; a pending one
   * is refreshed and gets a new mail only when its last one is older than `resendAfterMs`; a confirmed one is
   * left as it is. Returns the mail queued, if any; the caller answers the same either way.
   */
  signup(request: SignupRequest, ip: string): { row: SignupRow; mail?: Mail } {
    return this.db
      .transaction(() => {
        const now = this.#settings.now();
        const at = iso(now);
        const fields = {
          email: request.email,
          email_key: emailKey(request.email),
          list: request.list,
          name: request.name,
          locale: request.locale,
          source: request.source,
          consent_text: request.consentText,
          consent_at: request.consent ? at : null,
          ip_hash: ip ? this.hashIp(ip) : null,
          extra: request.extra ? JSON.stringify(request.extra) : null,
          now: at,
        };
        const existing = this.#sql.find.get(fields.email_key, fields.list);
        if (existing?.status === 'confirmed') return { row: existing };
        const row = (existing ? this.#sql.refresh.get({ ...fields, id: existing.id }) : this.#sql.insert.get(fields))!;
        const recent = existing?.status === 'pending' && existing.last_mail_at && now - Date.parse(existing.last_mail_at) < this.#settings.resendAfterMs;
        if (recent) return { row };
        const confirmToken = this.#issue(row.id, 'confirm', now);
        const unsubscribeToken = this.#issue(row.id, 'unsubscribe', now);
        const mail = this.#settings.compose(row, confirmToken, unsubscribeToken);
        this.#sql.queueMail.run(row.id, row.email, mail.subject, mail.body, at);
        this.#sql.mailed.run(at, row.id);
        return { row, mail };
      })
      .immediate();
  }

  /** Confirms the signup a confirmation token belongs to. A token works once, until it expires; the signup's other confirmation tokens stop working with it. */
  confirm(token: string): { outcome: ConfirmOutcome; row?: SignupRow } {
    return this.db
      .transaction((): { outcome: ConfirmOutcome; row?: SignupRow } => {
        const found = this.#token(token, 'confirm');
        if (!found) return { outcome: 'unknown' };
        const { row, used, expired } = found;
        if (row.status === 'confirmed') return { outcome: 'confirmed', row };
        if (used) return { outcome: 'unknown', row };
        if (expired) return { outcome: 'expired', row };
        const now = this.#settings.now();
        this.#sql.useConfirmTokens.run(iso(now), row.id);
        return { outcome: 'confirmed', row: this.#sql.setStatus.get({ id: row.id, status: 'confirmed', now: iso(now) }) };
      })
      .immediate();
  }

  /** Unsubscribes the signup an unsubscribe token belongs to. The token works any number of times until it expires; pending confirmation links stop working. */
  unsubscribe(token: string): { outcome: UnsubscribeOutcome; row?: SignupRow } {
    return this.db
      .transaction((): { outcome: UnsubscribeOutcome; row?: SignupRow } => {
        const found = this.#token(token, 'unsubscribe');
        if (!found) return { outcome: 'unknown' };
        const { row, expired } = found;
        if (expired) return { outcome: 'expired', row };
        if (row.status === 'unsubscribed') return { outcome: 'unsubscribed', row };
        const now = iso(this.#settings.now());
        this.#sql.useConfirmTokens.run(now, row.id);
        return { outcome: 'unsubscribed', row: this.#sql.setStatus.get({ id: row.id, status: 'unsubscribed', now }) };
      })
      .immediate();
  }

  /** Every signup, oldest first. */
  all(): SignupRow[] {
    return this.#sql.all.all();
  }

  #token(token: string, purpose: 'confirm' | 'unsubscribe') {
    if (!TOKEN.test(token)) return undefined;
    const found = this.#sql.findToken.get(hashToken(token), purpose);
    if (!found) return undefined;
    const row = this.#sql.byId.get(found.signup_id)!;
    return { row, used: found.used_at !== null, expired: Date.parse(found.expires_at) <= this.#settings.now() };
  }

  #issue(signupId: number, purpose: 'confirm' | 'unsubscribe', now: number): string {
    const token = randomBytes(32).toString('base64url');
    const ttl = purpose === 'confirm' ? this.#settings.confirmTtlMs : this.#settings.unsubscribeTtlMs;
    this.#sql.addToken.run(hashToken(token), signupId, purpose, iso(now), iso(now + ttl));
    return token;
  }
}

/** The database's own salt for IP hashes, made on first use. */
function storedSalt(db: Database): string {
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('ip_salt', ?)").run(randomBytes(32).toString('hex'));
  return db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'ip_salt'").get()!.value;
}

const iso = (ms: number) => new Date(ms).toISOString();
