// The test servers themselves: taken away and brought back on the same port, they wait for a port that another
// process holds for a moment (a port from the system may be handed out again meanwhile).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import { freePort } from './helpers.mjs';
import { mailsTo, startSmtp } from './smtp.mjs';

describe('the test SMTP server', () => {
  it('start() after stop() waits while another process holds its port, then listens on it again', async () => {
    const port = await freePort();
    const smtp = await startSmtp(port);
    try {
      await smtp.stop();
      const squatter = createServer();
      await new Promise((resolve, reject) => squatter.once('error', reject).listen(port, '127.0.0.1', resolve));
      const started = smtp.start();
      setTimeout(() => squatter.close(), 600);
      await started;
      const transport = nodemailer.createTransport({ url: smtp.url });
      await transport.sendMail({ from: 'a@example.no', to: 'back@example.no', subject: 'x', text: 'x' });
      transport.close();
      assert.equal(mailsTo(smtp, 'back@example.no').length, 1);
    } finally {
      await smtp.stop();
    }
  });
});
