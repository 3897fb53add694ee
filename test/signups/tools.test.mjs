import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createServer } from 'vite';
import { NO_LIMITS, followLink, freePort, readDatabase, request, signup, start, tempDatabase } from './helpers.mjs';
import { mailsTo, parse, startSmtp } from './smtp.mjs';
import { runCommand } from '../../server/commands.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const signups = (...args) => run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'list', ...args], { cwd: root, env: { ...process.env, FJORD_SIGNUPS_DATABASE: '' } });
/** The same command in this process: what the bin prints, without starting one. */
const signupsHere = async (...args) => {
  const output = { stdout: '', stderr: '' };
  await runCommand(['list', ...args], { out: (text) => (output.stdout += text), line: (text) => (output.stdout += `${text}\n`), error: (text) => (output.stderr += `${text}\n`) });
  return output;
};

describe('fjord-signups list (npm run signups)', () => {
  const db = tempDatabase();
  before(async () => {
    const server = await start({ database: db.file, rateLimit: NO_LIMITS });
    await signup(server, { email: 'ola@example.no', list: 'klyngenytt', consent: 'yes', name: 'Ola "O" Nordmann, jr.' });
    await signup(server, { email: 'kari@example.no', list: 'morgenbrevet', name: '=HYPERLINK("https://evil.example","klikk")' });
    await signup(server, { email: 'esc@example.no', list: 'morgenbrevet', name: 'Bell\u0007 \u001b[2J\u202eevil' });
    await server.close();
  });
  after(() => db.remove());

  it('lists the stored signups as a table, with control characters shown, not obeyed', async () => {
    const { stdout } = await signups('--db', db.file);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0], /^id\s+email\s+list\s+status\s+locale\s+signed up \(UTC\)/);
    assert.match(lines[1], /^1\s+ola@example\.no\s+klyngenytt\s+pending\s+nb/);
    assert.match(stdout, /3 signups: 3 pending, 0 confirmed, 0 unsubscribed/);
    assert.doesNotMatch(stdout, /[\u0007\u001b\u202e]/);
  });

  it('exports every column as CSV with --csv, quoted where needed and with formulas defused', async () => {
    const { stdout } = await signupsHere('--db', db.file, '--csv');
    const lines = stdout.split('\r\n');
    assert.equal(lines[0], 'id,email,list,status,name,locale,source,consent_text,consent_at,created_at,updated_at,confirmed_at,unsubscribed_at,ip_hash,extra');
    assert.ok(lines[1].startsWith('1,ola@example.no,klyngenytt,pending,"Ola ""O"" Nordmann, jr.",nb,'));
    assert.ok(lines[2].includes(`,"'=HYPERLINK(""https://evil.example"",""klikk"")",`));
    assert.equal(lines.length, 5, 'a header, three rows and the final line break');
  });

  it('says so when there is no database yet', async () => {
    const { stdout, stderr } = await signupsHere('--db', `${db.dir}/missing.sqlite`, '--csv');
    assert.equal(stdout, 'id,email,list,status,name,locale,source,consent_text,consent_at,created_at,updated_at,confirmed_at,unsubscribed_at,ip_hash,extra\r\n');
    assert.match(stderr, /No signups yet/);
  });
});

describe('fjord-signups list --csv and export --csv, as a mail provider imports them', () => {
  const db = tempDatabase();
  before(async () => {
    const server = await start({ database: db.file, rateLimit: NO_LIMITS });
    for (const [email, name] of [['-kari@example.no', '-1+2'], ['+ola@example.no', '@SUM(1)'], ['per@blåbær.no', 'Per, "P"'], ['=x@example.no', null]]) {
      assert.equal((await signup(server, { email, list: 'morgenbrevet', ...(name ? { name } : {}) })).status, 200);
    }
    await server.close();
  });
  after(() => db.remove());

  it('writes RFC 4180 (CRLF, quotes doubled) in UTF-8, addresses as they are and formulas defused in every other field', async () => {
    const { stdout } = await signupsHere('--db', db.file, '--csv');
    const rows = stdout.split('\r\n').slice(1, -1).map((line) => line.split(',').slice(0, 5));
    assert.deepEqual(rows.map((r) => r[1]), ['-kari@example.no', '+ola@example.no', 'per@xn--blbr-roah.no', '=x@example.no'], 'a provider imports these as the addresses');
    assert.deepEqual(rows.map((r) => r[4]), ["'-1+2", "'@SUM(1)", '"Per', '']);
    assert.ok(stdout.includes(',"Per, ""P""",'));
    assert.ok(!stdout.startsWith('\ufeff'), 'no byte-order mark');
  });

  it('exports one address’s signups in the same columns with export --csv, found by any spelling', async () => {
    let stdout = '';
    await runCommand(['export', '-KARI@example\u3002no', '--csv', '--db', db.file], { out: (text) => (stdout += text), line: assert.fail, error: assert.fail });
    const lines = stdout.split('\r\n');
    assert.equal(lines[0], 'id,email,list,status,name,locale,source,consent_text,consent_at,created_at,updated_at,confirmed_at,unsubscribed_at,ip_hash,extra');
    assert.ok(lines[1].startsWith("1,-kari@example.no,morgenbrevet,pending,'-1+2,nb,"), lines[1]);
    assert.equal(lines.length, 3);
  });
});

