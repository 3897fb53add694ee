#!/usr/bin/env node
/**
 * `fjord-signups`: the signup endpoint on its own, and what a data-protection officer asks of it.
 *   fjord-signups                    runs the endpoint (PORT, HOST, FJORD_PUBLIC_URL, FJORD_SIGNUPS_DATABASE,
 *                                    FJORD_SMTP_URL, FJORD_MAIL_FROM, FJORD_TRUST_PROXY, FJORD_SIGNUPS_SALT)
 *   fjord-signups list [--csv]       the stored signups as a table, or every column as CSV (--outbox: the mails)
 *   fjord-signups export <address>   everything stored about one address, as JSON
 *   fjord-signups erase <address>    deletes an address with its tokens and mails
 * `--db DATABASE` stands in for FJORD_SIGNUPS_DATABASE (an SQLite file or a postgres:// URL).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveSettings } from './config.js';
import { SignupStore, type OutboxRow, type SignupRow } from './db.js';
import { isPostgresUrl } from './drivers.js';
import { startServer } from './server.js';

const USAGE = `Usage:
  fjord-signups                   run the signup endpoint (PORT, HOST and FJORD_* variables)
  fjord-signups list [--csv]      list the stored signups (--csv: every column; --outbox: the mails)
  fjord-signups export <address>  print everything stored about one address (JSON)
  fjord-signups erase <address>   delete an address, its tokens and its mails
Options: --db DATABASE  an SQLite file or a postgres:// URL (default FJORD_SIGNUPS_DATABASE, else .data/signups.sqlite)`;

// `fjord-signups list | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const dbIndex = args.indexOf('--db');
const positional = args.filter((arg, i) => !arg.startsWith('--') && !(dbIndex >= 0 && i === dbIndex + 1));
const [command = 'serve', address] = positional;
const settings = resolveSettings(dbIndex >= 0 ? { database: args[dbIndex + 1] } : {});
const database = settings.database;

const CSV_COLUMNS: (keyof SignupRow)[] = [
  'id', 'email', 'list', 'status', 'name', 'locale', 'source', 'consent_text', 'consent_at',
  'created_at', 'updated_at', 'confirmed_at', 'unsubscribed_at', 'ip_hash', 'extra',
];

try {
  if (flag('--help') || flag('-h') || command === 'help') {
    console.log(USAGE);
  } else if (command === 'serve') {
    await serve();
  } else if (command === 'list') {
    await withStore((store) => list(store), () => {
      if (flag('--csv')) process.stdout.write(`${CSV_COLUMNS.join(',')}\r\n`);
      console.error(`No signups yet: there is no database at ${resolve(database)}.`);
    });
  } else if (command === 'export' || command === 'erase') {
    if (!address) fail(`fjord-signups ${command} needs an address.\n\n${USAGE}`);
    await withStore(
      async (store) => {
        if (command === 'export') return void process.stdout.write(`${JSON.stringify(await store.exportAddress(address), null, 2)}\n`);
        const erased = await store.erase(address);
        console.log(
          erased.signups
            ? `Erased ${address}: ${erased.signups} signup(s), ${erased.tokens} token(s), ${erased.mails} mail(s). Kept: a salted hash of the address with the time and these counts.`
            : `Nothing stored for ${address}. Recorded the erasure (a salted hash of the address and the time).`,
        );
      },
      () => console.log(command === 'export' ? JSON.stringify({ address, signups: [], tokens: [], mails: [], erasures: [] }, null, 2) : `Nothing stored: there is no database at ${resolve(database)}.`),
    );
  } else {
    fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function serve(): Promise<void> {
  const running = await startServer({ port: Number(process.env.PORT || 8787), host: process.env.HOST || '127.0.0.1' });
  const { basePath } = running.handler.settings;
  console.log(`Signup endpoint on ${running.url}${basePath} (a plain form at ${running.url}/), database ${running.handler.store.driver.where}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** Opens the database for a command; a missing SQLite file is not created, `missing` answers instead. */
async function withStore(use: (store: SignupStore) => Promise<void>, missing: () => void): Promise<void> {
  if (!isPostgresUrl(database) && !existsSync(database)) return missing();
  const store = await SignupStore.open(database, {
    now: Date.now,
    ipSalt: settings.ipSalt,
    confirmTtlMs: settings.confirmTtlMs,
    unsubscribeTtlMs: settings.unsubscribeTtlMs,
    resendAfterMs: settings.resendAfterMs,
    poolSize: 1,
    compose: () => {
      throw new Error('The command line queues no mail.');
    },
  });
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

async function list(store: SignupStore): Promise<void> {
  if (flag('--csv')) return printCsv(await store.all());
  if (flag('--outbox')) return printOutbox(await store.outbox());
  printTable(await store.all(), store.driver.where === database && !isPostgresUrl(database) ? resolve(database) : store.driver.where);
}

function printCsv(rows: SignupRow[]): void {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','))];
  process.stdout.write(lines.map((line) => `${line}\r\n`).join(''));
}

/**
 * One CSV field. A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
 * leading `'`, as OWASP advises, so that opening the export runs nothing a visitor typed.
 */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function printTable(rows: SignupRow[], where: string): void {
  if (!rows.length) {
    console.log(`No signups yet (${where}).`);
    return;
  }
  const head = ['id', 'email', 'list', 'status', 'locale', 'signed up (UTC)', 'confirmed (UTC)', 'source'];
  const body = rows.map((r) => [
    String(r.id),
    r.email,
    r.list,
    r.status,
    r.locale,
    r.created_at.slice(0, 16).replace('T', ' '),
    r.confirmed_at?.slice(0, 16).replace('T', ' ') ?? '',
    r.source ?? '',
  ]);
  const cells = [head, ...body].map((row) => row.map((cell) => clip(printable(cell), 48)));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const row of cells) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  console.log(`\n${rows.length} signups: ${count('pending')} pending, ${count('confirmed')} confirmed, ${count('unsubscribed')} unsubscribed (${where})`);
}

function printOutbox(mails: OutboxRow[]): void {
  if (!mails.length) console.log('The outbox is empty.');
  for (const mail of mails) {
    const state = mail.sent_at ? `sent ${mail.sent_at}` : mail.failed_at ? `failed ${mail.failed_at}: ${mail.error}` : `queued, ${mail.attempts} attempt(s)${mail.error ? `, last: ${mail.error}` : ''}`;
    console.log(`#${mail.id}  ${mail.created_at}  to ${printable(mail.to_address)}  (${printable(state)})\nSubject: ${printable(mail.subject)}\n`);
    console.log(printable(mail.body, true).replace(/^/gm, '    '));
  }
}

/** Stored text as the terminal should show it: control and direction-changing characters visible as escapes, not obeyed. */
function printable(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    keepNewlines && c === '\n' ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
