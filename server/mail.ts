import { randomUUID } from 'node:crypto';
import type { Locale } from '../src/shared/locale.js';
import type { Mail, OutboxRow, SignupStore } from './db.js';
import { peer } from './drivers.js';
import { t } from './i18n.js';
import type { EventLog } from './log.js';
import type { MailOutcome } from './metrics.js';
import { html } from './pages.js';

/**
 * The confirmation mail, in the reader's language: the same paragraphs as plain text and as HTML. Nothing the
 * signup form took as free text goes in, since anyone can type someone else's address.
 */
export function composeMail(input: {
  locale: Locale;
  list: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  hours: number;
  /** The domain the `Message-ID` is made in (the sender's). */
  domain: string;
}): Mail {
  const text = t(input.locale);
  const m = text.mail(input.list, input.hours);
  const subject = text.mailSubject(input.list);
  return {
    subject,
    text: `${m.greeting}\n\n${m.ask}\n${input.confirmUrl}\n\n${m.note}\n\n${m.unsubscribe}\n${input.unsubscribeUrl}\n`,
    html: html`<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body>
<p>${m.greeting}</p>
<p>${m.ask}</p>
<p><a href="${input.confirmUrl}">${m.button}</a></p>
<p>${m.note}</p>
<p>${m.unsubscribe} <a href="${input.unsubscribeUrl}">${m.unsubscribeLink}</a></p>
</body>
</html>
`.value,
    unsubscribeUrl: input.unsubscribeUrl,
    messageId: `<${randomUUID()}@${input.domain}>`,
  };
}

/** The part of a nodemailer transport the sender uses. */
export interface Transport {
  sendMail(message: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

/** A pooled nodemailer SMTP transport for `smtp://` / `smtps://` URLs, with timeouts that fit a claim's lease. */
export function smtpTransport(url: string): Transport {
  const nodemailer = peer<typeof import('nodemailer')>('nodemailer', 'Sending mail (FJORD_SMTP_URL)');
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]) as unknown as Transport;
}

export interface SenderSettings {
  from: string;
  store: SignupStore;
  transport: Transport;
  log: EventLog;
  /** Counts each attempt's outcome (the metrics). */
  count?: (outcome: MailOutcome) => void;
  now: () => number;
  /** A mail older than this (its confirmation link has expired) is not sent any more. */
  maxAgeMs: number;
  retryMs: number;
  maxRetryMs: number;
  pollMs: number;
  leaseMs: number;
  batch: number;
}

/**
 * Sends the outbox over SMTP. Each mail is claimed in the database before it is sent, so two senders (two
 * instances, or two processes on one SQLite file) never send it both, and marked sent as soon as the SMTP server
 * has taken it, each mail on its own. A claim lasts `leaseMs` and is renewed every third of that while its batch is
 * being sent, so a sender that dies holds its mails for at most `leaseMs`. A temporary failure (the server is
 * away, or answers 4xx) is tried again later, each wait twice the last; a permanent one (5xx) is recorded with the
 * server's answer and not tried again.
 *
 * At least once: a sender that dies after the SMTP server took a mail but before marking it sent leaves a claim
 * that runs out after `leaseMs`, and the mail is sent again, with the same `Message-ID`. That window is the time
 * from the server's answer to the database's commit (BENCHMARKS.md, "Signup service", measures it).
 */
export class OutboxSender {
  readonly claim = randomUUID();
  #s: SenderSettings;
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  #again = false;
  #stopped = false;

  constructor(settings: SenderSettings) {
    this.#s = settings;
  }