describe('npm start (the Vite dev server with vite.config.ts)', () => {
  const db = tempDatabase();
  const logs = [];
  let vite;
  let url;
  before(async () => {
    process.env.FJORD_SIGNUPS_DATABASE = db.file;
    const logger = { info: (msg) => logs.push(msg), warn: () => {}, warnOnce: () => {}, error: () => {}, clearScreen: () => {}, hasErrorLogged: () => false, hasWarned: false };
    vite = await createServer({ root, configFile: `${root}/vite.config.ts`, customLogger: logger, server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false } });
    await vite.listen();
    url = vite.resolvedUrls.local[0].replace(/\/$/, '');
  });
  after(async () => {
    await vite.close();
    delete process.env.FJORD_SIGNUPS_DATABASE;
    db.remove();
  });

  it('serves /api/newsletter beside the demo page, and its confirm link works', async () => {
    const res = await signup({ url }, { email: 'vite@example.no', list: 'klyngenytt', consent: 'yes', locale: 'nb' });
    assert.equal(res.status, 200);
    const line = logs.find((l) => l.includes('/api/newsletter/confirm?token='));
    assert.ok(line, 'the confirmation link is in the dev server log');
    const link = JSON.parse(line.slice(line.indexOf('{'))).confirmUrl;
    assert.ok(link.startsWith(url), 'the link points at the dev server');
    assert.equal((await followLink(link)).status, 200);
    assert.equal(readDatabase(db.file).signups[0].status, 'confirmed');
    const page = await request(`${url}/demo/`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<fjord-newsletter-signup/);
  });
});

describe('fjord-signups (the standalone server) with FJORD_SMTP_URL', () => {
  const db = tempDatabase();
  let smtp;
  let child;
  let port;
  const output = [];
  before(async () => {
    port = await freePort(7130);
    smtp = await startSmtp(await freePort(7131), { auth: { user: 'fjord', pass: 'hemmelig' } });
    child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        FJORD_SIGNUPS_DATABASE: db.file,
        FJORD_SMTP_URL: smtp.url,
        FJORD_MAIL_FROM: 'Fjordavisa <nyhetsbrev@fjordavisa.example>',
        FJORD_PUBLIC_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => output.push(String(chunk)));
    child.stderr.on('data', (chunk) => output.push(String(chunk)));
    await new Promise((resolve, reject) => {
      const timer = setInterval(() => output.join('').includes('Signup endpoint on') && (clearInterval(timer), resolve()), 50);
      child.once('exit', (code) => reject(new Error(`fjord-signups exited with ${code}:\n${output.join('')}`)));
    });
  });
  after(async () => {
    child?.kill('SIGTERM');
    await smtp?.stop();
    db.remove();
  });

  it('delivers a confirmation mail whose link confirms the address, and stops cleanly on SIGTERM', async () => {
    const log = output.join('');
    assert.ok(log.includes(`Signup endpoint on http://127.0.0.1:${port}/api/newsletter`), log);
    assert.ok(log.includes(`Mail goes out over SMTP (${smtp.url.replace(':hemmelig@', ':***@')})`), 'says where mail goes, without the password');
    const res = await signup({ url: `http://127.0.0.1:${port}` }, { email: 'standalone@example.no', list: 'klyngenytt', consent: 'yes', locale: 'nn' });
    assert.equal(res.status, 200);
    await smtp.until(() => mailsTo(smtp, 'standalone@example.no').length, 'the mail');
    const [mail] = mailsTo(smtp, 'standalone@example.no');
    assert.equal(mail.user, 'fjord', 'logged in with the URL’s user and password');
    const { text, subject } = await parse(mail);
    assert.equal(subject, 'Stadfest påmeldinga til Klyngenytt');
    const link = new RegExp(`(http://127\\.0\\.0\\.1:${port}/api/newsletter/confirm\\?token=[\\w-]{43})`).exec(text)[1];
    const page = await followLink(link);
    assert.equal(page.status, 200);
    assert.match(page.text, /Påmeldinga er stadfesta/);
    assert.equal(readDatabase(db.file).signups[0].status, 'confirmed');
    assert.ok(!output.join('').includes('token='), 'with SMTP set, no link goes to the log');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});

describe('fjord-signups without FJORD_SMTP_URL', () => {
  it('says at start that mails go to the log', async () => {
    const db = tempDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(await freePort(7132)), HOST: '127.0.0.1', FJORD_SIGNUPS_DATABASE: db.file, FJORD_SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    try {
      await new Promise((resolve) => {
        const timer = setInterval(() => out.includes('Signup endpoint on') && (clearInterval(timer), resolve()), 50);
      });
      assert.match(out, /No SMTP server set \(FJORD_SMTP_URL\): confirmation mails are written to this log, not sent\./);
    } finally {
      child.kill('SIGTERM');
      db.remove();
    }
  });
});
