import { toLocale, type Locale } from '../src/shared/locale.js';

/** Why a field was refused; each has a message in every language. */
export type Reason =
  | 'email-missing'
  | 'email-invalid'
  | 'email-too-long'
  | 'email-local-too-long'
  | 'too-many-fields'
  | 'list-unknown'
  | 'consent-missing'
  | 'name-too-long'
  | 'field-too-long'
  | 'field-invalid';

/** The outcome a confirm or unsubscribe link leads to. */
export type LinkOutcome = 'confirmed' | 'unsubscribed' | 'confirm-expired' | 'unsubscribe-expired' | 'unknown';

/** What a confirm or unsubscribe link does once its page's button is pressed. */
export type LinkAction = 'confirm' | 'unsubscribe';

interface Strings {
  reasons: Record<Reason, string>;
  success: string;
  tooMany: string;
  unreadable: string;
  tooLarge: string;
  unsupportedType: string;
  methodNotAllowed: string;
  notFound: string;
  serverError: string;
  signupFailedTitle: string;
  signupDoneTitle: string;
  linkTitle: Record<LinkOutcome, string>;
  linkText: (outcome: LinkOutcome, email: string, list: string, hours: number) => string;
  /** The page a link opens: it asks, and only its button (a POST) confirms or unsubscribes, so a mail scanner that fetches links changes nothing. */
  linkAsk: Record<LinkAction, { title: string; /** `list` is '' when the token is unknown. */ text: (list: string) => string; button: string }>;
  mailSubject: (list: string) => string;
  /**
   * The confirmation mail's paragraphs; the text and HTML parts are both made of them. It goes to whatever address
   * was typed, so it carries none of the signup's free text (the name stays in the database only).
   */
  mail: (list: string, hours: number) => MailText;
  formTitle: string;
  formEmail: string;
  formName: string;
  formList: string;
  formConsent: string;
  formSubmit: string;
}

/** The sentences of a confirmation mail, in one language. */
export interface MailText {
  greeting: string;
  /** Asks the reader to confirm; the link follows it. */
  ask: string;
  /** The confirmation link's text in the HTML part. */
  button: string;
  note: string;
  /** Offers the unsubscribe link, which follows it. */
  unsubscribe: string;
  /** The unsubscribe link's text in the HTML part. */
  unsubscribeLink: string;
}

const nb: Strings = {
  reasons: {
    'email-missing': 'Skriv inn e-postadressen din.',
    'email-invalid': 'Skriv inn en gyldig e-postadresse, som navn@eksempel.no.',
    'email-too-long': 'E-postadressen er for lang (høyst 254 tegn).',
    'email-local-too-long': 'Delen før @ er for lang (høyst 64 tegn).',
    'too-many-fields': 'Skjemaet har for mange felt.',
    'list-unknown': 'Vi fant ikke dette nyhetsbrevet.',
    'consent-missing': 'Du må samtykke for å melde deg på.',
    'name-too-long': 'Navnet er for langt (høyst 200 tegn).',
    'field-too-long': 'Feltet er for langt.',
    'field-invalid': 'Feltet har ugyldig innhold.',
  },
  success: 'Takk! Sjekk e-posten din for å bekrefte påmeldingen.',
  tooMany: 'For mange forsøk. Vent litt og prøv igjen.',
  unreadable: 'Skjemaet kunne ikke leses.',
  tooLarge: 'Skjemaet er for stort.',
  unsupportedType: 'Skjemaet må sendes som et vanlig skjema eller som JSON.',
  methodNotAllowed: 'Denne adressen tar ikke imot slike forespørsler.',
  notFound: 'Fant ikke siden.',
  serverError: 'Noe gikk galt hos oss. Prøv igjen om litt.',
  signupFailedTitle: 'Påmeldingen gikk ikke gjennom',
  signupDoneTitle: 'Takk!',
  linkTitle: {
    confirmed: 'Påmeldingen er bekreftet',
    unsubscribed: 'Du er meldt av',
    'confirm-expired': 'Lenken har gått ut',
    'unsubscribe-expired': 'Lenken har gått ut',
    unknown: 'Lenken virker ikke',
  },
  linkText: (outcome, email, list, hours) =>
    ({
      confirmed: `${email} får nå ${list}.`,
      unsubscribed: `${email} får ikke lenger ${list}.`,
      'confirm-expired': `Bekreftelseslenker virker i ${hours} timer. Meld deg på igjen, så sender vi en ny.`,
      'unsubscribe-expired': 'Bruk avmeldingslenken i det siste nyhetsbrevet du fikk.',
      unknown: 'Kanskje er den brukt allerede, eller bare en del av den ble kopiert.',
    })[outcome],
  linkAsk: {
    confirm: { title: 'Bekreft påmeldingen', text: (list) => `Trykk på knappen for å bekrefte at du vil ha ${list || 'nyhetsbrevet'} på e-post.`, button: 'Bekreft påmeldingen' },
    unsubscribe: { title: 'Meld deg av', text: (list) => `Trykk på knappen for å melde deg av ${list || 'nyhetsbrevet'}.`, button: 'Meld meg av' },
  },
  mailSubject: (list) => `Bekreft påmeldingen til ${list}`,
  mail: (list, hours) => ({
    greeting: 'Hei!',
    ask: `Bekreft at du vil ha ${list} på e-post ved å åpne denne lenken:`,
    button: 'Bekreft påmeldingen',
    note: `Lenken virker i ${hours} timer. Har du ikke meldt deg på selv, kan du se bort fra denne e-posten.`,
    unsubscribe: 'Vil du ikke ha e-post fra oss? Meld deg av her:',
    unsubscribeLink: 'Meld meg av',
  }),
  formTitle: 'Meld deg på nyhetsbrevet',
  formEmail: 'E-post',
  formName: 'Navn (valgfritt)',
  formList: 'Nyhetsbrev',
  formConsent: 'Jeg samtykker i at e-postadressen min lagres for å sende meg nyhetsbrevet.',
  formSubmit: 'Meld meg på',
};

