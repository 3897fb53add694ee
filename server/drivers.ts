import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type * as Pg from 'pg';
import { MIGRATIONS } from './migrations.js';

/** Statements with `?` placeholders, on SQLite or PostgreSQL alike. */
export interface Queries {
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, ...params: unknown[]): Promise<number>;
}

/** A database the store can use: SQLite through better-sqlite3, or PostgreSQL through pg. */
export interface Driver extends Queries {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for log lines: the file, or the URL without its password. */
  readonly where: string;
  /** Runs `fn` in one write transaction; it is rolled back when `fn` throws. */
  transaction<T>(fn: (q: Queries) => Promise<T>): Promise<T>;
  /**
   * Runs one statement as a transaction of its own, without waiting behind the requests' transactions where the
   * database allows: on PostgreSQL over a connection kept for it, in one round trip; SQLite's writes take turns.
   * For the sender's marks, so that a mail the SMTP server took is marked sent as soon as possible.
   */
  runNow(sql: string, ...params: unknown[]): Promise<number>;
  /** `FOR UPDATE SKIP LOCKED` where the database has it. */
  readonly skipLocked: string;
  /** `FOR UPDATE` where the database has it. */
  readonly forUpdate: string;
  /** The number of migration steps the database has had (a round trip to it, so also a check that it answers). */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

const requireHere = createRequire(import.meta.url);

/**
 * Loads an optional peer dependency on first use, so that importing the server (the Vite config does, through its
 * plugin) needs neither driver, and a site installs only the one it uses.
 */
export function peer<T>(name: string, why: string): T {
  try {
    return requireHere(name) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`${why} needs the npm package "${name}", which is not installed. Install it: npm install ${name}`, { cause: error });
  }
}

/** Opens a `postgres://` (or `postgresql://`) URL with PostgreSQL, anything else as an SQLite file. */
export async function openDriver(database: string, options: { poolSize?: number } = {}): Promise<Driver> {
  return isPostgresUrl(database) ? openPostgres(database, options.poolSize ?? 10) : openSqlite(database);
}

export const isPostgresUrl = (database: string) => /^postgres(ql)?:\/\//i.test(database);

// One queue per SQLite file in this process: a transaction's awaits must not let a second connection to the same
// file start one, which would wait on the first inside SQLite's busy handler and block the very thread it waits for.
const fileQueues = new Map<string, { tail: Promise<unknown>; users: number }>();

export async function openSqlite(file: string): Promise<Driver> {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const Database = peer<typeof BetterSqlite3>('better-sqlite3', 'An SQLite signup database');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const key = file === ':memory:' ? `:memory:${Math.random()}` : resolve(file);
  const queue = fileQueues.get(key) ?? { tail: Promise.resolve(), users: 0 };
  queue.users++;
  fileQueues.set(key, queue);

  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const bind = (params: unknown[]) => params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? Number(p) : p));
  const q: Queries = {
    all: async <T>(sql: string, ...params: unknown[]) => prepare(sql).all(...bind(params)) as T[],
    get: async <T>(sql: string, ...params: unknown[]) => prepare(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, ...params: unknown[]) => prepare(sql).run(...bind(params)).changes,
  };
  // Prepared once: a transaction's BEGIN and COMMIT are not parsed again each time.
  const [begin, commit, rollback] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK'].map((sql) => db.prepare(sql));
  const transaction = <T>(fn: (q: Queries) => Promise<T>): Promise<T> => {
    const run = async () => {
      begin.run();
      try {
        const result = await fn(q);
        commit.run();
        return result;
      } catch (error) {
        if (db.inTransaction) rollback.run();
        throw error;
      }
    };
    const result = queue.tail.then(run, run);
    queue.tail = result.catch(() => undefined);
    return result;
  };
  // In this file's queue, like every other write: a second connection to the same file in this process waits its turn
  // instead of waiting on SQLite's lock while this one awaits inside its migration.
  try {
    await transaction(() => migrateSqlite(db, q));
  } catch (error) {
    if (--queue.users === 0) fileQueues.delete(key);
    db.close();
    throw error;
  }
  let closed = false;
  return {
    kind: 'sqlite',
    where: file,
    ...q,
    transaction,
    runNow: (sql: string, ...params: unknown[]) => transaction((tx) => tx.run(sql, ...params)),
    skipLocked: '',
    forUpdate: '',
    schemaVersion: async () => db.pragma('user_version', { simple: true }) as number,
    async close() {
      if (closed) return;
      closed = true;
      await queue.tail;
      if (--queue.users === 0) fileQueues.delete(key);
      db.close();
    },
  };
}

