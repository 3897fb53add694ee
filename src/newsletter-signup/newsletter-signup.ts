import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, type Locale } from '../shared/locale.js';
import { formatRelative } from '../shared/format.js';
import { checkedUrl } from '../shared/safe-url.js';
import { warn } from '../shared/warn.js';
import { styles } from './newsletter-signup.styles.js';

const STRINGS: Record<Locale, Record<'email' | 'name' | 'submit' | 'agree' | 'privacy' | 'empty' | 'bad' | 'must' | 'need' | 'sending' | 'thanks' | 'already' | 'err' | 'net' | 'many' | 'later' | 'retry', string>> = {
  nb: {
    email: 'E-post',
    name: 'Navn (valgfritt)',
    submit: 'Meld meg på',
    agree: 'Ja, send meg nyhetsbrevet på e-post. Jeg kan melde meg av når som helst.',
    privacy: 'Les om personvern',
    empty: 'Skriv inn e-postadressen din.',
    bad: 'Skriv en gyldig e-postadresse, som navn@eksempel.no.',
    must: 'Kryss av for samtykke for å melde deg på.',
    need: 'Fyll ut dette feltet.',
    sending: 'Sender påmeldingen …',
    thanks: 'Takk! Sjekk e-posten din for å bekrefte påmeldingen.',
    already: 'Du er allerede påmeldt. Takk!',
    err: 'Noe gikk galt, og påmeldingen kom ikke fram.',
    net: 'Fikk ikke kontakt. Sjekk nettet ditt.',
    many: 'For mange forsøk. Prøv igjen ',
    later: 'litt senere',
    retry: 'Prøv igjen',
  },
  nn: {
    email: 'E-post',
    name: 'Namn (valfritt)',
    submit: 'Meld meg på',
    agree: 'Ja, send meg nyhendebrevet på e-post. Eg kan melde meg av når som helst.',
    privacy: 'Les om personvern',
    empty: 'Skriv inn e-postadressa di.',
    bad: 'Skriv ei gyldig e-postadresse, som namn@døme.no.',
    must: 'Kryss av for samtykke for å melde deg på.',
    need: 'Fyll ut dette feltet.',
    sending: 'Sender påmeldinga …',
    thanks: 'Takk! Sjekk e-posten din for å stadfeste påmeldinga.',
    already: 'Du er allereie påmeld. Takk!',
    err: 'Noko gjekk gale, og påmeldinga kom ikkje fram.',
    net: 'Fekk ikkje kontakt. Sjekk nettet ditt.',
    many: 'For mange forsøk. Prøv igjen ',
    later: 'litt seinare',
    retry: 'Prøv igjen',
  },
  en: {
    email: 'Email',
    name: 'Name (optional)',
    submit: 'Sign me up',
    agree: 'Yes, email me the newsletter. I can unsubscribe at any time.',
    privacy: 'Read about privacy',
    empty: 'Enter your email address.',
    bad: 'Enter a valid email address, like name@example.com.',
    must: 'Tick the consent box to sign up.',
    need: 'Fill in this field.',
    sending: 'Signing you up …',
    thanks: 'Thank you! Check your email to confirm your subscription.',
    already: 'You are already subscribed. Thank you!',
    err: 'Something went wrong, and your signup did not go through.',
    net: 'Could not connect. Check your connection.',
    many: 'Too many attempts. Try again ',
    later: 'later',
    retry: 'Try again',
  },
};

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const fold = (text?: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
let uid = 0;

/** The fields a signup sends: a field that occurs more than once (a group of checkboxes) becomes an array. */
export type FjordSignupPayload = Record<string, string | string[]>;

/** How a signup ended: the HTTP status (0 when there was no answer, or when the page decided) and the message shown. */
export interface FjordSignupResult {
  status: number;
  message: string;
}

/**
 * A newsletter signup form that validates, submits once, survives every failure with the typed address
 * still in place, and posts natively without JavaScript when the page gives it a real `<form>`.
 * @summary Newsletter signup ("Meld deg på vårt nyhetsbrev").
 * @slot - The description, shown above the form.
 * @slot heading - The heading; the first `<h1>`–`<h6>` child is put here by itself.
 * @slot form - The page's own `<form>` (progressive-enhancement form); a `<form>` child is put here by itself.
 * @slot success - Overrides the default success message.
 * @csspart form - The form the widget renders (attribute form).
 * @csspart label - The labels of the email and name fields.
 * @csspart input - The email and name inputs.
 * @csspart consent - The consent checkbox with its sentence.
 * @csspart privacy - The link to the privacy policy.
 * @csspart button - The submit button (attribute form).
 * @csspart note - A field's error message (attribute form; in the page's own form the same element is added after the field).
 * @csspart error - The failure message with the retry button.
 * @csspart retry - The "Prøv igjen" button.
 * @csspart success - The message that replaces the form on success; it takes focus.
 * @csspart status - The visually hidden live region.
 * @cssprop [--fjord-newsletter-signup-button=var(--fjord-accent)] - Submit button background.
 * @cssprop [--fjord-newsletter-signup-error=light-dark(#b3261e, #ffb4ab)] - Colour of error messages and invalid fields.
 * @cssprop [--fjord-newsletter-signup-success-background=var(--fjord-surface)] - Background of the success message.
 * @fires fjord-signup-submit - Before a request is sent (cancelable; a page that cancels sends it itself and calls `succeed()` or `fail()`). detail: the payload
 * @fires fjord-signup-success - When the signup went through (409 included). detail: { status, message }
 * @fires fjord-signup-error - When the signup failed. detail: { status, message }
 */
export class FjordNewsletterSignup extends LitElement {
  static override styles = styles;

  /** The URL that takes signups (attribute form). */
  @property() action?: string;
  /** The list to sign up to, sent as `list`. */
  @property() list?: string;
  /** Link to the privacy policy, shown beside the consent checkbox. */
  @property({ attribute: 'privacy-href' }) privacyHref?: string;
  /** Asks for consent with a checkbox the reader must tick. */
  @property({ type: Boolean, attribute: 'consent-required' }) consentRequired = false;
  /** Adds an optional name field, sent as `name`. */
  @property({ type: Boolean, attribute: 'name-field' }) nameField = false;
  /** The name of the email field (Mailchimp uses `EMAIL`). */
  @property({ attribute: 'email-name' }) emailName = 'email';
  /** Request body: `form` (application/x-www-form-urlencoded) or `json`. */
  @property() encoding = 'form';
  /** `fetch` sends the signup in the background; `native` validates, then lets the form post with a page load. */
  @property({ attribute: 'submit-mode' }) submitMode = 'fetch';
  /** Milliseconds to wait for an answer before showing an error. */
  @property({ type: Number }) timeout = 15000;

  @state() private phase: '' | 'sending' | 'error' | 'success' = '';
  @state() private message = '';
  @state() private said = '';
  @state() private pageForm = false;

  #locale = new LocaleController(this);
  #notes = new WeakMap<Element, HTMLElement>();
  #traps = new WeakMap<HTMLFormElement, HTMLInputElement>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#assign();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    // The page's form is slotted, so its submit event passes through the shadow root like the widget's own.
    root.addEventListener('submit', this.#submit as EventListener);
    return root;
  }

  protected override willUpdate(): void {
    for (const [attr, value, valid] of [
      ['encoding', this.encoding, ['form', 'json']],
      ['submit-mode', this.submitMode, ['fetch', 'native']],
    ] as const) {
      if (!(valid as readonly string[]).includes(value)) warn(this, attr, `${attr}="${value}" is not one of ${valid.join(', ')}; using ${valid[0]}.`);
    }
    if (!(this.timeout > 0)) warn(this, 'timeout', `timeout="${this.timeout}" is not a number of milliseconds above 0; using 15000.`);
    if (this.consentRequired && !this.privacyHref && !this.pageForm) warn(this, 'privacy-href', 'consent-required is set without privacy-href: link readers to how their address is used with privacy-href="…".');
  }

  protected override updated(): void {
    const form = this.#form;
    if (form && !this.#traps.has(form)) {
      form.noValidate = true;
      // A honeypot: off screen, out of the tab order and the accessibility tree, and owned by no form
      // (form=""), so neither a request nor a native post carries it. Bots that fill every field fill it.
      const box = document.createElement('div');
      const trap = document.createElement('input');
      box.ariaHidden = 'true';
      box.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)';
      trap.name = 'website';
      trap.tabIndex = -1;
      trap.autocomplete = 'off';
      trap.setAttribute('form', '');
      box.append(trap);
      form.append(box);
      this.#traps.set(form, trap);
    }
    const button = this.#button;
    if (button) button.ariaBusy = button.ariaDisabled = this.phase === 'sending' ? 'true' : null;
  }

  /** Shows the success message and moves focus to it; for a page that cancelled `fjord-signup-submit` and sent the signup itself. */
  succeed(message?: string): void {
    this.#done(0, message);
  }

  /** Shows an error with a "Prøv igjen" button, keeping what the reader typed; for a page that sent the signup itself. */
  fail(message?: string): void {
    this.#fail(0, message || this.#s.err);
  }

  override render() {
    const s = this.#s;
    const done = this.phase === 'success';
    const privacy = checkedUrl(this, 'privacy-href', this.privacyHref);
    return html`
      <slot name="heading"></slot>
      <slot @slotchange=${this.#assign}></slot>
      <div ?hidden=${done}><slot name="form"></slot></div>
      ${this.pageForm
        ? nothing
        : html`<form part="form" action=${checkedUrl(this, 'action', this.action) ?? nothing} method="post" ?hidden=${done}>
            <label part="label">${s.email}<input part="input" type="email" name=${this.emailName} autocomplete="email" required /></label>
            ${this.nameField ? html`<label part="label">${s.name}<input part="input" name="name" autocomplete="name" /></label>` : nothing}
            ${this.list ? html`<input type="hidden" name="list" value=${this.list} />` : nothing}
            ${this.consentRequired
              ? html`<label part="consent"><input type="checkbox" name="consent" value="yes" required />${s.agree}</label>
                  ${privacy ? html`<a part="privacy" href=${privacy}>${s.privacy}</a>` : nothing}`
              : nothing}
            <button part="button">${s.submit}</button>
          </form>`}
      <div part="error" ?hidden=${this.phase !== 'error'}>
        <p>${this.message}</p>
        <button part="retry" type="button" @click=${this.#retry}>${s.retry}</button>
      </div>
      <div part="success" tabindex="-1" ?hidden=${!done}><span ?hidden=${!!this.message}><slot name="success">${s.thanks}</slot></span>${this.message}</div>
      <div part="status" role="status" class="visually-hidden">${this.said}</div>
    `;
  }

  get #s() {
    return STRINGS[this.#locale.locale];
  }

  get #form(): HTMLFormElement | null {
    return this.querySelector(':scope > form[slot=form]') ?? this.renderRoot?.querySelector('form');
  }

  get #button(): HTMLElement | null | undefined {
    return this.#form?.querySelector('button:not([type=button],[type=reset]),input[type=submit]');
  }

  /** Gives the first heading child the `heading` slot and a `<form>` child the `form` slot. */
  #assign = () => {
    const heading = [...this.children].find((c) => /^H[1-6]$/.test(c.tagName));
    if (heading && !this.querySelector(':scope > [slot=heading]')) heading.slot = 'heading';
    const form = this.querySelector(':scope > form');
    if (form && !form.slot) form.slot = 'form';
    this.pageForm = !!this.querySelector(':scope > form[slot=form]');
  };

  #submit = (e: SubmitEvent) => {
    const form = e.target as HTMLFormElement;
    const native = this.submitMode === 'native';
    if (!native || this.phase === 'sending') e.preventDefault();
    if (this.phase === 'sending') return;
    if (this.#traps.get(form)?.value) {
      e.preventDefault();
      this.#done(0, '', false);
      return;
    }
    if (!this.#validate(form)) {
      e.preventDefault();
      return;
    }
    const data = new FormData(form, e.submitter);
    const consent = form.elements.namedItem('consent') as HTMLInputElement | null;
    const extra = {
      consent_text: data.has('consent') ? fold(consent?.labels?.[0]?.textContent) : '',
      locale: this.#locale.locale,
      source: location.origin + location.pathname,
    };
    for (const [k, v] of Object.entries(extra)) if (v && !data.has(k)) data.append(k, v);
    const params = new URLSearchParams(data as unknown as string[][]);
    const payload: FjordSignupPayload = {};
    for (const [k, v] of params) payload[k] = k in payload ? [payload[k]].flat().concat(v) : v;
    this.phase = 'sending';
    this.said = this.#s.sending;
    if (!this.#fire('fjord-signup-submit', payload, true)) {
      e.preventDefault();
      return;
    }
    if (!native) this.#send(form.getAttribute('action'), params, payload);
  };

  async #send(url: string | null, params: URLSearchParams, payload: FjordSignupPayload) {
    const s = this.#s;
    const json = this.encoding === 'json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeout > 0 ? this.timeout : 15000);
    let status = 0;
    let body: { message?: unknown; field?: unknown } | undefined;
    let retryAfter: string | null = null;
    if (!url) {
      warn(this, 'no-action', 'there is no action to send the signup to: set action="…" to your signup endpoint.');
      return this.#fail(0, s.err);
    }
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: json ? JSON.stringify(payload) : params,
        signal: abort.signal,
      });
      const text = await res.text();
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        /* not JSON: handled below */
      }
    } catch {
      /* no answer, a dropped connection or the timeout: status stays 0 */
    } finally {
      clearTimeout(timer);
    }
    const message = typeof body?.message === 'string' ? body.message : '';
    if (!status || !body || typeof body !== 'object') return this.#fail(status, status ? s.err : s.net);
    if ((status > 199 && status < 300) || status === 409) return this.#done(status, message || (status === 409 ? s.already : ''));
    if (status === 400 || status === 422) {
      const name = body.field === 'email' ? this.emailName : body.field;
      const field = typeof name === 'string' ? (this.#form?.elements.namedItem(name) as HTMLInputElement | null) : null;
      if (field?.willValidate) {
        this.phase = '';
        this.#mark(field, (this.said = message || s.need));
        field.focus();
        this.#fire('fjord-signup-error', { status, message: this.said });
        return;
      }
    }
    if (status === 429) {
      const seconds = Math.ceil(+(retryAfter ?? 0) || (Date.parse(retryAfter!) - Date.now()) / 1000);
      const [n, unit] = seconds > 5400 ? [seconds / 3600, 'hour'] as const : seconds > 90 ? [seconds / 60, 'minute'] as const : [seconds, 'second'] as const;
      return this.#fail(status, `${s.many}${n > 0 ? formatRelative(this.#locale.intl, Math.ceil(n), unit) : s.later}.`);
    }
    this.#fail(status, (status === 400 || status === 422) && message ? message : s.err);
  }

  /** Checks every field before anything is sent; marks the bad ones and focuses the first. */
  #validate(form: HTMLFormElement): boolean {
    const s = this.#s;
    let first: HTMLElement | undefined;
    for (const field of form.elements as unknown as HTMLInputElement[]) {
      if (!field.willValidate) continue;
      const value = field.value.trim();
      const message =
        field.type === 'checkbox'
          ? field.required && !field.checked ? s.must : ''
          : field.type === 'email' || field.name === this.emailName
            ? !value ? s.empty : value.length > 254 || !EMAIL.test(value) ? s.bad : ''
            : field.required && !value ? s.need : '';
      this.#mark(field, message);
      if (message) first ??= field;
    }
    first?.focus();
    return !first;
  }

  /** Shows `message` under the field, tied to it with aria-describedby and aria-invalid; an empty message clears it. */
  #mark(field: HTMLElement, message: string): void {
    let note = this.#notes.get(field);
    if (!note && !message) return;
    if (!note) {
      note = document.createElement('div');
      note.id = `fjord-signup-note-${++uid}`;
      note.setAttribute('part', 'note');
      (field.closest('label') ?? field).after(note);
      field.setAttribute('aria-describedby', fold(`${field.getAttribute('aria-describedby') ?? ''} ${note.id}`));
      this.#notes.set(field, note);
    }
    note.textContent = message;
    note.hidden = !message;
    field.ariaInvalid = message ? 'true' : null;
  }

  async #done(status: number, message = '', notify = true) {
    this.phase = 'success';
    this.message = message;
    await this.updateComplete;
    const text = message || fold(this.querySelector(':scope > [slot=success]')?.textContent) || this.#s.thanks;
    this.said = text;
    this.renderRoot.querySelector<HTMLElement>('[part=success]')!.focus();
    if (notify) this.#fire('fjord-signup-success', { status, message: text });
  }

  #fail(status: number, message: string) {
    this.phase = 'error';
    this.message = this.said = message;
    this.#fire('fjord-signup-error', { status, message });
  }

  #fire(name: string, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  #retry = () => {
    this.#button?.focus();
    this.#form?.requestSubmit();
  };
}

if (!customElements.get('fjord-newsletter-signup')) customElements.define('fjord-newsletter-signup', FjordNewsletterSignup);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-newsletter-signup': FjordNewsletterSignup;
  }
  interface HTMLElementEventMap {
    'fjord-signup-submit': CustomEvent<FjordSignupPayload>;
    'fjord-signup-success': CustomEvent<FjordSignupResult>;
    'fjord-signup-error': CustomEvent<FjordSignupResult>;
  }
}
