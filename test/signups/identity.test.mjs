// One mailbox, one subscriber: every spelling of an address (ideographic and full-width dots, domain case, Unicode
// compatibility forms, NFC) is one row, one mail, one rate-limit budget, and what `export` and `erase` find;
// addresses no mail server takes are refused. Through the real HTTP handler and a real SMTP server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LIMITS, freePort, readDatabase, signup, start, tempDatabase } from './helpers.mjs';
import { mailsTo, startSmtp } from './smtp.mjs';
import { runCommand } from '../../server/commands.ts';

const SPELLINGS = [
  'victim@mail.example.no',
  'victim@mail\u3002example\u3002no', // 。 ideographic full stop
  'victim@mail\uff0eexample\uff0eno', // ． full-width full stop
  'victim@mail\uff61example\uff61no', // ｡ half-width ideographic full stop
  'victim@MAIL.Example.NO',
  'victim@\uff4d\uff41\uff49\uff4c.example.no', // ｍａｉｌ in full-width (compatibility) letters
  'victim@mail.example\u200b.no', // U+200B in the domain: UTS #46 ignores it
];

/** Runs a `fjord-signups` command in this process; resolves to what it printed. */
async function cli(db, ...args) {
  let stdout = '';
  const code = await runCommand([...args, '--db', db], { out: (text) => (stdout += text), line: (text) => (stdout += `${text}\n`), error: (text) => assert.fail(text) });
  assert.equal(code, 0);
  return stdout;
}

