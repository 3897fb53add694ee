import { LitElement, html, isServer, nothing } from 'lit';
import { LocaleController, type Locale } from '../shared/locale.js';
import { checkedUrl } from '../shared/safe-url.js';
import { warn } from '../shared/warn.js';
import { styles } from './newsletter-signup.styles.js';
import { EMAIL } from '../shared/email.js';
import { fold } from '../shared/format.js';
import { define } from '../shared/defer.js';

export { renderAll } from '../shared/defer.js';

/**
 * The interface strings, `|`-separated (compact for the drop-in file), in this order: email, name, submit, agree,
 * privacy, sending, retry, bad, must, already, many, thanks, err. An empty nn string is the nb one.
 */
const LINES: Record<Locale, string> = {
  nb: 'E-post|Navn (valgfritt)|Meld meg på|Ja, send meg nyhetsbrevet.|Personvern|Sender …|Prøv igjen|Skriv e-postadressen din, som navn@eksempel.no.|Kryss av for å melde deg på.|Du er allerede påmeldt.|For mange forsøk.|Takk! Sjekk e-posten din for å bekrefte påmeldingen.|Påmeldingen ble ikke sendt.',
  nn: '|Namn (valfritt)||Ja, send meg nyhendebrevet.||||Skriv e-postadressa di, som namn@døme.no.||Du er allereie påmeld.||Takk! Sjekk e-posten din for å stadfeste påmeldinga.|Påmeldinga vart ikkje send.',
  en: 'Email|Name (optional)|Sign me up|Yes, email me the newsletter.|Privacy|Sending …|Try again|Enter an address like name@example.com.|Tick the box to sign up.|You’re already subscribed.|Too many attempts.|Thank you! Check your email to confirm.|Your signup was not sent.',
};
const STRINGS = {} as Record<Locale, string[]>;
for (const [locale, line] of Object.entries(LINES) as [Locale, string][]) STRINGS[locale] = line.split('|').map((text, i) => text || STRINGS.nb[i]);

let uid = 0;
export type Phase = '' | 'sending' | 'error' | 'success';

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
 * @fires fjord-signup-submit - Before a request is sent (cancelable; a page that cancels sends it itself and calls `succeed()` or `fail()`). detail: the payload
 * @fires fjord-signup-success - When the signup went through (409 included). detail: { status, message }
 * @fires fjord-signup-error - When the signup failed. detail: { status, message }
 */
export class FjordNewsletterSignup extends LitElement {
  static override styles = styles;

  static override properties = {
    action: {},
    list: {},
    privacyHref: { attribute: 'privacy-href' },
    consentRequired: { type: Boolean, attribute: 'consent-required' },
    nameField: { type: Boolean, attribute: 'name-field' },
    emailName: { attribute: 'email-name' },
    encoding: {},
    submitMode: { attribute: 'submit-mode' },
    timeout: { type: Number },
    phase: { state: true, attribute: false },
    message: { state: true, attribute: false },
  };

  /** The URL that takes signups (attribute form): http(s) or relative; an unsafe URL is dropped with a warning. The page's own form uses its own `action`. */
  declare action?: string;
  /** The list to sign up to, sent as `list`. */
  declare list?: string;
  /** Link to the privacy policy, shown beside the consent checkbox. */
  declare privacyHref?: string;
  /** Asks for consent with a checkbox the reader must tick; sends `consent=yes` and `consent_text` (the sentence shown). */
  consentRequired = false;
  /** Adds an optional "Navn (valgfritt)" field, sent as `name` (`autocomplete=name`). */
  nameField = false;
  /** The name of the email field, in the request and in a native post (Mailchimp and Brevo use `EMAIL`). In the page's own form: which field is the address, besides any `type=email`. */
  emailName = 'email';
  /** Request body: `form` (application/x-www-form-urlencoded, a CORS simple request with no preflight) or `json`. Any other value logs a warning. */
  encoding = 'form';
  /** `fetch` sends the signup in the background; `native` validates, then lets the form post with a page load. */
  submitMode = 'fetch';
  /** Milliseconds to wait for an answer before showing an error. */
  timeout = 15000;

  private phase: Phase = '';
  /** The error, or the success message shown; the live region says it too. */
  private message = '';

