/**
 * The data-protection commands of `fjord-signups`, for the bin and for tests in one process:
 *   list [--csv | --outbox]   the stored signups as a table, every column as CSV, or the mails
 *   export <address> [--csv]  everything stored about one address, as JSON (--csv: its signups as list --csv writes them)
 *   erase <address>           deletes an address with its tokens and mails
 * `--db DATABASE` stands in for FJORD_SIGNUPS_DATABASE (an SQLite file or a postgres:// URL).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveSettings, type Settings } from './config.js';
import { parseMailbox } from './address.js';
import { SignupStore, type OutboxRow, type SignupRow } from './db.js';
import { isPostgresUrl } from './drivers.js';

export const USAGE = `Usage:
  fjord-signups                   run the signup endpoint (PORT, HOST and FJORD_* variables)
  fjord-signups serve             the same, said explicitly
  fjord-signups list [--csv]      list the stored signups (--csv: every column; --outbox: the mails)
  fjord-signups export <address>  print everything stored about one address (JSON; --csv: its signups as CSV)
  fjord-signups erase <address>   delete an address, its tokens and its mails
Options: --db DATABASE  an SQLite file or a postgres:// URL (default FJORD_SIGNUPS_DATABASE, else .data/signups.sqlite)`;

/** Where a command writes: `out` for its result, `line` for a line of it, `error` for what went wrong. */
export interface Output {
  out(text: string): void;
  line(text: string): void;
  error(text: string): void;
}

const CSV_COLUMNS: (keyof SignupRow)[] = [
  'id', 'email', 'list', 'status', 'name', 'locale', 'source', 'consent_text', 'consent_at',
  'created_at', 'updated_at', 'confirmed_at', 'unsubscribed_at', 'ip_hash', 'extra',
];

/** The command's words and `--db`. */
export function parseArgs(args: string[]): { command: string; address?: string; flags: string[]; database?: string } {
  const dbIndex = args.indexOf('--db');
  // An address may begin with `-` (`-kari@example.no`): only `--word` and `-h` are options.
  const isFlag = (arg: string) => arg.startsWith('--') || arg === '-h';
  const positional = args.filter((arg, i) => !isFlag(arg) && !(dbIndex >= 0 && i === dbIndex + 1));
  return { command: positional[0] ?? 'serve', address: positional[1], flags: args.filter(isFlag), database: dbIndex >= 0 ? args[dbIndex + 1] : undefined };
}

/** Runs `list`, `export` or `erase`; resolves to the exit code. */
export async function runCommand(args: string[], io: Output): Promise<number> {
  const { command, address, flags, database } = parseArgs(args);
  const settings = resolveSettings(database ? { database } : {});
  if (command === 'list') {
    await withStore(settings, (store) => list(store, io, flags), () => {
      if (flags.includes('--csv')) io.out(`${CSV_COLUMNS.join(',')}\r\n`);
      io.error(`No signups yet: there is no database at ${resolve(settings.database)}.`);
    });
    return 0;
  }
  if (command === 'export' || command === 'erase') {
    if (!address) {
      io.error(`fjord-signups ${command} needs an address.\n\n${USAGE}`);
      return 1;
    }
    const csv = command === 'export' && flags.includes('--csv');
    await withStore(
      settings,
      async (store) => {
        if (csv) return printCsv(io, (await store.exportAddress(address)).signups);
        if (command === 'export') return io.out(`${JSON.stringify(await store.exportAddress(address), null, 2)}\n`);
        const erased = await store.erase(address);
        io.line(
          erased.signups
            ? `Erased ${address}: ${erased.signups} signup(s), ${erased.tokens} token(s), ${erased.mails} mail(s). Kept: a salted hash of the address with the time and these counts.`
            : `Nothing stored for ${address}. Recorded the erasure (a salted hash of the address and the time).`,
        );
      },
      () =>
        csv
          ? printCsv(io, [])
          : command === 'export'
          ? io.out(`${JSON.stringify({ address, signups: [], tokens: [], mails: [], erasures: [] }, null, 2)}\n`)
          : io.line(`Nothing stored: there is no database at ${resolve(settings.database)}.`),
    );
    return 0;
  }
  io.error(`Unknown command "${command}".\n\n${USAGE}`);
  return 1;
}

/** Opens the database for a command; a missing SQLite file is not created, `missing` answers instead. */
async function withStore(settings: Settings, use: (store: SignupStore) => Promise<void>, missing: () => void): Promise<void> {
  const { database } = settings;
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

async function list(store: SignupStore, io: Output, flags: string[]): Promise<void> {
  if (flags.includes('--csv')) return printCsv(io, await store.all());
  if (flags.includes('--outbox')) return printOutbox(io, await store.outbox());
  printTable(io, await store.all(), isPostgresUrl(store.driver.where) ? store.driver.where : resolve(store.driver.where));
}

/** RFC 4180: a header line, CRLF line ends, UTF-8 without a byte-order mark, fields quoted when they must be. */
function printCsv(io: Output, rows: SignupRow[]): void {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c], c === 'email')).join(','))];
  io.out(lines.map((line) => `${line}\r\n`).join(''));
}

/**
 * One CSV field. A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
 * leading `'`, as OWASP advises, so that opening the export runs nothing a visitor typed; except an address the
 * service takes, which is written as it is, so that a mail provider imports `-kari@example.no` as that address.
 */
function csvField(value: unknown, address = false): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  const mailbox = address ? parseMailbox(text) : undefined;
  const isAddress = mailbox?.ok === true && mailbox.value.address === text;
  if (typeof value === 'string' && !isAddress && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function printTable(io: Output, rows: SignupRow[], where: string): void {
  if (!rows.length) {
    io.line(`No signups yet (${where}).`);
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
  for (const row of cells) io.line(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  io.line(`\n${rows.length} signups: ${count('pending')} pending, ${count('confirmed')} confirmed, ${count('unsubscribed')} unsubscribed (${where})`);
}

function printOutbox(io: Output, mails: OutboxRow[]): void {
  if (!mails.length) io.line('The outbox is empty.');
  for (const mail of mails) {
    const state = mail.sent_at ? `sent ${mail.sent_at}` : mail.failed_at ? `failed ${mail.failed_at}: ${mail.error}` : `queued, ${mail.attempts} attempt(s)${mail.error ? `, last: ${mail.error}` : ''}`;
    io.line(`#${mail.id}  ${mail.created_at}  to ${printable(mail.to_address)}  (${printable(state)})\nSubject: ${printable(mail.subject)}\n`);
    io.line(printable(mail.body, true).replace(/^/gm, '    '));
  }
}

/** Stored text as the terminal should show it: control, format (direction-changing, zero-width) and other invisible characters visible as escapes, not obeyed. */
function printable(text: string, keepNewlines = false): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu, (c) =>
    keepNewlines && c === '\n' ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
