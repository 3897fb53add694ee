// Shared by the signup server's tests: a real server on a loopback port, a temporary database file, a fixed
// clock, and a small HTTP client that can send from any 127.x address (to be a different client IP).
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../../server/server.ts';

/** A fresh directory with a database path in it; `remove()` deletes both. */
export function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'fjord-signups-'));
  return { file: join(dir, 'signups.sqlite'), dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock that stands still until told to move. */
export function fixedClock(start = Date.parse('2030-03-01T09:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
  };
}

/** Starts the real server on 127.0.0.1 and a free port; log lines are collected in `logs`. */
export async function start(options) {
  const logs = [];
  const running = await startServer({ log: (line) => logs.push(line), ...options });
  return { ...running, logs };
}

/** Rate limits high enough that a test that is not about them never meets them. */
export const NO_LIMITS = { perIp: 100_000, perAddress: 100_000 };

/**
 * Sends one request, on a connection of its own unless `agent` is given, and reads the whole answer. `body` is sent as given (string or Buffer); `chunked` leaves out
 * Content-Length. `from` is the local address to send from (any 127.x works on Linux).
 */
export function request(url, { method = 'GET', headers = {}, body, from, chunked = false, agent } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const all = { ...headers };
    if (payload && !chunked) all['content-length'] = String(payload.length);
    const req = httpRequest(url, { method, headers: all, localAddress: from, agent: agent ?? false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode,
          headers: res.headers,
          text,
          json: () => JSON.parse(text),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/**
 * Follows a confirm or unsubscribe link as a reader does: opens it (GET), which only shows a page, then submits
 * that page's one form as a browser would (a POST to its action, resolved against the link). Resolves to the
 * answer of the POST, with the GET's answer as `page`.
 */
export async function followLink(url, { headers = {} } = {}) {
  const page = await request(url, { headers });
  if (page.status !== 200) throw new Error(`GET ${url}: ${page.status}`);
  const forms = [...page.text.matchAll(/<form method="post" action="([^"]*)">/g)];
  if (forms.length !== 1) throw new Error(`GET ${url}: no single POST form in\n${page.text}`);
  const action = new URL(forms[0][1].replaceAll('&amp;', '&'), url);
  const res = await request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: '' });
  return { ...res, page };
}

/**
 * Posts a signup as the widget does: `Accept: application/json`, urlencoded by default or JSON with
 * `encoding: 'json'`. Pass `accept` to post as a browser's plain form does. Fields set to `undefined` are left out.
 */
export function signup(server, fields, { encoding = 'form', headers = {}, from, accept = 'application/json', agent } = {}) {
  const json = encoding === 'json';
  fields = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return request(`${server.url}/api/newsletter`, {
    method: 'POST',
    from,
    agent,
    headers: {
      accept,
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
}

/** Reads the database file through a connection of its own, as another process would. */
export function readDatabase(file) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      signups: db.prepare('SELECT * FROM signups ORDER BY id').all(),
      outbox: db.prepare('SELECT * FROM outbox ORDER BY id').all(),
      tokens: db.prepare('SELECT * FROM tokens ORDER BY rowid').all(),
      version: db.pragma('user_version', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/** The tokens of the confirmation mail last queued for `email`: read from the outbox, as a reader opens the mail. */
export function tokensFor(file, email) {
  const mail = readDatabase(file).outbox.filter((m) => m.to_address === email).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  return {
    confirm: /\/confirm\?token=([\w-]+)/.exec(mail.body)[1],
    unsubscribe: /\/unsubscribe\?token=([\w-]+)/.exec(mail.body)[1],
    mail,
  };
}

export const HOUR = 3_600_000;

/** Ports for the tests' servers: `preferred` (of the range these tests use, 7100-7199) when it is free. */
export { freePort } from '../../scripts/system/free-port.mjs';
