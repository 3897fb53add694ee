import type { IncomingMessage } from 'node:http';
import type { Locale } from '../src/shared/locale.js';
import { stdoutLines } from './log.js';

/** A newsletter a reader can sign up to. */
export interface NewsletterList {
  /** Its name in each language, as mails and pages show it. */
  title: Record<Locale, string>;
  /** Whether a signup needs the reader's consent (the `consent` field). */
  consentRequired: boolean;
  /**
   * The consent sentence stored when a form gives consent without sending `consent_text`
   * (a plain form post sends only the checkbox, not its label).
   */
  consentText?: Record<Locale, string>;
}

/** The demo's lists: Klyngenytt asks for consent, Morgenbrevet does not. */
export const DEFAULT_LISTS: Record<string, NewsletterList> = {
  klyngenytt: {
    title: { nb: 'Klyngenytt', nn: 'Klyngenytt', en: 'Klyngenytt (cluster news)' },
    consentRequired: true,
    consentText: {
      nb: 'Jeg samtykker i at e-postadressen min lagres for å sende meg Klyngenytt.',
      nn: 'Eg samtykkjer i at e-postadressa mi blir lagra for å sende meg Klyngenytt.',
      en: 'I agree that my email address is stored to send me Klyngenytt.',
    },
  },
  morgenbrevet: {
    title: { nb: 'Morgenbrevet', nn: 'Morgonbrevet', en: 'The Morning Letter' },
    consentRequired: false,
  },
};

/** How the signup endpoint is set up. Every option has a default; tests use them as seams. */
export interface SignupOptions {
  /**
   * Where signups are stored: an SQLite file path, or a `postgres://` URL for a PostgreSQL database that several
   * instances share. Default: `FJORD_SIGNUPS_DATABASE`, else `.data/signups.sqlite` (relative to the working directory).
   */
  database?: string;
  /** The lists readers may sign up to, by the `list` value a form sends. Default: {@link DEFAULT_LISTS}. */
  lists?: Record<string, NewsletterList>;
  /** Where the endpoint lives. Default `/api/newsletter`. */
  basePath?: string;
  /**
   * Origin that links in mails point to, e.g. `https://example.com`. Default: `FJORD_PUBLIC_URL`; the standalone
   * server and the Vite plugin fall back to their own address. Never taken from the request's Host header.
   */
  publicUrl?: string | (() => string | undefined);
  /** Salt for hashing client IPs. Default: `FJORD_SIGNUPS_SALT`, else one generated once and kept in the database. */
  ipSalt?: string;
  /**
   * Attempts allowed per client IP and per address within `windowMs`, counted in the database so that every
   * instance sees them. Default 60 per IP (an office, a school or a mobile carrier puts many readers behind one
   * address) and 5 per address, a minute.
   */
  rateLimit?: { perIp?: number; perAddress?: number; windowMs?: number };
  /** How long a confirmation link works. Default 48 hours. */
  confirmTtlMs?: number;
  /** How long an unsubscribe link works. Default 365 days. */
  unsubscribeTtlMs?: number;
  /** A pending address signing up again gets a new mail only when the last one is older than this. Default 10 minutes. */
  resendAfterMs?: number;
  /** Largest request body accepted. Default 8 KB. */
  maxBodyBytes?: number;
  /** Language when neither the form's `locale` nor `Accept-Language` says one. Default `nb`. */
  defaultLocale?: Locale;
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /**
   * How many proxies in front of the endpoint append to `X-Forwarded-For`: with 1 (one load balancer or reverse
   * proxy), the client is the address that proxy added, and whatever a client wrote into the header itself is
   * ignored. Default: `FJORD_TRUST_PROXY`, else 0 (the socket's peer address).
   */
  trustProxy?: number;
  /** The client's IP for rate limits and the stored hash, for any other header. Overrides `trustProxy`. */
  clientIp?: (req: IncomingMessage) => string;
  /** Where log lines (one JSON object each) go. Default: standard output, the lines of one event-loop turn in one write. */
  log?: (line: string) => void;
  /**
   * The SMTP server that sends the mails, e.g. `smtp://user:pass@smtp.example.com:587` (STARTTLS when offered) or
   * `smtps://…:465`. Default: `FJORD_SMTP_URL`. Without one, mails are written to the log instead.
   */
  smtpUrl?: string;
  /** The `From` of every mail, e.g. `Avisa <nyhetsbrev@avisa.no>`. Default: `FJORD_MAIL_FROM`, else `no-reply@` the public URL's host. */
  mailFrom?: string;
  /** How the outbox is sent. */
  sender?: SenderOptions;
  /** PostgreSQL connections per instance. Default 10. */
  poolSize?: number;
  /**
   * Turns on `GET /metrics` (Prometheus' text format, through the optional peer prom-client), for a scraper that
   * sends `Authorization: Bearer <this token>`. Default: `FJORD_METRICS_TOKEN`; unset, `/metrics` answers 404.
   */
  metricsToken?: string;
}

