import { domainToASCII } from 'node:url';
import { EMAIL } from '../src/shared/email.js';

/**
 * What the service makes of a typed address: the address it stores and mails (`address`), and the key every
 * spelling of the same mailbox shares (`key`), on which the duplicate check, both rate limits, `export` and
 * `erase` work.
 *
 * - The domain goes through UTS #46 (IDNA) mapping, the one mail software applies: the ideographic and full-width
 *   dots (U+3002, U+FF0E, U+FF61) become `.`, case and Unicode compatibility forms fold (`ｍａｉｌ` is `mail`),
 *   characters UTS #46 ignores (U+00AD, U+200B) go, and the result is written as its A-label
 *   (`blåbær.no` → `xn--blbr-roah.no`). A domain that cannot map, or whose A-label is not letters, digits and
 *   hyphens in labels of 1–63 (a host name), is refused.
 * - The local part (before the last `@`) is put in Unicode NFC and refused when it holds control, format or
 *   invisible characters (categories Cc, Cf, Zl, Zp, which include the bidi controls, and the default-ignorable
 *   code points) or is longer than 64 octets (RFC 5321).
 * - Case: the stored and mailed address keeps the local part's case as typed, since RFC 5321 leaves its meaning
 *   to the receiving server; the key folds it, since in practice mailboxes are case-insensitive and one reader
 *   typing `Kari@` and `kari@` must not get two rows, two mails and two rate-limit budgets.
 */
export interface Mailbox {
  address: string;
  key: string;
}

export type AddressProblem = 'email-missing' | 'email-invalid' | 'email-too-long' | 'email-local-too-long';

/** The longest address accepted, in octets (RFC 5321's path limit less the brackets). */
export const EMAIL_MAX_OCTETS = 254;
/** The longest local part, in octets (RFC 5321). */
export const LOCAL_MAX_OCTETS = 64;

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
// What a domain may hold before mapping: ASCII letters, digits, hyphens and dots, or anything outside ASCII (for
// UTS #46 to map or refuse). Node's mapping would also percent-decode and cut at `/`, which mail software does not.
const DOMAIN_INPUT = /^[A-Za-z0-9.\-\u0080-\u{10FFFF}]+$/u;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const octets = (text: string) => Buffer.byteLength(text, 'utf8');

/** The mailbox a typed address names, or why it is refused. Spaces, tabs and line breaks around it are dropped, as a browser's email field does. */
export function parseMailbox(input: string): { ok: true; value: Mailbox } | { ok: false; reason: AddressProblem } {
  const typed = input.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (!typed) return { ok: false, reason: 'email-missing' };
  const at = typed.lastIndexOf('@');
  if (at < 1) return { ok: false, reason: 'email-invalid' };
  const local = typed.slice(0, at).normalize('NFC');
  const domain = aLabel(typed.slice(at + 1));
  if (INVISIBLE.test(local)) return { ok: false, reason: 'email-invalid' };
  if (octets(local) > LOCAL_MAX_OCTETS) return { ok: false, reason: 'email-local-too-long' };
  if (domain === undefined) return { ok: false, reason: octets(typed) > EMAIL_MAX_OCTETS ? 'email-too-long' : 'email-invalid' };
  const address = `${local}@${domain}`;
  if (octets(address) > EMAIL_MAX_OCTETS) return { ok: false, reason: 'email-too-long' };
  if (!EMAIL.test(address)) return { ok: false, reason: 'email-invalid' };
  return { ok: true, value: { address, key: `${local.toLowerCase().normalize('NFC')}@${domain}` } };
}

/** The domain as its A-label after UTS #46 mapping, or `undefined` when it cannot be one. */
function aLabel(domain: string): string | undefined {
  if (!DOMAIN_INPUT.test(domain)) return undefined;
  const mapped = domainToASCII(domain);
  const labels = mapped.split('.');
  if (!mapped || mapped.length > 253 || labels.length < 2 || /^\d+$/.test(labels.at(-1)!)) return undefined;
  return labels.every((label) => LABEL.test(label)) ? mapped : undefined;
}

/**
 * The key to look an address up by (`export`, `erase`): the mailbox's key when the text is an address the service
 * takes, else the text trimmed and lower-cased, the key rows stored before keys were mapped kept when their
 * address could not be.
 */
export function lookupKey(input: string): string {
  const parsed = parseMailbox(input);
  return parsed.ok ? parsed.value.key : input.trim().toLowerCase();
}