  #locale = new LocaleController(this);
  #notes = new WeakMap<Element, HTMLElement>();
  #trap?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#assign();
    // A native post leaves the widget busy until the page unloads; coming Back restores it from the back/forward cache.
    addEventListener('pageshow', this.#release);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pageshow', this.#release);
  }

  protected override willUpdate(): void {
    const { encoding: e, submitMode: m, timeout: t } = this;
    if (!/^(form|json) (fetch|native)$/.test(`${e} ${m}`) || !(t > 0)) warn(this, 'options', `encoding="${e}", submit-mode="${m}" or timeout="${t}" is not form|json, fetch|native, ms > 0.`);
  }

  protected override updated(): void {
    const form = this.#form;
    if (form && this.#trap?.closest('form') != form) {
      form.noValidate = true;
      // A honeypot: never displayed, out of the tab order and the accessibility tree, and owned by no form
      // (form=""), so neither a request nor a native post carries it. Bots that fill every field fill it.
      const trap = (this.#trap = Object.assign(document.createElement('input'), { name: 'website', tabIndex: -1, autocomplete: 'off' }));
      trap.setAttribute('form', '');
      form.appendChild(Object.assign(document.createElement('div'), { ariaHidden: 'true', style: 'display:none' })).append(trap);
    }
    const button = this.#button;
    if (button) button.ariaBusy = button.ariaDisabled = this.phase == 'sending' ? 'true' : null;
  }

  /** Shows the success message and moves focus to it; for a page that cancelled `fjord-signup-submit` and sent the signup itself. */
  succeed(message?: string): void {
    this.#end('success', message, 0);
  }

  /** Shows an error with a "Prøv igjen" button, keeping what the reader typed; for a page that sent the signup itself. */
  fail(message?: string): void {
    this.#end('error', message, 0);
  }

  override render() {
    const [email, name, submit, agree, privacy, sending, retry] = this.#s;
    const { phase, message } = this;
    const done = phase == 'success';
    const href = checkedUrl(this, 'privacy-href', this.privacyHref);
    // The page's form is slotted, so its submit event passes through the slot as the widget's own form's does. No
    // whitespace between the parts of the form, a grid: it would only be text nodes to clone.
    return html`<slot name="heading"></slot><slot @slotchange=${this.#assign}></slot>
      <slot name="form" ?hidden=${done} @submit=${this.#submit}>${this.#form?.slot
          ? nothing
          : html`<form part="form" action=${checkedUrl(this, 'action', this.action) ?? nothing} method="post" ?hidden=${done}>
              <label part="label">${email}<input part="input" type="email" name=${this.emailName} autocomplete="email" required></label>${this.nameField
                ? html`<label part="label">${name}<input part="input" name="name" autocomplete="name"></label>`
                : nothing}${this.list ? html`<input type="hidden" name="list" value=${this.list}>` : nothing}${this.consentRequired
                ? html`<label part="consent"><input type="checkbox" name="consent" value="yes" required>${agree}</label>${href
                    ? html`<a part="privacy" href=${href}>${privacy}</a>`
                    : nothing}`
                : nothing}<button part="button">${submit}</button>
            </form>`}</slot>
      <div part="error" ?hidden=${phase != 'error'}><span>${message}</span> <button part="retry" type="button" @click=${this.#retry}>${retry}</button></div>
      <div part="success" tabindex="-1" ?hidden=${!done}><slot name="success">${message}</slot></div>
      <div part="status" role="status" class="visually-hidden">${phase == 'sending' ? sending : message}</div>`;
  }

  get #s() {
    return STRINGS[this.#locale.locale];
  }

  /** The page's own form (in the `form` slot), else the one the widget renders. */
  get #form(): HTMLFormElement | null | undefined {
    return isServer ? null : (this.querySelector<HTMLFormElement>(':scope>form[slot=form]') ?? this.renderRoot?.querySelector('form'));
  }

  get #button() {
    return [...(this.#form?.elements ?? [])].find((el) => (el as HTMLButtonElement).type == 'submit') as HTMLElement | undefined;
  }

  /** Gives the first heading child the `heading` slot and a `<form>` child the `form` slot. */
  #assign() {
    for (const [slot, selector] of [
      ['heading', ':is(h1,h2,h3,h4,h5,h6)'],
      ['form', 'form'],
    ]) {
      const child = this.querySelector(`:scope>${selector}`);
      if (child && !child.slot && !this.querySelector(`:scope>[slot=${slot}]`)) child.slot = slot;
    }
    this.requestUpdate();
  }