  /** Starts looking at the outbox every `pollMs`, and at once. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Looks at the outbox soon: a mail was just queued. */
  wake(): void {
    if (!this.#stopped) this.#schedule(0);
  }

  /** Sends everything that is due now; resolves when the outbox has nothing due left. */
  drain(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          while (!this.#stopped) {
            const { store, leaseMs } = this.#s;
            const mails = await store.claimMails(this.claim, this.#s.batch, leaseMs);
            if (!mails.length) break;
            const renew = setInterval(() => {
              store.renewClaims(this.claim, leaseMs).catch((error: unknown) => this.#s.log('claims-not-renewed', `Renewing this sender's claims failed: ${describe(error)}`, {}, 'warn'));
            }, leaseMs / 3);
            try {
              await Promise.all(mails.map((mail) => this.#send(mail)));
            } finally {
              clearInterval(renew);
            }
          }
        } while (this.#again && !this.#stopped);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** Stops looking, lets the mails being sent finish, and closes the SMTP connections. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
    this.#s.transport.close();
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.drain()
        .catch((error: unknown) =>
          this.#s.log('outbox-failed', `Sending the outbox failed, trying again in ${Math.round(this.#s.pollMs / 1000)} s: ${describe(error)}`, {}, 'error'),
        )
        .finally(() => {
          if (!this.#stopped) this.#schedule(this.#s.pollMs);
        });
    }, ms);
    this.#timer.unref();
  }

  async #send(mail: OutboxRow): Promise<void> {
    const { store, now } = this.#s;
    // A claim with little time left (sending its batch took long) is given back rather than risk a second sender
    // taking the mail over while this one is still handing it over.
    if (Date.parse(mail.claimed_until!) - now() < this.#s.leaseMs / 4) {
      await store.release(mail.id, this.claim);
      return;
    }
    if (Date.parse(mail.created_at) + this.#s.maxAgeMs <= now()) {
      await store.markFailed(mail.id, this.claim, 'not sent: its confirmation link expired before the SMTP server took it');
      return;
    }
    try {
      await this.#s.transport.sendMail({
        from: this.#s.from,
        // An address object, not a string: nodemailer parses a string as an address list with display names.
        to: { name: '', address: mail.to_address },
        subject: mail.subject,
        text: mail.body,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.message_id ?? undefined,
        date: new Date(mail.created_at),
        headers: mail.unsubscribe_url
          ? { 'List-Unsubscribe': `<${mail.unsubscribe_url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {},
      });
    } catch (error) {
      const why = describe(error);
      const fields = { mail: mail.id, to: mask(mail.to_address), attempt: mail.attempts, error: why };
      if (isPermanent(error)) {
        await store.markFailed(mail.id, this.claim, why);
        this.#s.count?.('failed');
        this.#s.log('mail-failed', `Mail #${mail.id} to ${mask(mail.to_address)} was refused for good: ${why}`, fields, 'warn');
      } else {
        const wait = Math.min(this.#s.maxRetryMs, this.#s.retryMs * 2 ** (mail.attempts - 1)) * (0.8 + Math.random() * 0.4);
        await store.retryLater(mail.id, this.claim, now() + wait, why);
        this.#s.count?.('retrying');
        this.#s.log('mail-retrying', `Mail #${mail.id} to ${mask(mail.to_address)} not sent (attempt ${mail.attempts}), trying again in ${Math.ceil(wait / 1000)} s: ${why}`, { ...fields, retryInMs: Math.round(wait) }, 'warn');
      }
      return;
    }
    const marked = await store.markSent(mail.id, this.claim);
    this.#s.count?.('sent');
    if (marked) this.#s.log('mail-sent', `Mail #${mail.id} to ${mask(mail.to_address)} sent.`, { mail: mail.id, to: mask(mail.to_address), attempt: mail.attempts });
    else this.#s.log('claim-lost', `Mail #${mail.id} was sent, but its claim had run out meanwhile (sending took longer than leaseMs).`, { mail: mail.id }, 'warn');
  }
}

/**
 * A permanent failure is an SMTP answer in the 5xx range about this mail (say, an unknown mailbox). A refused
 * login is the site's configuration, not the mail's, and is tried again like a server that is away.
 */
function isPermanent(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.code !== 'EAUTH';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { response?: string; code?: string };
  return (e.response ?? e.message).replace(/\s+/g, ' ').slice(0, 500) + (e.code ? ` (${e.code})` : '');
}

/** `ola.nordmann@example.com` → `o…@example.com`: enough to tell mails apart in a log, not enough to collect addresses. */
export function mask(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
