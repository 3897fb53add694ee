// A sender in a process of its own, for the tests that kill one mid-drain:
//   node --import tsx test/signups/drain-child.mjs DATABASE SMTP_URL MODE
// MODE `hang-before-marking`: after four mails, the fifth is handed to the SMTP server and then, before it is
// marked sent, the process tells its parent ({ handedOver: id }) and waits to be killed. MODE `plain`: just drains.
import { SignupStore } from '../../server/db.ts';
import { OutboxSender, smtpTransport } from '../../server/mail.ts';

const [database, smtpUrl, mode] = process.argv.slice(2);
const HOUR = 3_600_000;
const store = await SignupStore.open(database, {
  now: Date.now,
  confirmTtlMs: 48 * HOUR,
  unsubscribeTtlMs: HOUR,
  resendAfterMs: HOUR,
  poolSize: 2,
  compose: () => {
    throw new Error('this process queues no mail');
  },
});
if (mode === 'hang-before-marking') {
  const markSent = store.markSent.bind(store);
  let marked = 0;
  store.markSent = async (id, claim) => {
    if (++marked === 5) {
      process.send({ handedOver: id });
      await new Promise(() => {});
    }
    return markSent(id, claim);
  };
}
const sender = new OutboxSender({
  from: 'Fjordavisa <nyhetsbrev@fjordavisa.example>',
  store,
  transport: smtpTransport(smtpUrl),
  log: () => {},
  now: Date.now,
  maxAgeMs: 48 * HOUR,
  retryMs: 100,
  maxRetryMs: 500,
  pollMs: 100,
  leaseMs: 2_000,
  batch: 1,
});
sender.start();
// Kept alive until killed: the sender's timer does not hold the process open by itself.
setInterval(() => {}, 60_000);
