import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../src/shared/locale.js';

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
  /** SQLite file. Default: `FJORD_SIGNUPS_DB`, else `.data/signups.sqlite` (relative to the working directory). */
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
  /** Attempts allowed per client IP and per address within `windowMs`. Default 5 and 5 a minute. */
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
  /** The client's IP for rate limits and the stored hash. Default: the socket's peer address (behind a proxy, read your proxy's header here). */
  clientIp?: (req: IncomingMessage) => string;
  /** Where log lines go (the confirmation links among them). Default `console.log`. */
  log?: (line: string) => void;
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
}

const HOUR = 3_600_000;

export function resolveSettings(options: SignupOptions = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const publicUrl = options.publicUrl ?? env.FJORD_PUBLIC_URL;
  return {
    database: options.database ?? (env.FJORD_SIGNUPS_DB || '.data/signups.sqlite'),
    lists: options.lists ?? DEFAULT_LISTS,
    basePath: (options.basePath ?? '/api/newsletter').replace(/\/+$/, ''),
    publicUrl: typeof publicUrl === 'function' ? publicUrl : () => publicUrl,
    ipSalt: options.ipSalt ?? (env.FJORD_SIGNUPS_SALT || undefined),
    perIp: options.rateLimit?.perIp ?? 5,
    perAddress: options.rateLimit?.perAddress ?? 5,
    windowMs: options.rateLimit?.windowMs ?? 60_000,
    confirmTtlMs: options.confirmTtlMs ?? 48 * HOUR,
    unsubscribeTtlMs: options.unsubscribeTtlMs ?? 365 * 24 * HOUR,
    resendAfterMs: options.resendAfterMs ?? HOUR / 6,
    maxBodyBytes: options.maxBodyBytes ?? 8 * 1024,
    defaultLocale: options.defaultLocale ?? 'nb',
    now: options.now ?? Date.now,
    clientIp: options.clientIp ?? ((req) => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')),
    log: options.log ?? ((line) => console.log(line)),
  };
}