/** How the outbox sender retries. The defaults suit a reader waiting for a confirmation mail. */
export interface SenderOptions {
  /** The first wait after a temporary failure; each next one is twice as long. Default 10 s. */
  retryMs?: number;
  /** The longest wait between attempts. Default 10 minutes. */
  maxRetryMs?: number;
  /** How often the outbox is looked at for mails queued by other instances and retries that are due. Default 5 s. */
  pollMs?: number;
  /** How long a claim on a mail holds, renewed every third of it while the mail is being sent; a sender that dies holding one lets it go after this. Default 15 s. */
  leaseMs?: number;
  /** Mails claimed and sent at a time. Default 10. */
  batch?: number;
}

/** The options with every default filled in. */
export interface Settings {
  database: string;
  lists: Record<string, NewsletterList>;
  basePath: string;
  publicUrl: () => string | undefined;
  ipSalt?: string;
  perIp: number;
  perAddress: number;
  windowMs: number;
  confirmTtlMs: number;
  unsubscribeTtlMs: number;
  resendAfterMs: number;
  maxBodyBytes: number;
  defaultLocale: Locale;
  now: () => number;
  clientIp: (req: IncomingMessage) => string;
  log: (line: string) => void;
  smtpUrl?: string;
  mailFrom?: string;
  sender: Required<SenderOptions>;
  poolSize: number;
  metricsToken?: string;
}

const HOUR = 3_600_000;

export function resolveSettings(options: SignupOptions = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const publicUrl = options.publicUrl ?? env.FJORD_PUBLIC_URL;
  const hops = options.trustProxy ?? Number(env.FJORD_TRUST_PROXY || 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`trustProxy (FJORD_TRUST_PROXY) must be a whole number of proxies, not ${env.FJORD_TRUST_PROXY ?? hops}.`);
  return {
    database: options.database ?? (env.FJORD_SIGNUPS_DATABASE || '.data/signups.sqlite'),
    lists: options.lists ?? DEFAULT_LISTS,
    basePath: (options.basePath ?? '/api/newsletter').replace(/\/+$/, ''),
    publicUrl: typeof publicUrl === 'function' ? publicUrl : () => publicUrl,
    ipSalt: options.ipSalt ?? (env.FJORD_SIGNUPS_SALT || undefined),
    perIp: options.rateLimit?.perIp ?? 60,
    perAddress: options.rateLimit?.perAddress ?? 5,
    windowMs: options.rateLimit?.windowMs ?? 60_000,
    confirmTtlMs: options.confirmTtlMs ?? 48 * HOUR,
    unsubscribeTtlMs: options.unsubscribeTtlMs ?? 365 * 24 * HOUR,
    resendAfterMs: options.resendAfterMs ?? HOUR / 6,
    maxBodyBytes: options.maxBodyBytes ?? 8 * 1024,
    defaultLocale: options.defaultLocale ?? 'nb',
    now: options.now ?? Date.now,
    clientIp: options.clientIp ?? forwardedFor(hops),
    log: options.log ?? stdoutLines(),
    smtpUrl: options.smtpUrl ?? (env.FJORD_SMTP_URL || undefined),
    mailFrom: options.mailFrom ?? (env.FJORD_MAIL_FROM || undefined),
    sender: {
      retryMs: options.sender?.retryMs ?? 10_000,
      maxRetryMs: options.sender?.maxRetryMs ?? 10 * 60_000,
      pollMs: options.sender?.pollMs ?? 5_000,
      leaseMs: options.sender?.leaseMs ?? 15_000,
      batch: options.sender?.batch ?? 10,
    },
    poolSize: options.poolSize ?? 10,
    metricsToken: options.metricsToken ?? (env.FJORD_METRICS_TOKEN || undefined),
  };
}

/**
 * The client address behind `hops` proxies: each proxy appends the address it was connected from to
 * `X-Forwarded-For`, so the client is the entry `hops` places from the socket's end; entries further left are the
 * client's own say and are not trusted.
 */
export function forwardedFor(hops: number): (req: IncomingMessage) => string {
  return (req) => {
    const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (!hops) return peer;
    const header = req.headers['x-forwarded-for'];
    const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
    const addresses = [...chain, peer];
    return (addresses[addresses.length - 1 - hops] ?? addresses[0]).replace(/^::ffff:/, '');
  };
}
