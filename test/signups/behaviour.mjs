// The signup service's behaviour, run once against SQLite and once against PostgreSQL (stores-*.test.mjs), so
// the two stores cannot drift: mail over a real SMTP server, retries, refusals, two instances on one database,
// a sender killed mid-drain, and the data-protection commands.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../server/commands.ts';
import { followLink, freePort, signup as post, request, start } from './helpers.mjs';
import { mailsTo, parse, startSmtp } from './smtp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FROM = 'Fjordavisa <nyhetsbrev@fjordavisa.example>';
const FAST = { retryMs: 150, maxRetryMs: 600, pollMs: 150, leaseMs: 15_000 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` resolves to something truthy, looking every 100 ms. */
async function eventually(check, what, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** The header's value in the raw message, unfolded. */
const rawHeader = (mail, name) => new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(mail.raw)?.[1].replace(/\r?\n[ \t]+/g, ' ').trim();

/**
 * `database()` resolves to a new, empty database (a file path or a postgres:// URL); `ports` are the loopback
 * ports this suite may use: `http` (two) and `smtp`.
 */
export function behaviourSuite(kind, { database, ports: preferred, setup = async () => {}, teardown = async () => {} }) {
  describe(`the signup service on ${kind}`, () => {
    let smtp;
    const hooks = {};
    const running = [];
    const instance = async (db, port, options = {}, list = running) => {
      const server = await start({ database: db, port, host: '127.0.0.1', smtpUrl: smtp.url, mailFrom: FROM, sender: FAST, ...options });
      list.push(server);
      return server;
    };
    const stopAll = (list = running) => Promise.all(list.splice(0).map((server) => server.close()));
    /** A test whose instances are stopped when it ends, passed or not. */
    const test = (name, fn) =>
      it(name, async () => {
        try {
          await fn();
        } finally {
          await stopAll();
        }
      });
    const outboxFor = async (server, prefix) => (await server.handler.store.outbox()).filter((m) => m.to_address.startsWith(prefix));

    const ports = {};
    before(async () => {
      await setup();
      ports.http = [await freePort(preferred.http[0]), await freePort(preferred.http[1])];
      smtp = await startSmtp(await freePort(preferred.smtp), {
        refuse: (address) => (address.startsWith('bounce') ? 550 : undefined),
        beforeAccept: (mail) => hooks.beforeAccept?.(mail),
      });
    });
    after(async () => {
      await stopAll();
      await smtp?.stop();
      await teardown();
    });

    test('sends the confirmation mail over SMTP in the reader’s language, with text and HTML parts and one-click unsubscribe; its links work', async () => {
      const server = await instance(await database(), ports.http[0]);
      const subjects = { nb: 'Bekreft påmeldingen til Klyngenytt', nn: 'Stadfest påmeldinga til Klyngenytt', en: 'Confirm your signup to Klyngenytt (cluster news)' };
      for (const locale of Object.keys(subjects)) {
        const res = await post(server, { email: `mail-${locale}@example.no`, name: 'Kari', list: 'klyngenytt', consent: 'yes', locale });
        assert.equal(res.status, 200);
      }
      await smtp.until(() => Object.keys(subjects).every((l) => mailsTo(smtp, `mail-${l}@example.no`).length), 'three mails');
      const outbox = await eventually(async () => {
        const rows = await outboxFor(server, 'mail-');
        return rows.every((m) => m.sent_at) && rows;
      }, 'the mails marked sent');
      for (const [locale, subject] of Object.entries(subjects)) {
        const [mail, ...more] = mailsTo(smtp, `mail-${locale}@example.no`);
        assert.equal(more.length, 0, 'one mail each');
        const parsed = await parse(mail);
        const row = outbox.find((m) => m.to_address === `mail-${locale}@example.no`);
        assert.equal(parsed.subject, subject);
        assert.deepEqual(parsed.from.value, [{ address: 'nyhetsbrev@fjordavisa.example', name: 'Fjordavisa' }]);
        assert.equal(parsed.to.value[0].address, `mail-${locale}@example.no`);
        assert.match(row.message_id, /^<[\w-]+@fjordavisa\.example>$/);
        assert.equal(parsed.messageId, row.message_id, 'the Message-ID stored when the mail was queued');
        assert.equal(mail.messageId, row.message_id);
        const confirmUrl = /(http:\/\/127\.0\.0\.1:\d+\/api\/newsletter\/confirm\?token=[\w-]{43})\n/.exec(parsed.text)?.[1];
        assert.ok(confirmUrl, `a confirmation link in the text part:\n${parsed.text}`);
        assert.ok(confirmUrl.startsWith(server.url));
        assert.match(parsed.text, /^(Hei|Hello)!\n/);
        assert.ok(!mail.raw.includes('Kari'), 'the name is stored, not mailed');
        assert.equal(parsed.text.trim(), row.body.trim());
        assert.match(parsed.html, new RegExp(`<html lang="${locale}">`));
        assert.ok(parsed.html.includes(`<a href="${confirmUrl}">`), 'the same link in the HTML part');
        const unsubscribeUrl = /^<(http:\/\/[^>]+\/api\/newsletter\/unsubscribe\?token=[\w-]{43})>$/.exec(rawHeader(mail, 'List-Unsubscribe'))?.[1];
        assert.ok(unsubscribeUrl, `List-Unsubscribe: ${rawHeader(mail, 'List-Unsubscribe')}`);
        assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
        assert.ok(parsed.html.includes(`<a href="${unsubscribeUrl}">`));
        assert.match(rawHeader(mail, 'Content-Type'), /^multipart\/alternative/);

        const page = await followLink(confirmUrl);
        assert.equal(page.status, 200);
        assert.match(page.text, new RegExp(`<html lang="${locale}">`));
        const status = async () => (await server.handler.store.exportAddress(`mail-${locale}@example.no`)).signups[0].status;
        assert.equal(await status(), 'confirmed');
        // The mailbox provider's one-click unsubscribe (RFC 8058): a POST to the List-Unsubscribe URL.
        const oneClick = await request(unsubscribeUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        assert.equal(oneClick.status, 200);
        assert.equal(await status(), 'unsubscribed');
      }
    });

    test('keeps mails while the SMTP server is away, retrying with backoff; when it returns every one goes out, once', async () => {
      const server = await instance(await database(), ports.http[0]);
      await smtp.stop();
      const addresses = Array.from({ length: 5 }, (_, i) => `away${i}@example.no`);
      for (const email of addresses) assert.equal((await post(server, { email, list: 'morgenbrevet' })).status, 200);
      const waiting = await eventually(async () => {
        const rows = await outboxFor(server, 'away');
        return rows.length === 5 && rows.every((m) => m.attempts >= 2 && m.error && !m.sent_at && !m.failed_at) && rows;
      }, 'two failed attempts at each mail');
      assert.match(waiting[0].error, /ECONNREFUSED|ECONNECTION|ESOCKET/);
      await sleep(300);
      await smtp.start();
      await smtp.until(() => addresses.every((a) => mailsTo(smtp, a).length), 'every mail after the server returned');
      await eventually(async () => (await outboxFor(server, 'away')).every((m) => m.sent_at && !m.error), 'every mail marked sent');
      await sleep(500);
      for (const email of addresses) assert.equal(mailsTo(smtp, email).length, 1, `${email} got one mail`);
    });

    test('records a permanent refusal (550) with the server’s answer and does not try that mail again', async () => {
      const server = await instance(await database(), ports.http[0]);
      assert.equal((await post(server, { email: 'bounce@example.no', list: 'morgenbrevet' })).status, 200);
      const [row] = await eventually(async () => {
        const rows = await outboxFor(server, 'bounce');
        return rows[0]?.failed_at && rows;
      }, 'the mail recorded as failed');
      assert.match(row.error, /550 No such mailbox: bounce@example\.no/);
      assert.equal(row.sent_at, null);
      await sleep(4 * FAST.pollMs);
      assert.equal(smtp.attempts.filter((a) => a === 'bounce@example.no').length, 1);
    });

    test('renews the claim on a mail whose handover outlasts the lease, so another instance does not send it too', async () => {
      const db = await database();
      const sender = { ...FAST, leaseMs: 900 };
      const first = await instance(db, ports.http[0], { sender });
      hooks.beforeAccept = async (mail) => {
        if (mail.envelope.rcptTo[0].address === 'slow@example.no') await sleep(3_000);
        return true;
      };
      try {
        assert.equal((await post(first, { email: 'slow@example.no', list: 'morgenbrevet' })).status, 200);
        await instance(db, ports.http[1], { sender });
        await smtp.until(() => mailsTo(smtp, 'slow@example.no').length, 'the slow mail');
        await sleep(1_000);
      } finally {
        delete hooks.beforeAccept;
      }
      assert.equal(smtp.attempts.filter((a) => a === 'slow@example.no').length, 1, 'one sender handed it over, once');
      assert.equal(mailsTo(smtp, 'slow@example.no').length, 1);
      const [row] = await outboxFor(first, 'slow@');
      assert.ok(row.sent_at && row.attempts === 1, JSON.stringify(row));
    });

    describe('two instances on one database', () => {
      let a;
      let b;
      const pair = [];
      before(async () => {
        const db = await database();
        a = await instance(db, ports.http[0], {}, pair);
        b = await instance(db, ports.http[1], {}, pair);
      });
      after(() => stopAll(pair));

      it('takes 1,000 concurrent signups spread over both for 500 addresses: exactly 500 rows and one confirmation mail each', async () => {
        const addresses = Array.from({ length: 500 }, (_, i) => `load${i}@example.no`);
        const agent = new Agent({ keepAlive: false, maxSockets: 64 });
        // Every address is posted once to each instance, each post from a client address of its own.
        const posts = addresses.flatMap((email, i) =>
          [a, b].map((server, j) => {
            const n = 2 * i + j;
            return post(server, { email, list: 'klyngenytt', consent: 'yes', locale: 'nb' }, { from: `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`, agent });
          }),
        );
        const answers = await Promise.all(posts);
        agent.destroy();
        assert.deepEqual(answers.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.text}`), []);
        const rows = (await a.handler.store.all()).filter((r) => r.email.startsWith('load'));
        assert.equal(rows.length, 500);
        assert.deepEqual(new Set(rows.map((r) => r.email)), new Set(addresses));
        assert.equal((await outboxFor(b, 'load')).length, 500, 'one mail queued per address');
        await smtp.until(() => addresses.every((email) => mailsTo(smtp, email).length), '500 mails', 90_000);
        await eventually(async () => (await outboxFor(a, 'load')).every((m) => m.sent_at), 'every mail marked sent');
        await sleep(3 * FAST.pollMs);
        const twice = addresses.filter((email) => mailsTo(smtp, email).length !== 1);
        assert.deepEqual(twice, [], 'exactly one mail per address');
      });

      it('holds the per-IP limit (60 a minute) across both instances', async () => {
        const from = '127.2.0.1';
        const answers = await Promise.all(
          Array.from({ length: 70 }, (_, i) => post(i % 2 ? a : b, { email: `ip-${i}@example.no`, list: 'morgenbrevet' }, { from })),
        );
        const count = (status) => answers.filter((r) => r.status === status).length;
        assert.deepEqual({ ok: count(200), limited: count(429) }, { ok: 60, limited: 10 });
        assert.ok(answers.filter((r) => r.status === 429).every((r) => Number(r.headers['retry-after']) > 0));
        const limitedOn = new Set(answers.map((r, i) => (r.status === 429 ? i % 2 : undefined)).filter((x) => x !== undefined));
        assert.ok(limitedOn.size >= 1);
      });
    });

    for (const moment of ['after the SMTP server took a mail, before it was marked sent', 'while it was handing a mail over']) {
      const afterHandover = moment.startsWith('after');
      test(`loses no mail when a sender is killed (SIGKILL) ${moment}${afterHandover ? '; that one mail goes again with its Message-ID' : ', and sends none twice'}`, async () => {
        const db = await database();
        const prefix = afterHandover ? 'killed-after' : 'killed-during';
        // Queued by an instance that sends nothing itself (no SMTP server set).
        const queuer = await instance(db, ports.http[0], { smtpUrl: undefined });
        const addresses = Array.from({ length: 12 }, (_, i) => `${prefix}${i}@example.no`);
        for (const email of addresses) assert.equal((await post(queuer, { email, list: 'morgenbrevet' })).status, 200);
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/signups/drain-child.mjs', db, smtp.url, afterHandover ? 'hang-before-marking' : 'plain'], {
          cwd: root,
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal)));
        let inFlight;
        let taken = 0;
        if (afterHandover) {
          child.on('message', (message) => {
            if (message.handedOver) {
              inFlight = message.handedOver;
              child.kill('SIGKILL');
            }
          });
        } else {
          hooks.beforeAccept = async (mail) => {
            if (!mail.envelope.rcptTo[0].address.startsWith(prefix) || ++taken !== 5) return true;
            inFlight = mail.messageId;
            child.kill('SIGKILL');
            await exited;
            return false; // the client died before the server's 250: the server has not taken the message
          };
        }
        assert.equal(await exited, 'SIGKILL');
        delete hooks.beforeAccept;
        assert.ok(inFlight, 'killed with a mail in flight');
        const before = addresses.flatMap((email) => mailsTo(smtp, email)).length;
        assert.ok(before >= 4 && before < 12, `killed mid-drain (${before} of 12 taken)`);

        // Another instance drains the rest; the mail the dead sender had claimed is free again once its claim runs out.
        const recovery = await instance(db, ports.http[1]);
        await eventually(async () => (await outboxFor(recovery, prefix)).every((m) => m.sent_at), 'every mail marked sent');
        await sleep(3 * FAST.pollMs);
        const outbox = await outboxFor(recovery, prefix);
        const ids = outbox.map((m) => m.message_id);
        const delivered = addresses.flatMap((email) => mailsTo(smtp, email));
        assert.deepEqual(new Set(delivered.map((m) => m.messageId)), new Set(ids), 'every mail arrived, with its stored Message-ID');
        for (const email of addresses) {
          const got = mailsTo(smtp, email);
          const expected = afterHandover && outbox.find((m) => m.to_address === email).id === inFlight ? 2 : 1;
          assert.equal(got.length, expected, `${email}: ${got.length} deliveries`);
          assert.equal(new Set(got.map((m) => m.messageId)).size, 1, 'one Message-ID per reader');
        }
        assert.equal(delivered.length, afterHandover ? 13 : 12);
      });
    }

    test('exports everything about one address and erases it with its tokens and mails (fjord-signups export, erase)', async () => {
      const db = await database();
      const server = await instance(db, ports.http[0], { smtpUrl: undefined });
      await post(server, { email: 'Erase.Me@example.no', list: 'klyngenytt', consent: 'yes', name: 'Eva' });
      await post(server, { email: 'erase.me@example.no', list: 'morgenbrevet' });
      await post(server, { email: 'keep@example.no', list: 'morgenbrevet' });
      await stopAll();
      // The bin's commands, run in this process (tools.test.mjs runs the bin itself).
      const cli = async (...args) => {
        let stdout = '';
        const code = await runCommand([...args, '--db', db], { out: (text) => (stdout += text), line: (text) => (stdout += `${text}\n`), error: (text) => assert.fail(text) });
        assert.equal(code, 0);
        return { stdout };
      };

      const exported = JSON.parse((await cli('export', 'erase.me@EXAMPLE.no')).stdout);
      assert.deepEqual(exported.signups.map((r) => [r.email, r.list, r.name]), [['Erase.Me@example.no', 'klyngenytt', 'Eva'], ['erase.me@example.no', 'morgenbrevet', null]]);
      assert.equal(exported.tokens.length, 4);
      assert.ok(exported.tokens.every((t) => !('hash' in t)), 'token dates, not the tokens');
      assert.equal(exported.mails.length, 2);
      assert.deepEqual(exported.erasures, []);

      const erased = await cli('erase', 'ERASE.ME@example.no');
      assert.match(erased.stdout, /Erased ERASE\.ME@example\.no: 2 signup\(s\), 4 token\(s\), 2 mail\(s\)\./);
      const after = JSON.parse((await cli('export', 'erase.me@example.no')).stdout);
      assert.deepEqual([after.signups, after.tokens, after.mails], [[], [], []]);
      assert.equal(after.erasures.length, 1);
      assert.deepEqual(Object.keys(after.erasures[0]).sort(), ['erased_at', 'mails', 'signups']);

      const list = (await cli('list', '--csv')).stdout;
      assert.doesNotMatch(list, /erase\.me/i);
      assert.match(list, /keep@example\.no/);
      const outbox = (await cli('list', '--outbox')).stdout;
      assert.doesNotMatch(outbox, /erase\.me/i, 'no queued mail left for the address');
    });
  });
}
