import type { Locale } from '../src/shared/locale.js';
import { parseMailbox } from './address.js';
import type { NewsletterList } from './config.js';
import type { Reason } from './i18n.js';

/**
 * The fields the widget's contract names. Any other field of the page's own form is stored verbatim in `extra`
 * (JSON: each name as sent, `__proto__` and `constructor` included, a repeated field as a list of its values).
 */
const KNOWN_FIELDS = ['email', 'name', 'list', 'consent', 'consent_text', 'locale', 'source'];
/** More fields than this, known and unknown together, and the form is refused. */
export const MAX_FIELDS = 100;
const MAX_LENGTH: Record<string, number> = { name: 200, consent_text: 2000, source: 2048 };
const YES = new Set(['true', 'on', '1', 'yes', 'ja']);

/** A signup that passed validation. */
export interface SignupRequest {
  /** The address as stored and mailed: NFC local part as typed, domain as its A-label. */
  email: string;
  /** The key every spelling of this mailbox shares (see address.ts). */
  key: string;
  list: string;
  name: string | null;
  consent: boolean;
  consentText: string | null;
  locale: Locale;
  source: string | null;
  extra: Record<string, unknown> | null;
}

export type Validation = { ok: true; value: SignupRequest } | { ok: false; field: string; reason: Reason };

/** A text field's value: a string as given, `''` when absent, `undefined` when it is not text (an object in JSON). */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Checks a posted form against the contract and the configured lists. The first problem wins, in the order a
 * reader meets the fields: address, list, consent, then the rest. Values are kept as sent, the address as the
 * mailbox it names (address.ts). `fields` is a Map, so that no field name can reach an object's prototype.
 */
export function validateSignup(
  fields: ReadonlyMap<string, unknown>,
  lists: Record<string, NewsletterList>,
  locale: Locale,
  fallbackSource: string | null,
): Validation {
  if (fields.size > MAX_FIELDS) return { ok: false, field: '', reason: 'too-many-fields' };
  const values: Record<string, string> = Object.create(null);
  for (const field of KNOWN_FIELDS) {
    const value = text(fields.get(field));
    if (value === undefined) return { ok: false, field, reason: field === 'email' ? 'email-invalid' : 'field-invalid' };
    values[field] = value;
  }
  const mailbox = parseMailbox(values.email);
  if (!mailbox.ok) return { ok: false, field: 'email', reason: mailbox.reason };
  const list = values.list.trim();
  if (!Object.hasOwn(lists, list)) return { ok: false, field: 'list', reason: 'list-unknown' };
  const consent = fields.get('consent') === true || YES.has(values.consent.trim().toLowerCase());
  if (lists[list].consentRequired && !consent) return { ok: false, field: 'consent', reason: 'consent-missing' };
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    if (values[field].length > max) return { ok: false, field, reason: field === 'name' ? 'name-too-long' : 'field-too-long' };
  }
  const extra = Object.fromEntries([...fields].filter(([key]) => !KNOWN_FIELDS.includes(key)));
  const consentText = consent ? values.consent_text || lists[list].consentText?.[locale] || null : null;
  return {
    ok: true,
    value: {
      email: mailbox.value.address,
      key: mailbox.value.key,
      list,
      name: values.name.trim() || null,
      consent,
      consentText,
      locale,
      source: values.source || fallbackSource,
      extra: Object.keys(extra).length ? extra : null,
    },
  };
}
