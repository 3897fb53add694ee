import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '../src/shared/locale.js';
import { lookupKey } from './address.js';
import { openDriver, type Driver, type Queries } from './drivers.js';
import type { SignupRequest } from './validate.js';

export type Status = 'pending' | 'confirmed' | 'unsubscribed';

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

/** A mail in the outbox, as the `outbox` table holds it. */
export interface OutboxRow {
  id: number;
  signup_id: number | null;
  to_address: string;
  subject: string;
  /** The plain-text part. */
  body: string;
  html: string | null;
  locale: Locale | null;
  message_id: string | null;
  unsubscribe_url: string | null;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  claim: string | null;
  claimed_until: string | null;
  failed_at: string | null;
  error: string | null;
}

/** The confirmation mail a signup asks for: what to put in the outbox. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  /** The `Message-ID`, made once when the mail is queued and sent with every attempt. */
  messageId: string;
}

export interface StoreSettings {
  now: () => number;
  ipSalt?: string;
  confirmTtlMs: number;
  unsubscribeTtlMs: number;
  resendAfterMs: number;
  /** Writes the mail for a signup, given its links' tokens. */
  compose: (signup: SignupRow, confirmToken: string, unsubscribeToken: string) => Mail;
  /** PostgreSQL connections per instance. Default 10. */
  poolSize?: number;
}

export type ConfirmOutcome = 'confirmed' | 'expired' | 'unknown';
export type UnsubscribeOutcome = 'unsubscribed' | 'expired' | 'unknown';

/** What `export` finds about one address. */
export interface AddressRecord {
  address: string;
  signups: SignupRow[];
  tokens: { signup_id: number; purpose: string; created_at: string; expires_at: string; used_at: string | null }[];
  mails: OutboxRow[];
  erasures: { erased_at: string; signups: number; mails: number }[];
}

/** The rate limits a signup is counted against (`rateLimit` in the options). */
export interface SignupLimits {
  perIp: number;
  perAddress: number;
  windowMs: number;
}

/** What `erase` removed. */
export interface Erasure {
  signups: number;
  tokens: number;
  mails: number;
}

/** Tokens are 32 random bytes, base64url; only their SHA-256 is stored, so a copy of the database cannot confirm anyone. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const SIGNUP_COLUMNS = 'email, email_key, list, status, name, locale, source, consent_text, consent_at, ip_hash, extra, created_at, updated_at';

/**
 * Signups, their tokens, the outbox and the rate limits, in SQLite or PostgreSQL. Every change is one write
 * transaction, written once for both databases, so the two behave the same.
 */
export class SignupStore {
  readonly driver: Driver;
  #settings: StoreSettings;
  #salt: string;
  #hits = 0;

  private constructor(driver: Driver, settings: StoreSettings, salt: string) {
    this.driver = driver;
    this.#settings = settings;
    this.#salt = salt;
  }

  /** Opens (creating when missing) the database and brings its schema up to date. */
  static async open(database: string, settings: StoreSettings): Promise<SignupStore> {
    const driver = await openDriver(database, { poolSize: settings.poolSize });
    try {
      return new SignupStore(driver, settings, settings.ipSalt ?? (await storedSalt(driver)));
    } catch (error) {
      await driver.close();
      throw error;
    }
  }

