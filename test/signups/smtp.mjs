// A real SMTP server for the tests (npm smtp-server) on a loopback port. Every mail it takes is kept in `mails`, in
// the order taken, with its envelope, Message-ID and the time it was taken (`acceptedAt`, ms); `parse(mail)` reads the rest (mailparser); `stop()` and `start()` take it away and bring it back on the same port (waiting, up to 10 s, while
// another process holds it).
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/**
 * `refuse(address)` → an SMTP reply code for RCPT TO (e.g. 550), or nothing to take it. `beforeAccept(mail)` runs
 * after the whole message has come in and before the server answers 250; resolving to false drops it unanswered,
 * as a server does whose client went away before the end of the transaction.
 */
/** How often, and how far apart, listening on a port in use is tried again. */
export const LISTEN_ATTEMPTS = 40;
export const LISTEN_RETRY_MS = 250;

export async function startSmtp(port, { refuse, beforeAccept, auth } = {}) {
  const mails = [];
  const attempts = [];
  let server;
  const waiters = new Set();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  const make = () =>
    new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: !auth,
      allowInsecureAuth: true,
      closeTimeout: 100,
      onAuth(credentials, _session, callback) {
        if (auth && credentials.username === auth.user && credentials.password === auth.pass) return callback(null, { user: auth.user });
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        attempts.push(address.address);
        notify();
        const code = refuse?.(address.address);
        if (code) return callback(Object.assign(new Error(`${code === 550 ? 'No such mailbox' : 'Try again later'}: ${address.address}`), { responseCode: code }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];
          const mail = { raw, messageId, envelope: session.envelope, user: session.user };
          if (beforeAccept && (await beforeAccept(mail)) === false) return;
          mail.acceptedAt = Date.now();
          mails.push(mail);
          notify();
          callback(null, 'Queued');
        });
      },
    });
  const listenOnce = () =>
    new Promise((resolve, reject) => {
      server = make();
      server.on('error', () => undefined);
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  // The port may have come from the system: between stop() and start(), another process can take it for a while.
  const listen = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await listenOnce();
      } catch (error) {
        if (error.code !== 'EADDRINUSE' || attempt === LISTEN_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, LISTEN_RETRY_MS));
      }
    }
  };
  await listen();
  return {
    url: auth ? `smtp://${auth.user}:${auth.pass}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    mails,
    /** Every RCPT TO the server saw, taken or refused. */
    attempts,
    /** Resolves once `predicate()` holds, checked whenever a mail or an attempt comes in (and every 100 ms). */
    until(predicate, what, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          done();
          resolve();
        };
        const timer = setInterval(check, 100);
        const timeout = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${what} (${mails.length} mails taken)`));
        }, timeoutMs);
        const done = () => {
          clearInterval(timer);
          clearTimeout(timeout);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
    start: listen,
  };
}

/** The whole mail, parsed: subject, addresses, text and HTML parts. */
export const parse = (mail) => simpleParser(mail.raw);

/** The mails taken for one recipient. */
export const mailsTo = (smtp, address) => smtp.mails.filter((m) => m.envelope.rcptTo.some((r) => r.address === address));