/**
 * Runs the steps a database has not had yet. Called inside one write transaction (BEGIN IMMEDIATE), so two processes
 * starting at once cannot both run them.
 */
async function migrateSqlite(db: BetterSqlite3.Database, q: Queries): Promise<void> {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw newerSchema(version);
  for (let step = version; step < MIGRATIONS.length; step++) {
    if (MIGRATIONS[step].sqlite) db.exec(MIGRATIONS[step].sqlite);
    await MIGRATIONS[step].data?.(q);
  }
  if (version < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
}

const newerSchema = (version: number) =>
  new Error(`The signup database has schema version ${version}; this server knows ${MIGRATIONS.length}. Update the server.`);

/** `?` placeholders as PostgreSQL's `$1`, `$2`, … */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function openPostgres(url: string, poolSize: number): Promise<Driver> {
  const pg = peer<typeof Pg>('pg', 'A PostgreSQL signup database');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // The sender's marks, apart from the requests' queue for a connection.
  const urgent = new pg.Pool({ connectionString: url, max: 2 });
  // An idle client that loses its connection (the server restarts) is dropped from the pool, not a crash.
  pool.on('error', () => undefined);
  urgent.on('error', () => undefined);
  const over = (client: Pg.Pool | Pg.PoolClient): Queries => ({
    all: async <T>(sql: string, ...params: unknown[]) => (await client.query(numbered(sql), params)).rows as T[],
    get: async <T>(sql: string, ...params: unknown[]) => (await client.query(numbered(sql), params)).rows[0] as T | undefined,
    // Without parameters, a text may hold several statements (the migrations).
    run: async (sql: string, ...params: unknown[]) => (await (params.length ? client.query(numbered(sql), params) : client.query(sql))).rowCount ?? 0,
  });
  const transaction = async <T>(fn: (q: Queries) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: unknown;
    // A checked-out client whose connection drops (the server restarts) emits 'error' besides failing its query;
    // unheard, that would end the process.
    const lost = (error: Error) => (broken = error);
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await fn(over(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      throw error;
    } finally {
      client.off('error', lost);
      client.release(broken instanceof Error ? broken : undefined);
    }
  };
  try {
    await transaction(async (q) => {
      // One migration at a time, whichever instance starts first.
      await q.run('SELECT pg_advisory_xact_lock(7061730120)');
      const hasMeta = await q.get<{ found: string | null }>("SELECT to_regclass('meta') AS found");
      const row = hasMeta?.found ? await q.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'") : undefined;
      const version = Number(row?.value ?? 0);
      if (version > MIGRATIONS.length) throw newerSchema(version);
      for (let step = version; step < MIGRATIONS.length; step++) {
        if (MIGRATIONS[step].postgres) await q.run(MIGRATIONS[step].postgres);
        await MIGRATIONS[step].data?.(q);
      }
      await q.run(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        String(MIGRATIONS.length),
      );
    });
  } catch (error) {
    await Promise.all([pool.end(), urgent.end()]);
    throw error;
  }
  const where = (() => {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  })();
  let closed = false;
  return {
    kind: 'postgres',
    where,
    ...over(pool),
    transaction,
    runNow: over(urgent).run,
    skipLocked: ' FOR UPDATE SKIP LOCKED',
    forUpdate: ' FOR UPDATE',
    async schemaVersion() {
      const row = await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
      return Number(row.rows[0]?.value ?? 0);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([pool.end(), urgent.end()]);
    },
  };
}