const nn: Strings = {
  reasons: {
    'email-missing': 'Skriv inn e-postadressa di.',
    'email-invalid': 'Skriv inn ei gyldig e-postadresse, som namn@døme.no.',
    'email-too-long': 'E-postadressa er for lang (høgst 254 teikn).',
    'email-local-too-long': 'Delen før @ er for lang (høgst 64 teikn).',
    'too-many-fields': 'Skjemaet har for mange felt.',
    'list-unknown': 'Vi fann ikkje dette nyheitsbrevet.',
    'consent-missing': 'Du må samtykkje for å melde deg på.',
    'name-too-long': 'Namnet er for langt (høgst 200 teikn).',
    'field-too-long': 'Feltet er for langt.',
    'field-invalid': 'Feltet har ugyldig innhald.',
  },
  success: 'Takk! Sjekk e-posten din for å stadfeste påmeldinga.',
  tooMany: 'For mange forsøk. Vent litt og prøv igjen.',
  unreadable: 'Skjemaet kunne ikkje lesast.',
  tooLarge: 'Skjemaet er for stort.',
  unsupportedType: 'Skjemaet må sendast som eit vanleg skjema eller som JSON.',
  methodNotAllowed: 'Denne adressa tek ikkje imot slike førespurnader.',
  notFound: 'Fann ikkje sida.',
  serverError: 'Noko gjekk gale hos oss. Prøv igjen om litt.',
  signupFailedTitle: 'Påmeldinga gjekk ikkje gjennom',
  signupDoneTitle: 'Takk!',
  linkTitle: {
    confirmed: 'Påmeldinga er stadfesta',
    unsubscribed: 'Du er meld av',
    'confirm-expired': 'Lenkja har gått ut',
    'unsubscribe-expired': 'Lenkja har gått ut',
    unknown: 'Lenkja verkar ikkje',
  },
  linkText: (outcome, email, list, hours) =>
    ({
      confirmed: `${email} får no ${list}.`,
      unsubscribed: `${email} får ikkje lenger ${list}.`,
      'confirm-expired': `Stadfestingslenkjer verkar i ${hours} timar. Meld deg på igjen, så sender vi ei ny.`,
      'unsubscribe-expired': 'Bruk avmeldingslenkja i det siste nyheitsbrevet du fekk.',
      unknown: 'Kanskje er ho brukt alt, eller berre ein del av ho vart kopiert.',
    })[outcome],
  linkAsk: {
    confirm: { title: 'Stadfest påmeldinga', text: (list) => `Trykk på knappen for å stadfeste at du vil ha ${list || 'nyheitsbrevet'} på e-post.`, button: 'Stadfest påmeldinga' },
    unsubscribe: { title: 'Meld deg av', text: (list) => `Trykk på knappen for å melde deg av ${list || 'nyheitsbrevet'}.`, button: 'Meld meg av' },
  },
  mailSubject: (list) => `Stadfest påmeldinga til ${list}`,
  mail: (list, hours) => ({
    greeting: 'Hei!',
    ask: `Stadfest at du vil ha ${list} på e-post ved å opne denne lenkja:`,
    button: 'Stadfest påmeldinga',
    note: `Lenkja verkar i ${hours} timar. Har du ikkje meldt deg på sjølv, kan du sjå bort frå denne e-posten.`,
    unsubscribe: 'Vil du ikkje ha e-post frå oss? Meld deg av her:',
    unsubscribeLink: 'Meld meg av',
  }),
  formTitle: 'Meld deg på nyheitsbrevet',
  formEmail: 'E-post',
  formName: 'Namn (valfritt)',
  formList: 'Nyheitsbrev',
  formConsent: 'Eg samtykkjer i at e-postadressa mi blir lagra for å sende meg nyheitsbrevet.',
  formSubmit: 'Meld meg på',
};

