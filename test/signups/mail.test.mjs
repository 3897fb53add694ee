import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { createSignupHandler } from '../../server/handler.ts';
import { tempDatabase } from './helpers.mjs';

describe('the confirmation mail as handed to nodemailer', () => {
  const db = tempDatabase();
  after(() => db.remove());

  it('goes to the stored address as it is, never to an address nodemailer would read out of it', async () => {
    // nodemailer's stream transport builds the real message and envelope without sending it anywhere.
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const sent = [];
    const transport = {
      async sendMail(message) {
        const info = await stream.sendMail(message);
        sent.push({ envelope: info.envelope, raw: info.message.toString('utf8') });
        return info;
      },
      close: () => stream.close(),
    };
    const handler = createSignupHandler({ database: db.file, publicUrl: 'https://avis.example', transport, log: () => {}, sender: { pollMs: 60_000 } });
    try {
      await handler.ready;
      // Stored by an earlier version whose address rule let these through: a display name, a comment, a list.
      const stored = ['a<victim@example.no>', '(c)victim@example.no', 'x,victim@example.no'];
      for (const email of stored) {
        await handler.store.signup({ email, list: 'morgenbrevet', name: null, consent: false, consentText: null, locale: 'nb', source: null, extra: null, key: email }, '127.0.0.1');
      }
      await handler.sender.drain();
      assert.equal(sent.length, stored.length);
      for (const { envelope, raw } of sent) {
        assert.ok(!envelope.to.includes('victim@example.no'), `RCPT TO ${JSON.stringify(envelope.to)}`);
        const to = /^To: (.*)$/m.exec(raw)[1];
        assert.ok(to.startsWith('<'), `no display name in the To header: ${to}`);
      }
    } finally {
      await handler.close();
    }
  });
});
