import { EMAIL } from '../src/shared/email.js';
import type { Locale } from '../src/shared/locale.js';
import type { NewsletterList } from './config.js';
import type { Reason } from './i18n.js';

/** The longest address accepted (RFC 5321's path limit less the brackets). */
export const EMAIL_MAX_LENGTH = 254;

// Control characters, which no one can type into the widget's field, are refused on top of the shared rule.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why an address is refused, or `undefined` when it is fine. Expects the trimmed value. */
export function emailProblem(email: string): 'email-missing' | 'email-invalid' | 'email-too-long' | undefined {
  if (!email) return 'email-missing';
  if (email.length > EMAIL_MAX_LENGTH) return 'email-too-long';
  return EMAIL.test(email) && !CONTROL.test(email) ? undefined : 'email-invalid';
}

/** The fields the widget's contract names; any other field of the page's own form is kept as `extra`. */
const KNOWN_FIELDS = ['email', 'name', 'list', 'consent', 'consent_text', 'locale', 'source'];
const MAX_LENGTH: Record<string, number> = { name: 200, consent_text: 2000, source: 2048 };
const YES = new Set(['true', 'on', '1', 'yes', 'ja']);

/** A signup that passed validation. */
export interface SignupRequest {
  email: string;
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
 * reader meets the fields: address, list, consent, then the rest. Values are kept as sent (the address trimmed).
 */
export function validateSignup(
  fields: Record<string, unknown>,
  lists: Record<string, NewsletterList>,
  locale: Locale,
  fallbackSource: string | null,
): Validation {
  const values: Record<string, string> = {};
  for (const field of KNOWN_FIELDS) {
    const value = text(fields[field]);
    if (value === undefined) return { ok: false, field, reason: field === 'email' ? 'email-invalid' : 'field-invalid' };
    values[field] = value;
  }
  const email = values.email.trim();
  const problem = emailProblem(email);
  if (problem) return { ok: false, field: 'email', reason: problem };
  const list = values.list.trim();
  if (!Object.hasOwn(lists, list)) return { ok: false, field: 'list', reason: 'list-unknown' };
  const consent = fields.consent === true || YES.has(values.consent.trim().toLowerCase());
  if (lists[list].consentRequired && !consent) return { ok: false, field: 'consent', reason: 'consent-missing' };
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    if (values[field].length > max) return { ok: false, field, reason: field === 'name' ? 'name-too-long' : 'field-too-long' };
  }
  const extra = Object.fromEntries(Object.entries(fields).filter(([key]) => !KNOWN_FIELDS.includes(key)));
  const consentText = consent ? values.consent_text || lists[list].consentText?.[locale] || null : null;
  return {
    ok: true,
    value: {
      email,
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