const en: Strings = {
  reasons: {
    'email-missing': 'Enter your email address.',
    'email-invalid': 'Enter a valid email address, like name@example.com.',
    'email-too-long': 'The email address is too long (254 characters at most).',
    'email-local-too-long': 'The part before the @ is too long (64 characters at most).',
    'too-many-fields': 'The form has too many fields.',
    'list-unknown': "We couldn't find this newsletter.",
    'consent-missing': 'Please give your consent to sign up.',
    'name-too-long': 'The name is too long (200 characters at most).',
    'field-too-long': 'This field is too long.',
    'field-invalid': 'This field has content we cannot use.',
  },
  success: 'Thanks! Check your email to confirm your signup.',
  tooMany: 'Too many attempts. Please wait a moment and try again.',
  unreadable: 'The form could not be read.',
  tooLarge: 'The form is too large.',
  unsupportedType: 'Send the form as a standard form post or as JSON.',
  methodNotAllowed: 'This address does not accept such requests.',
  notFound: 'Page not found.',
  serverError: 'Something went wrong on our side. Please try again shortly.',
  signupFailedTitle: 'The signup did not go through',
  signupDoneTitle: 'Thanks!',
  linkTitle: {
    confirmed: 'Your signup is confirmed',
    unsubscribed: "You're unsubscribed",
    'confirm-expired': 'This link has expired',
    'unsubscribe-expired': 'This link has expired',
    unknown: "This link doesn't work",
  },
  linkText: (outcome, email, list, hours) =>
    ({
      confirmed: `${email} will now receive ${list}.`,
      unsubscribed: `${email} will no longer receive ${list}.`,
      'confirm-expired': `Confirmation links work for ${hours} hours. Sign up again and we'll send you a new one.`,
      'unsubscribe-expired': 'Use the unsubscribe link in the latest newsletter you received.',
      unknown: 'It may have been used already, or only part of it was copied.',
    })[outcome],
  linkAsk: {
    confirm: { title: 'Confirm your signup', text: (list) => `Press the button to confirm that you want ${list || 'the newsletter'} by email.`, button: 'Confirm signup' },
    unsubscribe: { title: 'Unsubscribe', text: (list) => `Press the button to unsubscribe from ${list || 'the newsletter'}.`, button: 'Unsubscribe' },
  },
  mailSubject: (list) => `Confirm your signup to ${list}`,
  mail: (list, hours) => ({
    greeting: 'Hello!',
    ask: `Please confirm that you want ${list} by email by opening this link:`,
    button: 'Confirm my signup',
    note: `The link works for ${hours} hours. If you didn't sign up yourself, you can ignore this email.`,
    unsubscribe: "Don't want email from us? Unsubscribe here:",
    unsubscribeLink: 'Unsubscribe',
  }),
  formTitle: 'Sign up for the newsletter',
  formEmail: 'Email',
  formName: 'Name (optional)',
  formList: 'Newsletter',
  formConsent: 'I agree that my email address is stored to send me the newsletter.',
  formSubmit: 'Sign me up',
};

const TABLE: Record<Locale, Strings> = { nb, nn, en };

/** The strings for a language. */
export function t(locale: Locale): Strings {
  return TABLE[locale];
}

const LANGUAGE_TAG = /^[a-z]{2,8}(?:[-_][a-z0-9]{1,8})*$/i;

/**
 * The reader's language: the form's `locale` field when it is a language tag, else the first language of
 * `Accept-Language` by weight, else `fallback`. Tags map as the widgets map them (`nn*` → nn, `nb*`/`no*` → nb,
 * anything else → en).
 */
export function readerLocale(field: unknown, acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (typeof field === 'string' && LANGUAGE_TAG.test(field.trim())) return toLocale(field.trim());
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => LANGUAGE_TAG.test(tag) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.length ? toLocale(ranked[0].tag) : fallback;
}