  async #submit(e: SubmitEvent) {
    const [, , , , , , , bad, must] = this.#s;
    const form = e.target as HTMLFormElement;
    const native = this.submitMode == 'native';
    if (!native) e.preventDefault();
    if (this.phase == 'sending') return e.preventDefault();
    if (this.#trap?.value) {
      this.#end('success');
      return e.preventDefault();
    }
    // Every field is checked before anything is sent; the bad ones are marked and the first takes focus.
    let first: HTMLElement | undefined;
    for (const field of form.elements as unknown as HTMLInputElement[]) {
      if (!field.willValidate) continue;
      const message =
        field.type == 'checkbox'
          ? field.validity.valid ? '' : must
          : field.type == 'email' || field.name == this.emailName
            ? EMAIL.test(field.value.trim()) ? '' : bad
            : field.validationMessage;
      this.#mark(field, message);
      if (message) first ??= field;
    }
    if (first) return first.focus(), e.preventDefault();

    const data = new FormData(form, e.submitter);
    const consent = (form.elements.namedItem('consent') as HTMLInputElement | null)?.labels?.[0];
    for (const [k, v] of [
      ['consent_text', data.has('consent') && fold(consent?.textContent)],
      ['locale', this.#locale.locale],
      ['source', location.origin + location.pathname],
    ] as const) {
      if (v && !data.has(k)) data.append(k, v);
    }
    const params = new URLSearchParams(data as unknown as string[][]);
    const payload: FjordSignupPayload = {};
    for (const [k, v] of params) payload[k] = k in payload ? ([] as string[]).concat(payload[k], v) : v;
    this.phase = 'sending';
    if (!this.dispatchEvent(new CustomEvent('fjord-signup-submit', { detail: payload, bubbles: true, composed: true, cancelable: true }))) return e.preventDefault();
    if (native) return;

    const url = form.getAttribute('action');
    if (!url) return warn(this, 'action', 'no action: set it to the signup URL.'), this.#end('error', '', 0);
    // The request and the reading of the answer load on the first submit: a page that only shows the form never
    // fetches them. A module that cannot load counts as no answer.
    const [phase, message, status, field] = await import('./signup-send.js').then(
      (m) => m.send(this, form, url, payload, params, this.#s, this.#locale.intl),
      (): [Phase, string, number] => ['error', '', 0],
    );
    this.#end(phase, message, status, field);
  }

  /** Shows `message` under the field, tied to it with aria-describedby and aria-invalid; an empty message clears it. */
  #mark(field: HTMLElement, message: string): void {
    let note = this.#notes.get(field);
    if (!note) {
      if (!message) return;
      this.#notes.set(field, (note = Object.assign(document.createElement('div'), { id: `fjord-note-${++uid}`, part: 'note' })));
      (field.closest('label') ?? field).after(note);
      field.setAttribute('aria-describedby', fold(`${field.getAttribute('aria-describedby') ?? ''} ${note.id}`));
    }
    note.textContent = message;
    note.hidden = !message;
    field.ariaInvalid = message ? 'true' : null;
  }

  /**
   * Shows how the signup ended: `success` (a `success` slot, else `message`, else the thanks; focus moves to it),
   * `error` (`message`, else the generic error), or '' for an error at `field`. Then fires the matching event,
   * unless there is no `status` (a filled honeypot).
   */
  async #end(phase: Phase, message?: string, status?: number, field?: HTMLElement | null) {
    const done = phase == 'success';
    const [thanks, err] = this.#s.slice(11);
    this.phase = phase;
    this.message = message = (done && fold(this.querySelector(':scope>[slot=success]')?.textContent)) || message || (done ? thanks : err);
    if (!phase) {
      this.#mark(field!, message);
      field!.focus();
    }
    if (done) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=success]')!.focus();
    }
    if (status! >= 0) this.dispatchEvent(new CustomEvent(done ? 'fjord-signup-success' : 'fjord-signup-error', { detail: { status, message }, bubbles: true, composed: true }));
  }

  #release = () => {
    if (this.phase == 'sending') this.phase = '';
  };

  #retry() {
    this.#button?.focus();
    this.#form?.requestSubmit();
  }
}

define('fjord-newsletter-signup', FjordNewsletterSignup);

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