describe('one mailbox, one subscriber', () => {
  let smtp;
  before(async () => {
    smtp = await startSmtp(await freePort(7160));
  });
  after(() => smtp.stop());

  const server = async (db, options = {}) =>
    start({ database: db.file, smtpUrl: smtp.url, mailFrom: 'nyhetsbrev@fjordavisa.example', sender: { pollMs: 100 }, ...options });

  it('takes seven spellings of one mailbox as one row and one mail, to the A-label', async () => {
    const db = tempDatabase();
    const s = await server(db, { rateLimit: NO_LIMITS });
    try {
      for (const [i, email] of SPELLINGS.entries()) {
        const res = await signup(s, { email, list: 'morgenbrevet' }, { from: `127.3.0.${i + 1}` });
        assert.equal(res.status, 200, `${JSON.stringify(email)}: ${res.text}`);
      }
      const { signups, outbox } = readDatabase(db.file);
      assert.deepEqual(signups.map((r) => [r.email, r.email_key]), [['victim@mail.example.no', 'victim@mail.example.no']]);
      assert.equal(outbox.length, 1, 'one mail queued');
      await smtp.until(() => mailsTo(smtp, 'victim@mail.example.no').length, 'the mail');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(smtp.mails.filter((m) => m.envelope.rcptTo[0].address.startsWith('victim@')).length, 1, 'one mail delivered');
    } finally {
      await s.close();
      db.remove();
    }
  });

  it('counts every spelling against the one 5-a-minute limit of the mailbox', async () => {
    const db = tempDatabase();
    const s = await server(db, { smtpUrl: undefined });
    try {
      const statuses = [];
      for (const [i, email] of SPELLINGS.entries()) statuses.push((await signup(s, { email, list: 'morgenbrevet' }, { from: `127.3.1.${i + 1}` })).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await s.close();
      db.remove();
    }
  });

  it('mails an internationalised domain at its A-label, keeps the local part’s case, and keys NFC and case together', async () => {
    const db = tempDatabase();
    const s = await server(db, { rateLimit: NO_LIMITS });
    try {
      const posted = ['Kari.Nordmann@Blåbær.no', 'kari.nordmann@xn--blbr-roah.no', 'o\u0308la@example.no', '\u00f6la@EXAMPLE.no'];
      for (const email of posted) assert.equal((await signup(s, { email, list: 'morgenbrevet' })).status, 200);
      const { signups } = readDatabase(db.file);
      assert.deepEqual(
        signups.map((r) => [r.email, r.email_key]),
        [
          // The stored address is the latest spelling of a pending signup; the key is the same for both.
          ['kari.nordmann@xn--blbr-roah.no', 'kari.nordmann@xn--blbr-roah.no'],
          ['\u00f6la@example.no', '\u00f6la@example.no'],
        ],
      );
      // smtp-server shows an A-label in Unicode; the envelope went without SMTPUTF8, so it was the A-label on the wire.
      await smtp.until(() => mailsTo(smtp, 'Kari.Nordmann@blåbær.no').length, 'the mail to the A-label');
      const [mail] = mailsTo(smtp, 'Kari.Nordmann@blåbær.no');
      assert.equal(mail.envelope.smtpUtf8, false);
      assert.match(mail.raw, /^To: Kari\.Nordmann@xn--blbr-roah\.no\r?$/m, 'the local part as first typed');
      const first = readDatabase(db.file).outbox[0];
      assert.equal(first.to_address, 'Kari.Nordmann@xn--blbr-roah.no', 'the local part as typed');
    } finally {
      await s.close();
      db.remove();
    }
  });

  it('refuses addresses no mail server takes, with 422 on the email field, and stores nothing', async () => {
    const db = tempDatabase();
    const s = await server(db, { rateLimit: NO_LIMITS, smtpUrl: undefined });
    const tooLong = 'Delen før @ er for lang (høyst 64 tegn).';
    const invalid = 'Skriv inn en gyldig e-postadresse, som navn@eksempel.no.';
    try {
      for (const [email, message] of [
        [`${'a'.repeat(243)}@example.no`, tooLong],
        [`${'a'.repeat(65)}@example.no`, tooLong],
        [`${'\u00f8'.repeat(33)}@example.no`, tooLong], // 66 octets in UTF-8
        ['kari\u0085@example.no', invalid], // NEXT LINE (Cc)
        ['kari\u200b@example.no', invalid], // ZERO WIDTH SPACE (Cf)
        ['kari\u202e@example.no', invalid], // RIGHT-TO-LEFT OVERRIDE (bidi control)
        ['kari\u2066@example.no', invalid], // LEFT-TO-RIGHT ISOLATE (bidi control)
        ['kari\u2028@example.no', invalid], // LINE SEPARATOR (Zl)
        ['kari\u2029@example.no', invalid], // PARAGRAPH SEPARATOR (Zp)
        ['kari\u00ad@example.no', invalid], // SOFT HYPHEN (Cf)
        ['kari@exa\u200dmple.no', invalid], // ZERO WIDTH JOINER: UTS #46 cannot map it here
        ['kari@m%61il.example.no', invalid], // percent-encoding is not a domain
        ['kari@mail_host.example.no', invalid],
        ['kari@-mail.example.no', invalid],
        ['kari@mail..example.no', invalid],
        ['kari@localhost', invalid],
        ['kari@xn--zz.no', invalid], // an A-label that decodes to nothing
      ]) {
        const res = await signup(s, { email, list: 'morgenbrevet' });
        assert.equal(res.status, 422, `${JSON.stringify(email)}: ${res.status} ${res.text}`);
        assert.deepEqual(res.json(), { message, field: 'email' }, JSON.stringify(email));
      }
      assert.equal((await signup(s, { email: `${'a'.repeat(64)}@example.no`, list: 'morgenbrevet' })).status, 200, '64 octets is the limit, not over it');
      assert.equal(readDatabase(db.file).signups.length, 1);
    } finally {
      await s.close();
      db.remove();
    }
  });

  it('exports and erases every spelling, on every list, by the plain address', async () => {
    const db = tempDatabase();
    const s = await server(db, { rateLimit: NO_LIMITS, smtpUrl: undefined });
    try {
      for (const [i, email] of SPELLINGS.entries()) {
        await signup(s, { email, list: i % 2 ? 'klyngenytt' : 'morgenbrevet', consent: 'yes' });
      }
      await signup(s, { email: 'keep@mail.example.no', list: 'morgenbrevet' });
    } finally {
      await s.close();
    }
    try {
      const exported = JSON.parse(await cli(db.file, 'export', 'victim@mail\u3002example\u3002no'));
      assert.deepEqual(exported.signups.map((r) => [r.email, r.list]), [['victim@mail.example.no', 'morgenbrevet'], ['victim@mail.example.no', 'klyngenytt']]);
      assert.match(await cli(db.file, 'erase', 'victim@mail.example.no'), /Erased victim@mail\.example\.no: 2 signup\(s\), 4 token\(s\), 2 mail\(s\)\./);
      const { signups, outbox } = readDatabase(db.file);
      assert.deepEqual(signups.map((r) => r.email), ['keep@mail.example.no']);
      assert.deepEqual(outbox.map((m) => m.to_address), ['keep@mail.example.no']);
      const again = JSON.parse(await cli(db.file, 'export', 'VICTIM@mail\uff0eexample\uff0eno'));
      assert.deepEqual(again.signups, []);
      assert.equal(again.erasures.length, 1, 'the erasure is found by any spelling');
    } finally {
      db.remove();
    }
  });
});
