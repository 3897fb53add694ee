/**
 * `npm run signups`: the signups the reference server has stored, as a table.
 *   npm run signups -- --csv       every column as CSV (RFC 4180), for a spreadsheet or a mail provider's import
 *   npm run signups -- --outbox    the mails queued in the outbox, newest last, with their links
 *   npm run signups -- --db FILE   another database than FJORD_SIGNUPS_DB (default .data/signups.sqlite)
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveSettings } from '../demo/server/config.js';
import { openDatabase, type SignupRow } from '../demo/server/db.js';

// `npm run signups | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const file = args.includes('--db') ? args[args.indexOf('--db') + 1] : resolveSettings().database;

const CSV_COLUMNS: (keyof SignupRow)[] = [
  'id', 'email', 'list', 'status', 'name', 'locale', 'source', 'consent_text', 'consent_at',
  'created_at', 'updated_at', 'confirmed_at', 'unsubscribed_at', 'ip_hash', 'extra',
];

if (flag('--help') || !file) {
  console.log('Usage: npm run signups [-- --csv | --outbox] [--db FILE]');
  process.exit(file ? 0 : 1);
}

if (!existsSync(file)) {
  if (flag('--csv')) process.stdout.write(`${CSV_COLUMNS.join(',')}\r\n`);
  console.error(`No signups yet: there is no database at ${resolve(file)}.`);
  process.exit(0);
}

const db = openDatabase(file);
try {
  if (flag('--csv')) printCsv(db.prepare<[], SignupRow>('SELECT * FROM signups ORDER BY id').all());
  else if (flag('--outbox')) printOutbox(db.prepare<[], Mail>('SELECT * FROM outbox ORDER BY id').all());
  else printTable(db.prepare<[], SignupRow>('SELECT * FROM signups ORDER BY id').all(), resolve(file));
} finally {
  db.close();
}

interface Mail {
  id: number;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
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

function printOutbox(mails: Mail[]): void {
  if (!mails.length) console.log('The outbox is empty.');
  for (const mail of mails) {
    console.log(`#${mail.id}  ${mail.created_at}  to ${printable(mail.to_address)}\nSubject: ${printable(mail.subject)}\n`);
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