  /** A salted hash of a client IP: the same IP gives the same hash in this database, and the IP cannot be read back. */
  hashIp(ip: string): string {
    return createHash('sha256').update(this.#salt).update('\0').update(ip).digest('hex');
  }

  /** A salted hash of a mailbox's key (address.ts), for rate limits and the record of an erasure. */
  hashAddress(key: string): string {
    return createHash('sha256').update(this.#salt).update('\0address\0').update(key).digest('hex');
  }

  /**
   * Records a signup. A new address, or one that had unsubscribed, becomes pending and gets a mail; a pending one
   * is refreshed and gets a new mail only when its last one is older than `resendAfterMs`; a confirmed one is
   * left as it is. Returns the mail queued, if any; the caller answers the same either way.
   *
   * With `limits`, the attempt is first counted against the client IP's limit and then the mailbox's (as `hit`
   * does), in the same transaction as the signup: one write per signup instead of three. Over a limit, nothing
   * else is stored and the answer says which limit and for how many seconds.
   */
  async signup(request: SignupRequest, ip: string, limits?: SignupLimits): Promise<{ row?: SignupRow; mail?: Mail; limited?: { bucket: 'ip' | 'address'; wait: number } }> {
    const { forUpdate } = this.driver;
    const started = this.#settings.now();
    if (limits) await this.#prune(started, limits.windowMs);
    return this.driver.transaction(async (q) => {
      const now = this.#settings.now();
      const at = iso(now);
      const { key } = request;
      if (limits) {
        const ipWait = await this.#count(q, 'ip', this.hashIp(ip), limits.perIp, limits.windowMs, now);
        if (ipWait) return { limited: { bucket: 'ip' as const, wait: ipWait } };
        const addressWait = await this.#count(q, 'address', this.hashAddress(key), limits.perAddress, limits.windowMs, now);
        if (addressWait) return { limited: { bucket: 'address' as const, wait: addressWait } };
      }
      const fields = [
        request.name,
        request.locale,
        request.source,
        request.consentText,
        request.consent ? at : null,
        ip ? this.hashIp(ip) : null,
        request.extra ? JSON.stringify(request.extra) : null,
      ];
      const find = () => q.get<SignupRow>(`SELECT * FROM signups WHERE email_key = ? AND list = ?${forUpdate}`, key, request.list);
      let existing = await find();
      let row: SignupRow | undefined;
      if (!existing) {
        row = await q.get<SignupRow>(
          `INSERT INTO signups (${SIGNUP_COLUMNS}) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (email_key, list) DO NOTHING RETURNING *`,
          request.email, key, request.list, ...fields, at, at,
        );
        // Another instance stored the same address a moment ago: carry on with its row.
        if (!row) existing = await find();
      }
      if (existing?.status === 'confirmed') return { row: existing };
      if (existing) {
        row = (await q.get<SignupRow>(
          `UPDATE signups SET status = 'pending', email = ?, name = ?, locale = ?, source = ?, consent_text = ?, consent_at = ?,
             ip_hash = ?, extra = ?, updated_at = ? WHERE id = ? RETURNING *`,
          request.email, ...fields, at, existing.id,
        ))!;
      }
      row = row!;
      const recent = existing?.status === 'pending' && existing.last_mail_at && now - Date.parse(existing.last_mail_at) < this.#settings.resendAfterMs;
      if (recent) return { row };
      const confirmToken = randomBytes(32).toString('base64url');
      const unsubscribeToken = randomBytes(32).toString('base64url');
      await q.run(
        'INSERT INTO tokens (hash, signup_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
        hashToken(confirmToken), row.id, 'confirm', at, iso(now + this.#settings.confirmTtlMs),
        hashToken(unsubscribeToken), row.id, 'unsubscribe', at, iso(now + this.#settings.unsubscribeTtlMs),
      );
      const mail = this.#settings.compose(row, confirmToken, unsubscribeToken);
      await q.run(
        `INSERT INTO outbox (signup_id, to_address, subject, body, html, locale, message_id, unsubscribe_url, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        row.id, row.email, mail.subject, mail.text, mail.html, row.locale, mail.messageId, mail.unsubscribeUrl, at,
      );
      await q.run('UPDATE signups SET last_mail_at = ? WHERE id = ?', at, row.id);
      return { row: { ...row, last_mail_at: at }, mail };
    });
  }

  /** Deletes rate-limit rows older than the window, once every 500 counted attempts. */
  async #prune(now: number, windowMs: number): Promise<void> {
    if (++this.#hits % 500 === 0) await this.driver.transaction((q) => q.run('DELETE FROM rate_hits WHERE at <= ?', iso(now - windowMs)));
  }

  /** Counts an attempt (see `hit`) within the transaction `q`. */
  async #count(q: Queries, bucket: string, key: string, limit: number, windowMs: number, now: number): Promise<number> {
    const since = iso(now - windowMs);
    let seen: { n: number; first: string | null };
    if (this.driver.kind === 'postgres') {
      seen = (await q.get<{ n: number; first: string | null }>('SELECT n, first FROM fjord_rate_hit(?, ?, ?, ?, ?)', bucket, key, iso(now), since, limit))!;
    } else {
      seen = (await q.get<{ n: number; first: string | null }>(
        'SELECT CAST(COUNT(*) AS INTEGER) AS n, MIN(at) AS first FROM rate_hits WHERE bucket = ? AND key = ? AND at > ?',
        bucket, key, since,
      ))!;
      if (seen.n < limit) await q.run('INSERT INTO rate_hits (bucket, key, at) VALUES (?, ?, ?)', bucket, key, iso(now));
    }
    return seen.n >= limit ? Math.max(1, Math.ceil((Date.parse(seen.first!) + windowMs - now) / 1000)) : 0;
  }

  /** The signup a confirm or unsubscribe token belongs to, leaving the token and the signup as they are. */
  signupFor(token: string, purpose: 'confirm' | 'unsubscribe'): Promise<SignupRow | undefined> {
    return this.driver.transaction(async (q) => (await this.#token(q, token, purpose))?.row);
  }

  /** Confirms the signup a confirmation token belongs to. A token works once, until it expires; the signup's other confirmation tokens stop working with it. */
  confirm(token: string): Promise<{ outcome: ConfirmOutcome; row?: SignupRow }> {
    return this.driver.transaction(async (q): Promise<{ outcome: ConfirmOutcome; row?: SignupRow }> => {
      const found = await this.#token(q, token, 'confirm');
      if (!found) return { outcome: 'unknown' };
      const { row, used, expired } = found;
      if (row.status === 'confirmed') return { outcome: 'confirmed', row };
      if (used) return { outcome: 'unknown', row };
      if (expired) return { outcome: 'expired', row };
      const now = iso(this.#settings.now());
      await q.run("UPDATE tokens SET used_at = ? WHERE signup_id = ? AND purpose = 'confirm' AND used_at IS NULL", now, row.id);
      return { outcome: 'confirmed', row: await this.#setStatus(q, row.id, 'confirmed', now) };
    });
  }

  /** Unsubscribes the signup an unsubscribe token belongs to. It works any number of times until it expires, and stops the signup's confirmation links. */
  unsubscribe(token: string): Promise<{ outcome: UnsubscribeOutcome; row?: SignupRow }> {
    return this.driver.transaction(async (q): Promise<{ outcome: UnsubscribeOutcome; row?: SignupRow }> => {
      const found = await this.#token(q, token, 'unsubscribe');
      if (!found) return { outcome: 'unknown' };
      const { row, expired } = found;
      if (expired) return { outcome: 'expired', row };
      if (row.status === 'unsubscribed') return { outcome: 'unsubscribed', row };
      const now = iso(this.#settings.now());
      await q.run("UPDATE tokens SET used_at = ? WHERE signup_id = ? AND purpose = 'confirm' AND used_at IS NULL", now, row.id);
      return { outcome: 'unsubscribed', row: await this.#setStatus(q, row.id, 'unsubscribed', now) };
    });
  }

  /**
   * Counts an attempt for `key` in `bucket`, at most `limit` within any `windowMs`, in the database, so every
   * instance sees every other's attempts. Resolves to 0 when it is allowed, else the whole seconds until the next
   * one will be. Refused attempts do not count.
   */
  async hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number> {
    const now = this.#settings.now();
    await this.#prune(now, windowMs);
    // PostgreSQL counts in one call (fjord_rate_hit), which is a transaction of its own.
    if (this.driver.kind === 'postgres') return this.#count(this.driver, bucket, key, limit, windowMs, now);
    return this.driver.transaction((q) => this.#count(q, bucket, key, limit, windowMs, now));
  }

  /**
   * Claims up to `limit` mails that are due for `leaseMs`: no other sender, in this process or any other, takes
   * them until the claim is given back or runs out. Rows another sender is claiming at the same moment are skipped
   * (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's write transactions take turns).
   */
  claimMails(claim: string, limit: number, leaseMs: number): Promise<OutboxRow[]> {
    return this.driver.transaction(async (q) => {
      const now = this.#settings.now();
      const due = await q.all<{ id: number }>(
        `SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL
           AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (claimed_until IS NULL OR claimed_until <= ?)
         ORDER BY id LIMIT ?${this.driver.skipLocked}`,
        iso(now), iso(now), limit,
      );
      if (!due.length) return [];
      const rows = await q.all<OutboxRow>(
        `UPDATE outbox SET claim = ?, claimed_until = ?, attempts = attempts + 1 WHERE id IN (${due.map(() => '?').join(', ')}) RETURNING *`,
        claim, iso(now + leaseMs), ...due.map((row) => row.id),
      );
      return rows.sort((a, b) => a.id - b.id);
    });
  }

  /** Pushes back the end of every claim `claim` holds on a mail not yet sent: a sender renews while it is still sending. */
  async renewClaims(claim: string, leaseMs: number): Promise<number> {
    return this.driver.runNow('UPDATE outbox SET claimed_until = ? WHERE claim = ? AND sent_at IS NULL AND failed_at IS NULL', iso(this.#settings.now() + leaseMs), claim);
  }

  /** How many mails wait to be sent, and when the oldest of them was queued. */
  async outboxStats(): Promise<{ depth: number; oldest: string | null }> {
    return (await this.driver.get<{ depth: number; oldest: string | null }>(
      'SELECT CAST(COUNT(*) AS INTEGER) AS depth, MIN(created_at) AS oldest FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL',
    ))!;
  }

  /** Records that the SMTP server took a mail. False when the claim was lost meanwhile (it ran out, or the mail was erased). */
  async markSent(id: number, claim: string): Promise<boolean> {
    const changed = await this.driver.runNow(
      'UPDATE outbox SET sent_at = ?, claim = NULL, claimed_until = NULL, error = NULL WHERE id = ? AND claim = ?', iso(this.#settings.now()), id, claim,
    );
    return changed > 0;
  }

  /** Gives a claimed mail back, to be tried again at `at`, with why this attempt failed. */
  async retryLater(id: number, claim: string, at: number, error: string): Promise<void> {
    await this.driver.transaction((q) =>
      q.run('UPDATE outbox SET next_attempt_at = ?, error = ?, claim = NULL, claimed_until = NULL WHERE id = ? AND claim = ?', iso(at), error, id, claim),
    );
  }

  /** Gives a claimed mail back untried. */
  async release(id: number, claim: string): Promise<void> {
    await this.driver.transaction((q) =>
      q.run('UPDATE outbox SET claim = NULL, claimed_until = NULL, attempts = attempts - 1 WHERE id = ? AND claim = ?', id, claim),
    );
  }

  /** Gives up on a claimed mail for good, recording why. */
  async markFailed(id: number, claim: string, error: string): Promise<void> {
    await this.driver.transaction((q) =>
      q.run('UPDATE outbox SET failed_at = ?, error = ?, claim = NULL, claimed_until = NULL WHERE id = ? AND claim = ?', iso(this.#settings.now()), error, id, claim),
    );
  }

  /** Every signup, oldest first. */
  all(): Promise<SignupRow[]> {
    return this.driver.all<SignupRow>('SELECT * FROM signups ORDER BY id');
  }

  /** Every mail in the outbox, oldest first. */
  outbox(): Promise<OutboxRow[]> {
    return this.driver.all<OutboxRow>('SELECT * FROM outbox ORDER BY id');
  }

  /** Everything stored about one mailbox (any spelling of it), on every list: its signups, their tokens' dates, its mails, and any erasure of it. */
  async exportAddress(email: string): Promise<AddressRecord> {
    const key = lookupKey(email);
    const signups = await this.driver.all<SignupRow>('SELECT * FROM signups WHERE email_key = ? ORDER BY id', key);
    const ids = signups.map((row) => row.id);
    const inIds = `(${ids.map(() => '?').join(', ') || 'NULL'})`;
    return {
      address: email,
      signups,
      tokens: await this.driver.all(`SELECT signup_id, purpose, created_at, expires_at, used_at FROM tokens WHERE signup_id IN ${inIds} ORDER BY created_at, purpose`, ...ids),
      mails: await this.driver.all<OutboxRow>(`SELECT * FROM outbox WHERE signup_id IN ${inIds} ORDER BY id`, ...ids),
      erasures: await this.driver.all('SELECT erased_at, signups, mails FROM erasures WHERE address_hash = ? ORDER BY erased_at', this.hashAddress(key)),
    };
  }

  /**
   * Deletes a mailbox (any spelling of it) on every list, with its tokens, its mails (sent or not) and its
   * rate-limit entries. What is kept is a salted hash of its key with the time and the counts, so that the erasure
   * itself can be shown.
   */
  erase(email: string): Promise<Erasure> {
    const key = lookupKey(email);
    const hashed = this.hashAddress(key);
    return this.driver.transaction(async (q) => {
      const ids = (await q.all<{ id: number }>(`SELECT id FROM signups WHERE email_key = ?${this.driver.forUpdate}`, key)).map((r) => r.id);
      const inIds = `(${ids.map(() => '?').join(', ') || 'NULL'})`;
      const mails = await q.run(`DELETE FROM outbox WHERE signup_id IN ${inIds}`, ...ids);
      const tokens = await q.run(`DELETE FROM tokens WHERE signup_id IN ${inIds}`, ...ids);
      const signups = await q.run(`DELETE FROM signups WHERE id IN ${inIds}`, ...ids);
      await q.run("DELETE FROM rate_hits WHERE bucket = 'address' AND key = ?", hashed);
      await q.run('INSERT INTO erasures (address_hash, erased_at, signups, mails) VALUES (?, ?, ?, ?)', hashed, iso(this.#settings.now()), signups, mails);
      return { signups, tokens, mails };
    });
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  async #setStatus(q: Queries, id: number, status: Status, now: string): Promise<SignupRow> {
    const column = status === 'confirmed' ? 'confirmed_at' : 'unsubscribed_at';
    return (await q.get<SignupRow>(`UPDATE signups SET status = ?, updated_at = ?, ${column} = ? WHERE id = ? RETURNING *`, status, now, now, id))!;
  }

  async #token(q: Queries, token: string, purpose: 'confirm' | 'unsubscribe') {
    if (!TOKEN.test(token)) return undefined;
    const found = await q.get<{ signup_id: number; expires_at: string; used_at: string | null }>(
      'SELECT signup_id, expires_at, used_at FROM tokens WHERE hash = ? AND purpose = ?',
      hashToken(token), purpose,
    );
    if (!found) return undefined;
    const row = (await q.get<SignupRow>(`SELECT * FROM signups WHERE id = ?${this.driver.forUpdate}`, found.signup_id))!;
    return { row, used: found.used_at !== null, expired: Date.parse(found.expires_at) <= this.#settings.now() };
  }
}

/** The database's own salt for IP hashes, made on first use. */
async function storedSalt(driver: Driver): Promise<string> {
  return driver.transaction(async (q) => {
    await q.run("INSERT INTO meta (key, value) VALUES ('ip_salt', ?) ON CONFLICT (key) DO NOTHING", randomBytes(32).toString('hex'));
    return (await q.get<{ value: string }>("SELECT value FROM meta WHERE key = 'ip_salt'"))!.value;
  });
}

export const iso = (ms: number) => new Date(ms).toISOString();
