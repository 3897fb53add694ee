import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/newsletter-signup/newsletter-signup.js';
import type { FjordNewsletterSignup } from '../../src/newsletter-signup/newsletter-signup.js';
import { partText, stylesheetFrame, until, watchWarnings } from '../support/helpers.js';
import { signup as signupStory } from '../../demo/story.js';

interface Sent {
  method: string;
  type: string;
  accept: string;
  body: string;
}

const ADDRESS = 'ola.nordmann@eksempel.no';
const CONSENT_NB = 'Ja, send meg nyhetsbrevet.';
const THANKS_NB = 'Takk! Sjekk e-posten din for å bekrefte påmeldingen.';
const ERROR_NB = 'Påmeldingen ble ikke sendt.';
const SOURCE = location.origin + location.pathname;
/** What the canonical attribute form sends for Ola, in this order. */
const PAYLOAD = { email: ADDRESS, name: 'Ola Nordmann', list: 'klyngenytt', consent: 'yes', consent_text: CONSENT_NB, locale: 'nb', source: SOURCE };

let keys = 0;
/** A fresh key, so each test reads only its own requests from the endpoint's log. */
const newKey = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}-${++keys}`;

async function sent(key: string): Promise<Sent[]> {
  return (await fetch(`/test-api/signup/log?key=${key}`)).json();
}

/** Waits long enough that a request the widget wrongly sent would have reached the endpoint. */
const settle = () => new Promise((r) => setTimeout(r, 400));

function ui(el: FjordNewsletterSignup) {
  const root = el.shadowRoot!;
  const q = <T extends Element>(s: string) => root.querySelector(s) as T;
  return {
    form: q<HTMLFormElement>('form'),
    email: q<HTMLInputElement>('input[type=email]'),
    name: q<HTMLInputElement>('input[name=name]'),
    consent: q<HTMLInputElement>('input[type=checkbox]'),
    button: q<HTMLButtonElement>('[part=button]'),
    retry: q<HTMLButtonElement>('[part=retry]'),
    error: q<HTMLElement>('[part=error]'),
    success: q<HTMLElement>('[part=success]'),
    status: q<HTMLElement>('[role=status]'),
    trap: q<HTMLInputElement>('input[name=website]'),
  };
}

/** The progressive-enhancement form, posting to `action`. */
const pageFormMarkup = (action: string, attrs = '') => `
  <fjord-newsletter-signup ${attrs}>
    <form action="${action}" method="post">
      <label>E-post <input type="email" name="email" required autocomplete="email"></label>
      <input type="hidden" name="list" value="klyngenytt">
      <button>Meld meg på</button>
    </form>
  </fjord-newsletter-signup>`;

/** The canonical attribute form, posting to a test route. */
async function signup(action: string, attrs = 'consent-required name-field', lang = 'nb') {
  const wrapper = await fixture<HTMLElement>(`
    <div lang="${lang}">
      <fjord-newsletter-signup action="${action}" list="klyngenytt" privacy-href="/personvern" ${attrs}>
        <h2>Meld deg på vårt nyhetsbrev</h2>
        <p>${signupStory.text}</p>
      </fjord-newsletter-signup>
    </div>`);
  const el = wrapper.querySelector('fjord-newsletter-signup')!;
  await el.updateComplete;
  return el;
}

/**
 * Types into a field with the keyboard, as a reader would. WebKit's WebDriver merges a key repeated within one
 * `type` command ("nn" arrives as "n"), so text is typed in runs without a doubled character.
 */
async function type(field: HTMLInputElement, text: string) {
  if (field.ownerDocument === document) field.focus();
  else await click(field);
  const runs = [''];
  for (const char of text) {
    if (runs[runs.length - 1].endsWith(char)) runs.push('');
    runs[runs.length - 1] += char;
  }
  for (const run of runs) await sendKeys({ type: run });
}

/** Fills the address (and name and consent when shown) and presses the submit button with the mouse. */
async function fillAndSubmit(el: FjordNewsletterSignup, address = ADDRESS) {
  const { email, name, consent, button } = ui(el);
  await type(email, address);
  if (name) await type(name, 'Ola Nordmann');
  if (consent && !consent.checked) consent.click();
  await click(button);
}

/** Clicks the middle of an element with the real mouse, also inside a same-origin frame. */
async function click(target: Element) {
  target.scrollIntoView({ block: 'center' });
  const frame = target.ownerDocument.defaultView!.frameElement;
  const outer = frame ? frame.getBoundingClientRect() : { x: 0, y: 0 };
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(outer.x + box.x + box.width / 2), Math.round(outer.y + box.y + box.height / 2)] });
}

const errorText = (el: FjordNewsletterSignup) => ui(el).error.querySelector('span')!.textContent!.trim();
const noteOf = (field: HTMLElement) => (field.getRootNode() as ShadowRoot | Document).getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!);

describe('fjord-newsletter-signup', () => {
  before(() => document.documentElement.setAttribute('lang', 'nb'));

  describe('attribute form', () => {
    it('renders a labelled form under the page’s heading and description, with a live region from the start', async () => {
      const el = await signup('/test-api/signup/form');
      const { form, email, name, consent, button, status, success, error } = ui(el);
      expect(el.querySelector('h2')!.assignedSlot!.name).to.equal('heading');
      expect(el.querySelector('p')!.assignedSlot!.name).to.equal('');
      expect(form.getAttribute('action')).to.equal('/test-api/signup/form');
      expect(email.labels![0].textContent!.trim()).to.equal('E-post');
      expect(email.type).to.equal('email');
      expect(email.autocomplete).to.equal('email');
      expect(email.required).to.equal(true);
      expect(name.labels![0].textContent!.trim()).to.equal('Navn (valgfritt)');
      expect(name.required).to.equal(false);
      expect(consent.labels![0].textContent!.trim()).to.equal(CONSENT_NB);
      const privacy = el.shadowRoot!.querySelector('[part=privacy]') as HTMLAnchorElement;
      expect(privacy.getAttribute('href')).to.equal('/personvern');
      expect(privacy.textContent).to.equal('Personvern');
      expect(button.textContent).to.equal('Meld meg på');
      expect(status.textContent!.trim()).to.equal('');
      expect(success.hidden && error.hidden).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('hides the honeypot from people, the keyboard and assistive technology', async () => {
      const el = await signup('/test-api/signup/form');
      const { trap, email, name, consent, button } = ui(el);
      const box = trap.parentElement!;
      expect(box.getAttribute('aria-hidden')).to.equal('true');
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.autocomplete).to.equal('off');
      expect(trap.form).to.equal(null);
      expect(getComputedStyle(box).display).to.equal('none');
      expect(trap.checkVisibility()).to.equal(false);

      // Tab goes from field to field and never stops on the honeypot.
      email.focus();
      const order: Element[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(el.shadowRoot!.activeElement!);
      }
      expect(order).to.deep.equal([name, consent, el.shadowRoot!.querySelector('[part=privacy]'), button]);
    });

    it('sends the exact form-encoded body, then shows the thanks, announces it and moves focus to it', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}&status=200`);
      const submitted = oneEvent(el, 'fjord-signup-submit');
      const succeeded = oneEvent(el, 'fjord-signup-success');
      await fillAndSubmit(el);
      expect((await submitted).detail).to.deep.equal(PAYLOAD);
      expect((await succeeded).detail).to.deep.equal({ status: 200, message: THANKS_NB });
      const [request, ...more] = await sent(key);
      expect(more).to.have.length(0);
      expect(request.method).to.equal('POST');
      expect(request.type).to.equal('application/x-www-form-urlencoded');
      expect(request.accept).to.equal('application/json');
      expect(request.body).to.equal(
        'email=ola.nordmann%40eksempel.no&name=Ola+Nordmann&list=klyngenytt&consent=yes' +
          '&consent_text=Ja%2C+send+meg+nyhetsbrevet.' +
          `&locale=nb&source=${encodeURIComponent(SOURCE)}`,
      );
      expect(request.body).not.to.contain('website');
      const { form, success, status } = ui(el);
      expect(form.hidden).to.equal(true);
      expect(partText(el, 'success')).to.equal(THANKS_NB);
      expect(status.textContent!.trim()).to.equal(THANKS_NB);
      expect(el.shadowRoot!.activeElement).to.equal(success);
      await expect(el).to.be.accessible();
    });

    it('sends the exact JSON body with encoding="json"', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}&status=201&json=${encodeURIComponent('{"message":"Velkommen!"}')}`, 'consent-required name-field encoding="json"');
      await fillAndSubmit(el);
      await until(() => !ui(el).success.hidden, 3000, 'success');
      const [request, ...more] = await sent(key);
      expect(more).to.have.length(0);
      expect(request.type).to.equal('application/json');
      expect(request.accept).to.equal('application/json');
      expect(request.body).to.equal(JSON.stringify(PAYLOAD));
      expect(partText(el, 'success')).to.equal('Velkommen!');
    });

    it('speaks nynorsk and English from the nearest lang', async () => {
      const nn = await signup('/test-api/signup/form', 'consent-required name-field', 'nn');
      expect(ui(nn).name.labels![0].textContent!.trim()).to.equal('Namn (valfritt)');
      expect(ui(nn).consent.labels![0].textContent!.trim()).to.equal('Ja, send meg nyhendebrevet.');
      ui(nn).button.click();
      await nn.updateComplete;
      expect(noteOf(ui(nn).email)!.textContent).to.equal('Skriv e-postadressa di, som namn@døme.no.');

      const key = newKey();
      const en = await signup(`/test-api/signup/answer?key=${key}`, 'consent-required', 'en');
      expect(ui(en).email.labels![0].textContent!.trim()).to.equal('Email');
      expect(ui(en).button.textContent).to.equal('Sign me up');
      await fillAndSubmit(en);
      await until(() => !ui(en).success.hidden, 3000, 'success');
      expect(partText(en, 'success')).to.equal('Thank you! Check your email to confirm.');
      expect((await sent(key))[0].body).to.contain('&locale=en&');
    });

    it('shows the page’s success slot instead of the default thanks and the endpoint’s message', async () => {
      const key = newKey();
      const wrapper = await fixture<HTMLElement>(`
        <div><fjord-newsletter-signup action="/test-api/signup/answer?key=${key}&json=${encodeURIComponent('{"message":"Takk!"}')}">
          <h2>Nyhetsbrev</h2>
          <p slot="success">Takk! Første nyhetsbrev kommer fredag.</p>
        </fjord-newsletter-signup></div>`);
      const el = wrapper.querySelector('fjord-newsletter-signup')!;
      await el.updateComplete;
      expect(el.querySelector('[slot=success]')!.checkVisibility()).to.equal(false);
      const succeeded = oneEvent(el, 'fjord-signup-success');
      await fillAndSubmit(el);
      expect((await succeeded).detail).to.deep.equal({ status: 200, message: 'Takk! Første nyhetsbrev kommer fredag.' });
      await el.updateComplete;
      expect(partText(el, 'success')).to.equal('Takk! Første nyhetsbrev kommer fredag.');
      expect(ui(el).status.textContent!.trim()).to.equal('Takk! Første nyhetsbrev kommer fredag.');
      expect(el.shadowRoot!.activeElement).to.equal(ui(el).success);
    });
  });

  describe('validation', () => {
    it('stops an empty or malformed address and unticked consent at the field, sending nothing', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}`);
      const { email, consent, button } = ui(el);
      let submits = 0;
      el.addEventListener('fjord-signup-submit', () => submits++);

      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(noteOf(email)!.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
      expect(el.shadowRoot!.activeElement).to.equal(email);
      expect(consent.getAttribute('aria-invalid')).to.equal('true');
      expect(noteOf(consent)!.textContent).to.equal('Kryss av for å melde deg på.');
      await expect(el).to.be.accessible();

      // The last three a mail library would read as kari@eksempel.no, with the rest as a display name or a comment.
      for (const bad of ['ola', 'ola@', 'ola@eksempel', 'ola nordmann@eksempel.no', '@eksempel.no', 'ola@eksempel..no', 'ola<kari@eksempel.no>', '(c)kari@eksempel.no', 'ola,kari@eksempel.no']) {
        email.value = '';
        await type(email, bad);
        await sendKeys({ press: 'Enter' });
        expect(noteOf(email)!.textContent, bad).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
        expect(el.shadowRoot!.activeElement).to.equal(email);
      }

      email.value = '';
      await type(email, ADDRESS);
      await click(button);
      expect(email.hasAttribute('aria-invalid')).to.equal(false);
      expect(noteOf(email)!.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(consent);
      expect(consent.getAttribute('aria-invalid')).to.equal('true');

      await settle();
      expect(submits).to.equal(0);
      expect(await sent(key)).to.have.length(0);
    });

    it('answers a filled honeypot with success and sends nothing', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}`, '');
      let events = 0;
      for (const name of ['fjord-signup-submit', 'fjord-signup-success', 'fjord-signup-error']) el.addEventListener(name, () => events++);
      const { email, trap, button } = ui(el);
      email.value = 'bot@spam.example';
      trap.value = 'https://spam.example';
      button.click();
      await until(() => !ui(el).success.hidden, 1000, 'success');
      expect(partText(el, 'success')).to.equal(THANKS_NB);
      await settle();
      expect(await sent(key)).to.have.length(0);
      expect(events).to.equal(0);
    });
  });

  describe('one request at a time', () => {
    it('sends one request for 10 rapid clicks and Enter presses, busy on the focused button', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}&delay=1500`, '');
      const { email, button, status } = ui(el);
      let submits = 0;
      el.addEventListener('fjord-signup-submit', () => submits++);
      await type(email, ADDRESS);
      button.focus();
      for (let i = 0; i < 5; i++) await click(button);
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.disabled).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(status.textContent!.trim()).to.equal('Sender …');
      await expect(el).to.be.accessible();
      await until(() => !ui(el).success.hidden, 4000, 'success');
      expect(button.hasAttribute('aria-busy')).to.equal(false);
      expect(submits).to.equal(1);
      expect(await sent(key)).to.have.length(1);
    });
  });

  describe('answers', () => {
    const failures: [string, string, string, number][] = [
      ['500', 'answer?status=500&json=%7B%22message%22%3A%22boom%22%7D', ERROR_NB, 500],
      ['503 without a body', 'answer?status=503', ERROR_NB, 503],
      ['410 with an HTML page', 'answer?status=410&text=%3Ch1%3ENot%20found%3C%2Fh1%3E', ERROR_NB, 410],
      ['200 with a body that is not JSON', 'answer?status=200&text=%3Chtml%3EOK%3C%2Fhtml%3E', ERROR_NB, 200],
      ['200 with malformed JSON', 'answer?status=200&json=%7B%22message%22%3A', ERROR_NB, 200],
      ['429 with Retry-After in seconds, rounded up to minutes', 'answer?status=429&retry-after=30&json=%7B%7D', 'For mange forsøk. Prøv igjen om 1 minutt.', 429],
      ['429 with Retry-After in minutes', 'answer?status=429&retry-after=600', 'For mange forsøk. Prøv igjen om 10 minutter.', 429],
      ['429 with a Retry-After date', `answer?status=429&retry-after=${encodeURIComponent(new Date(Date.now() + 3 * 3600e3 + 999).toUTCString())}`, 'For mange forsøk. Prøv igjen om 180 minutter.', 429],
      ['429 without Retry-After', 'answer?status=429', 'For mange forsøk.', 429],
      ['a slow endpoint past the timeout', 'answer?status=200&delay=3000', ERROR_NB, 0],
      ['a connection closed before the answer', 'drop', ERROR_NB, 0],
      ['a connection closed halfway through the answer', 'cut', ERROR_NB, 0],
    ];
    for (const [what, route, message, status] of failures) {
      it(`${what}: a clear error and a retry button, with the address and choices kept`, async () => {
        const key = newKey();
        const slow = what.startsWith('a slow');
        const action = `/test-api/signup/${route}${route.includes('?') ? '&' : '?'}key=${key}`;
        const el = await signup(action, `consent-required name-field ${slow ? 'timeout="600"' : ''}`);
        const failed = oneEvent(el, 'fjord-signup-error');
        const started = performance.now();
        await fillAndSubmit(el);
        expect((await failed).detail).to.deep.equal({ status, message });
        if (slow) expect(performance.now() - started).to.be.below(2500);
        await el.updateComplete;
        const { email, name, consent, retry, form, status: live } = ui(el);
        expect(errorText(el)).to.equal(message);
        expect(live.textContent!.trim()).to.equal(message);
        expect(retry.textContent).to.equal('Prøv igjen');
        expect(form.hidden).to.equal(false);
        expect(email.value).to.equal(ADDRESS);
        expect(name.value).to.equal('Ola Nordmann');
        expect(consent.checked).to.equal(true);
        expect(el.shadowRoot!.activeElement).to.equal(ui(el).button);
        expect((await sent(key)).length).to.be.at.least(1);
        await expect(el).to.be.accessible();
      });
    }

    it('409 is shown as success: already subscribed', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}&status=409&json=%7B%7D`, '');
      const succeeded = oneEvent(el, 'fjord-signup-success');
      await fillAndSubmit(el);
      expect((await succeeded).detail).to.deep.equal({ status: 409, message: 'Du er allerede påmeldt.' });
      await el.updateComplete;
      expect(partText(el, 'success')).to.equal('Du er allerede påmeldt.');
      expect(el.shadowRoot!.activeElement).to.equal(ui(el).success);
    });

    it('204 without a body is success with the default thanks', async () => {
      const el = await signup(`/test-api/signup/answer?key=${newKey()}&status=204`, '');
      const succeeded = oneEvent(el, 'fjord-signup-success');
      await fillAndSubmit(el);
      expect((await succeeded).detail).to.deep.equal({ status: 204, message: THANKS_NB });
    });

    it('422 shows the message at the named field and focuses it, keeping the address', async () => {
      const key = newKey();
      const json = encodeURIComponent(JSON.stringify({ message: 'Adressen finnes ikke hos e-posttilbyderen.', field: 'email' }));
      const el = await signup(`/test-api/signup/answer?key=${key}&status=422&json=${json}`);
      const failed = oneEvent(el, 'fjord-signup-error');
      await fillAndSubmit(el);
      expect((await failed).detail).to.deep.equal({ status: 422, message: 'Adressen finnes ikke hos e-posttilbyderen.' });
      await el.updateComplete;
      const { email, error, status, name } = ui(el);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(noteOf(email)!.textContent).to.equal('Adressen finnes ikke hos e-posttilbyderen.');
      expect(el.shadowRoot!.activeElement).to.equal(email);
      expect(status.textContent!.trim()).to.equal('Adressen finnes ikke hos e-posttilbyderen.');
      expect(error.hidden).to.equal(true);
      expect(email.value).to.equal(ADDRESS);
      expect(name.value).to.equal('Ola Nordmann');
      await expect(el).to.be.accessible();
    });

    it('400 for the consent field marks the checkbox; a 422 naming no field shows its message as the error', async () => {
      const consentJson = encodeURIComponent(JSON.stringify({ message: 'Samtykke mangler.', field: 'consent' }));
      const el = await signup(`/test-api/signup/answer?key=${newKey()}&status=400&json=${consentJson}`);
      await fillAndSubmit(el);
      await until(() => ui(el).consent.getAttribute('aria-invalid') === 'true', 3000, 'consent marked');
      expect(noteOf(ui(el).consent)!.textContent).to.equal('Samtykke mangler.');
      expect(el.shadowRoot!.activeElement).to.equal(ui(el).consent);
      expect(ui(el).consent.checked).to.equal(true);

      const plainJson = encodeURIComponent(JSON.stringify({ message: 'Listen finnes ikke.', field: 'list' }));
      const other = await signup(`/test-api/signup/answer?key=${newKey()}&status=422&json=${plainJson}`, '');
      const failed = oneEvent(other, 'fjord-signup-error');
      await fillAndSubmit(other);
      expect((await failed).detail).to.deep.equal({ status: 422, message: 'Listen finnes ikke.' });
      await other.updateComplete;
      expect(errorText(other)).to.equal('Listen finnes ikke.');
    });

    it('retries after a failure with the same body and then succeeds', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/flaky?key=${key}`);
      await fillAndSubmit(el);
      await until(() => !ui(el).error.hidden, 3000, 'error');
      expect(errorText(el)).to.equal(ERROR_NB);
      const succeeded = oneEvent(el, 'fjord-signup-success');
      await click(ui(el).retry);
      expect((await succeeded).detail).to.deep.equal({ status: 200, message: 'Takk! Nå er du påmeldt.' });
      await el.updateComplete;
      expect(partText(el, 'success')).to.equal('Takk! Nå er du påmeldt.');
      expect(ui(el).status.textContent!.trim()).to.equal('Takk! Nå er du påmeldt.');
      expect(el.shadowRoot!.activeElement).to.equal(ui(el).success);
      const log = await sent(key);
      expect(log).to.have.length(2);
      expect(log[1].body).to.equal(log[0].body);
      expect(log[0].body).to.contain('email=ola.nordmann%40eksempel.no&name=Ola+Nordmann&list=klyngenytt&consent=yes');
    });
  });

  it('keeps its contrast in a dark colour scheme, with errors shown', async () => {
    const wrapper = await fixture<HTMLElement>(`
      <div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">
        <fjord-newsletter-signup action="/test-api/signup/answer?key=${newKey()}&status=500" privacy-href="/personvern" consent-required>
          <h2>Meld deg på vårt nyhetsbrev</h2>
        </fjord-newsletter-signup>
      </div>`);
    const el = wrapper.querySelector('fjord-newsletter-signup')!;
    await el.updateComplete;
    ui(el).button.click();
    await el.updateComplete;
    expect(getComputedStyle(noteOf(ui(el).email)!).color).to.equal('rgb(255, 180, 171)');
    await expect(el).to.be.accessible();
    await fillAndSubmit(el);
    await until(() => !ui(el).error.hidden, 3000, 'error');
    await expect(el).to.be.accessible();
  });

  describe('page takes over', () => {
    it('a cancelled submit sends nothing and stays busy until the page calls succeed()', async () => {
      const key = newKey();
      const el = await signup(`/test-api/signup/answer?key=${key}`, '');
      el.addEventListener('fjord-signup-submit', (e) => e.preventDefault());
      await fillAndSubmit(el);
      await settle();
      expect(await sent(key)).to.have.length(0);
      expect(ui(el).button.getAttribute('aria-busy')).to.equal('true');
      const succeeded = oneEvent(el, 'fjord-signup-success');
      el.succeed('Du er påmeldt via vår CRM.');
      expect((await succeeded).detail).to.deep.equal({ status: 0, message: 'Du er påmeldt via vår CRM.' });
      await el.updateComplete;
      expect(partText(el, 'success')).to.equal('Du er påmeldt via vår CRM.');
      expect(el.shadowRoot!.activeElement).to.equal(ui(el).success);
    });

    it('fail() shows the error with a retry button and keeps the address', async () => {
      const el = await signup(`/test-api/signup/answer?key=${newKey()}`, '');
      el.addEventListener('fjord-signup-submit', (e) => e.preventDefault(), { once: true });
      await fillAndSubmit(el);
      const failed = oneEvent(el, 'fjord-signup-error');
      el.fail();
      expect((await failed).detail).to.deep.equal({ status: 0, message: ERROR_NB });
      await el.updateComplete;
      expect(errorText(el)).to.equal(ERROR_NB);
      expect(ui(el).email.value).to.equal(ADDRESS);
      expect(ui(el).button.hasAttribute('aria-busy')).to.equal(false);
      el.fail('CRM-en svarer ikke.');
      await el.updateComplete;
      expect(errorText(el)).to.equal('CRM-en svarer ikke.');
    });
  });

  describe('progressive-enhancement form', () => {
    async function pageForm(action: string, extra = '') {
      const wrapper = await fixture<HTMLElement>(`<div>${pageFormMarkup(action, extra)}</div>`);
      const el = wrapper.querySelector('fjord-newsletter-signup')!;
      await el.updateComplete;
      const form = el.querySelector('form')!;
      return { el, form, email: form.querySelector('input[type=email]') as HTMLInputElement, button: form.querySelector('button')! };
    }

    it('uses the page’s own form and sends its fields plus locale and source', async () => {
      const key = newKey();
      const { el, form, email, button } = await pageForm(`/test-api/signup/form?key=${key}`);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      expect(form.assignedSlot!.name).to.equal('form');
      await expect(el).to.be.accessible();
      await type(email, ADDRESS);
      const succeeded = oneEvent(el, 'fjord-signup-success');
      await click(button);
      expect((await succeeded).detail).to.deep.equal({ status: 200, message: 'Takk for påmeldingen!' });
      const log = await sent(key);
      expect(log).to.have.length(1);
      expect(log[0].type).to.equal('application/x-www-form-urlencoded');
      expect(log[0].body).to.equal(`email=ola.nordmann%40eksempel.no&list=klyngenytt&locale=nb&source=${encodeURIComponent(SOURCE)}`);
      await el.updateComplete;
      expect(form.getBoundingClientRect().height).to.equal(0);
      expect(form.checkVisibility()).to.equal(false);
      expect(partText(el, 'success')).to.equal('Takk for påmeldingen!');
      expect(el.shadowRoot!.activeElement).to.equal(ui(el).success);
      await expect(el).to.be.accessible();
    });

    it('validates the page’s fields with messages tied to them, busy on its button, and sends JSON on request', async () => {
      const key = newKey();
      const { el, email, button } = await pageForm(`/test-api/signup/answer?key=${key}&delay=800`, 'encoding="json"');
      button.focus();
      await sendKeys({ press: 'Enter' });
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      const note = noteOf(email)!;
      expect(note.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
      expect(note.isConnected && el.contains(note)).to.equal(true);
      expect(document.activeElement).to.equal(email);
      await expect(el).to.be.accessible();

      await type(email, 'ola.nordmann@eksempel');
      await sendKeys({ press: 'Enter' });
      expect(note.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
      await type(email, '.no');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(email.hasAttribute('aria-invalid')).to.equal(false);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(document.activeElement).to.equal(button);
      await until(() => !ui(el).success.hidden, 3000, 'success');
      const log = await sent(key);
      expect(log).to.have.length(1);
      expect(log[0].type).to.equal('application/json');
      expect(log[0].body).to.equal(JSON.stringify({ email: ADDRESS, list: 'klyngenytt', locale: 'nb', source: SOURCE }));
    });

    it('keeps the page form’s address after a failure and retries from the error', async () => {
      const key = newKey();
      const { el, email } = await pageForm(`/test-api/signup/flaky?key=${key}`);
      await type(email, ADDRESS);
      await sendKeys({ press: 'Enter' });
      await until(() => !ui(el).error.hidden, 3000, 'error');
      expect(email.value).to.equal(ADDRESS);
      ui(el).retry.click();
      await until(() => !ui(el).success.hidden, 3000, 'success');
      expect(await sent(key)).to.have.length(2);
    });

    it('sends every value of a repeated field, and maps the email field with email-name', async () => {
      const key = newKey();
      const wrapper = await fixture<HTMLElement>(`
        <div><fjord-newsletter-signup email-name="EMAIL" encoding="json">
          <form action="/test-api/signup/answer?key=${key}" method="post">
            <label>E-post <input name="EMAIL"></label>
            <label><input type="checkbox" name="topics" value="havbruk" checked> Havbruk</label>
            <label><input type="checkbox" name="topics" value="industri" checked> Industri</label>
            <label><input type="checkbox" name="consent" value="ja" checked> Jeg vil ha nyhetsbrevet.</label>
            <button>Send</button>
          </form>
        </fjord-newsletter-signup></div>`);
      const el = wrapper.querySelector('fjord-newsletter-signup')!;
      await el.updateComplete;
      const email = el.querySelector('input[name=EMAIL]') as HTMLInputElement;
      email.value = 'kari';
      el.querySelector('button')!.click();
      expect(noteOf(email)!.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
      email.value = 'kari@eksempel.no';
      const submitted = oneEvent(el, 'fjord-signup-submit');
      el.querySelector('button')!.click();
      expect((await submitted).detail).to.deep.equal({
        EMAIL: 'kari@eksempel.no',
        topics: ['havbruk', 'industri'],
        consent: 'ja',
        consent_text: 'Jeg vil ha nyhetsbrevet.',
        locale: 'nb',
        source: SOURCE,
      });
      await until(() => !ui(el).success.hidden, 3000, 'success');
    });
  });

  describe('bad input', () => {
    it('warns about unknown encoding and submit-mode, a bad timeout, an unsafe action and a missing one', async () => {
      const warnings = watchWarnings();
      try {
        const el = await fixture<FjordNewsletterSignup>(`
          <fjord-newsletter-signup action="javascript:alert(1)" encoding="xml" submit-mode="ajax" timeout="soon" consent-required></fjord-newsletter-signup>`);
        const text = warnings.messages.join('\n');
        expect(text).to.contain('<fjord-newsletter-signup>: encoding="xml", submit-mode="ajax" or timeout="NaN" is not form|json, fetch|native, ms > 0.');
        expect(text).to.match(/action="javascript:alert\(1\)" was not used/);
        expect(ui(el).form.hasAttribute('action')).to.equal(false);
        expect(el.shadowRoot!.querySelector('[part=privacy]')).to.equal(null);

        const failed = oneEvent(el, 'fjord-signup-error');
        await fillAndSubmit(el);
        expect((await failed).detail).to.deep.equal({ status: 0, message: ERROR_NB });
        expect(warnings.messages.join('\n')).to.contain('no action: set it to the signup URL.');
      } finally {
        warnings.restore();
      }
    });
  });
});

// The widget as a whole page sees it: the progressive-enhancement form posting natively with JavaScript disabled,
// submit-mode="native" posting with a page load, and the space fjord-elements.css keeps before upgrade. Each page
// runs in an iframe, so a native post navigates the frame and not the test page.
type FrameWindow = Window & typeof globalThis;

/** A page in an iframe: the library's script and stylesheet in its head, `markup` in its body. */
async function page(markup: string, { scripts = true } = {}) {
  const frame = document.createElement('iframe');
  // No allow-scripts: the frame's scripts do not run, as for a reader with JavaScript turned off.
  if (!scripts) frame.setAttribute('sandbox', 'allow-forms allow-same-origin');
  frame.style.cssText = 'width: 640px; height: 600px; border: 0; display: block';
  frame.srcdoc = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Artikkel</title>
    <link rel="stylesheet" href="/src/fjord-elements.css">
    <script type="module" src="/src/newsletter-signup/newsletter-signup.ts"></script>
    <script>document.title = 'scripts ran';</script>
    </head><body style="margin: 0">${markup}</body></html>`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.prepend(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  if (scripts) await until(() => !!win.customElements.get('fjord-newsletter-signup'), 5000, 'the widget in the frame');
  return { frame, win, doc: frame.contentDocument! };
}

const navigation = (frame: HTMLIFrameElement) => new Promise((r) => frame.addEventListener('load', r, { once: true }));

/** The frame followed a native post to the thanks page, and the endpoint got exactly `body`, once, as a plain form post. */
async function expectNativePost(frame: HTMLIFrameElement, key: string, body: string) {
  expect(frame.contentWindow!.location.pathname).to.equal('/test-api/signup/thanks');
  const log = await sent(key);
  expect(log).to.have.length(1);
  expect(log[0].method).to.equal('POST');
  expect(log[0].type).to.equal('application/x-www-form-urlencoded');
  expect(log[0].accept).not.to.contain('application/json');
  expect(log[0].body).to.equal(body);
}

describe('fjord-newsletter-signup on a page', () => {
  describe('with JavaScript disabled', () => {
    it('the progressive-enhancement form posts natively and the page follows the answer', async () => {
      // The same page with scripts on defines the widget: the script is there to be blocked.
      const control = await page(pageFormMarkup('/test-api/signup/form'));
      expect(control.doc.title).to.equal('scripts ran');
      control.frame.remove();

      const key = newKey();
      const { frame, win, doc } = await page(pageFormMarkup(`/test-api/signup/form?key=${key}`), { scripts: false });
      try {
        await settle();
        expect(win.customElements.get('fjord-newsletter-signup')).to.equal(undefined);
        expect(doc.title).to.equal('Artikkel');
        const email = doc.querySelector('input[type=email]') as HTMLInputElement;
        const button = doc.querySelector('button')!;
        expect(email.getBoundingClientRect().height).to.be.above(0);

        // The browser's own validation holds back an empty address.
        await click(button);
        await settle();
        expect(await sent(key)).to.have.length(0);
        expect(frame.contentWindow!.location.href).to.equal('about:srcdoc');

        await type(email, ADDRESS);
        const navigated = navigation(frame);
        await click(button);
        await navigated;
        expect(frame.contentDocument!.querySelector('h1')!.textContent).to.equal('Takk for påmeldingen');
        await expectNativePost(frame, key, 'email=ola.nordmann%40eksempel.no&list=klyngenytt');
      } finally {
        frame.remove();
      }
    });

    it('the attribute form shows its heading and description and reserves no space for a form that will not come', async () => {
      const { frame, doc } = await page(
        `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" privacy-href="/personvern" consent-required>
          <h2 style="margin: 0">Meld deg på vårt nyhetsbrev</h2><p style="margin: 0">${signupStory.text}</p>
        </fjord-newsletter-signup>`,
        { scripts: false },
      );
      try {
        const el = doc.querySelector('fjord-newsletter-signup')!;
        const text = el.querySelector('h2')!.getBoundingClientRect().height + el.querySelector('p')!.getBoundingClientRect().height;
        expect(el.getBoundingClientRect().height).to.be.closeTo(text, 1);
        expect(text).to.be.above(0);
        expect(el.querySelector('h2')!.checkVisibility() && el.querySelector('p')!.checkVisibility()).to.equal(true);
      } finally {
        frame.remove();
      }
    });
  });

  describe('submit-mode="native"', () => {
    it('posts once for repeated presses, and can post again when the reader comes back to the page', async () => {
      const key = newKey();
      const sink = Object.assign(document.createElement('iframe'), { name: 'signup-sink' });
      const blank = navigation(sink);
      document.body.append(sink);
      await blank;
      const markup = pageFormMarkup(`/test-api/signup/form?key=${key}`, 'submit-mode="native"').replace('method="post"', 'method="post" target="signup-sink"');
      const el = (await fixture<HTMLElement>(`<div>${markup}</div>`)).querySelector('fjord-newsletter-signup')!;
      try {
        await el.updateComplete;
        const email = el.querySelector('input[type=email]') as HTMLInputElement;
        const button = el.querySelector('button')!;
        await type(email, ADDRESS);
        const posted = navigation(sink);
        for (let i = 0; i < 5; i++) await click(button);
        await posted;
        await settle();
        expect(await sent(key)).to.have.length(1);
        expect(sink.contentWindow!.location.pathname).to.equal('/test-api/signup/thanks');
        expect(button.getAttribute('aria-busy')).to.equal('true');

        // What the browser fires when Back brings the page out of the back/forward cache.
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        await el.updateComplete;
        expect(button.hasAttribute('aria-busy')).to.equal(false);
        const again = navigation(sink);
        await click(button);
        await again;
        expect(await sent(key)).to.have.length(2);
      } finally {
        sink.remove();
      }
    });

    it('validates the attribute form, then lets it post with a page load under email-name', async () => {
      const key = newKey();
      const { frame, doc } = await page(`
        <fjord-newsletter-signup action="/test-api/signup/form?key=${key}" list="klyngenytt" privacy-href="/personvern" consent-required submit-mode="native" email-name="EMAIL">
          <h2>Meld deg på vårt nyhetsbrev</h2>
        </fjord-newsletter-signup>`);
      try {
        const el = doc.querySelector('fjord-newsletter-signup')!;
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const root = el.shadowRoot!;
        const email = root.querySelector('input[type=email]') as HTMLInputElement;
        const consent = root.querySelector('input[type=checkbox]') as HTMLInputElement;
        expect(email.name).to.equal('EMAIL');

        await type(email, 'ola@');
        await click(root.querySelector('[part=button]')!);
        await settle();
        expect(await sent(key)).to.have.length(0);
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
        expect(root.activeElement).to.equal(email);

        await sendKeys({ type: 'eksempel.no' });
        await click(consent);
        const navigated = navigation(frame);
        await click(root.querySelector('[part=button]')!);
        await navigated;
        await expectNativePost(frame, key, 'EMAIL=ola%40eksempel.no&list=klyngenytt&consent=yes');
      } finally {
        frame.remove();
      }
    });

    it('validates the page’s form, then lets it post; a filled honeypot posts nothing', async () => {
      const key = newKey();
      const { frame, doc } = await page(pageFormMarkup(`/test-api/signup/form?key=${key}`, 'submit-mode="native"') + pageFormMarkup(`/test-api/signup/form?key=${key}-bot`, 'submit-mode="native"'));
      try {
        const [el, bot] = doc.querySelectorAll('fjord-newsletter-signup');
        const email = el.querySelector('input[type=email]') as HTMLInputElement;
        await click(el.querySelector('button')!);
        await settle();
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(doc.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
        expect(doc.activeElement).to.equal(email);

        (bot.querySelector('input[type=email]') as HTMLInputElement).value = 'bot@spam.example';
        (bot.querySelector('input[name=website]') as HTMLInputElement).value = 'https://spam.example';
        await click(bot.querySelector('button')!);
        await until(() => !(bot.shadowRoot!.querySelector('[part=success]') as HTMLElement).hidden, 2000, 'bot success');
        await settle();
        expect(await sent(`${key}-bot`)).to.have.length(0);
        expect(frame.contentWindow!.location.href).to.equal('about:srcdoc');

        await type(email, ADDRESS);
        const navigated = navigation(frame);
        await sendKeys({ press: 'Enter' });
        await navigated;
        await expectNativePost(frame, key, 'email=ola.nordmann%40eksempel.no&list=klyngenytt');
      } finally {
        frame.remove();
      }
    });
  });

  describe('before the script arrives (fjord-elements.css)', () => {
    const intro = `<h2>Meld deg på vårt nyhetsbrev</h2><p>${signupStory.text}</p>`;
    const cases: [string, string][] = [
      ['the plain attribute form', `<fjord-newsletter-signup action="/api/newsletter">${intro}</fjord-newsletter-signup>`],
      ['the attribute form with a name field', `<fjord-newsletter-signup action="/api/newsletter" name-field>${intro}</fjord-newsletter-signup>`],
      ['the canonical attribute form with consent', `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" privacy-href="/personvern" consent-required>${intro}</fjord-newsletter-signup>`],
      ['the attribute form with name and consent but no privacy link', `<fjord-newsletter-signup action="/api/newsletter" name-field consent-required>${intro}</fjord-newsletter-signup>`],
      ['the progressive-enhancement form', pageFormMarkup('/api/newsletter')],
    ];
    for (const [name, markup] of cases) {
      it(`keeps the height of ${name} when it upgrades`, async () => {
        const frame = await stylesheetFrame(`<div style="width: 640px">${markup}</div>`, { width: 700, height: 800 });
        try {
          const before = frame.contentDocument!.querySelector('fjord-newsletter-signup')!.getBoundingClientRect().height;
          const wrapper = await fixture<HTMLElement>(`<div style="width: 640px">${markup}</div>`);
          const el = wrapper.querySelector('fjord-newsletter-signup')!;
          await el.updateComplete;
          expect(el.getBoundingClientRect().height).to.be.closeTo(before, 1);
        } finally {
          frame.remove();
        }
      });
    }
  });
});
