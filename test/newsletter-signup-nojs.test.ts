// <fjord-newsletter-signup> as a whole page sees it: the progressive-enhancement form posting natively with
// JavaScript disabled, submit-mode="native" posting with a page load, and the space fjord-elements.css keeps
// before upgrade. Each page runs in an iframe, so a native post navigates the frame and not the test page.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/newsletter-signup/newsletter-signup.js';
import { until } from './support/helpers.js';

interface Sent {
  method: string;
  type: string;
  accept: string;
  body: string;
}

const ADDRESS = 'ola.nordmann@eksempel.no';
let keys = 0;
const newKey = () => `n${Date.now().toString(36)}-${++keys}`;
const sent = async (key: string): Promise<Sent[]> => (await fetch(`/test-api/signup/log?key=${key}`)).json();
const settle = () => new Promise((r) => setTimeout(r, 400));

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

/** Clicks an element inside the frame with the real mouse. */
async function click(frame: HTMLIFrameElement, target: Element) {
  const outer = frame.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(outer.x + box.x + box.width / 2), Math.round(outer.y + box.y + box.height / 2)] });
}

/** Clicks a field inside the frame and types into it; a repeated key is sent in its own run (WebKit's WebDriver merges them). */
async function type(frame: HTMLIFrameElement, field: HTMLInputElement, text: string) {
  await click(frame, field);
  const runs = [''];
  for (const char of text) {
    if (runs[runs.length - 1].endsWith(char)) runs.push('');
    runs[runs.length - 1] += char;
  }
  for (const run of runs) await sendKeys({ type: run });
}

const pageForm = (action: string, attrs = '') => `
  <fjord-newsletter-signup ${attrs}>
    <form action="${action}" method="post">
      <label>E-post <input type="email" name="email" required autocomplete="email"></label>
      <input type="hidden" name="list" value="klyngenytt">
      <button>Meld meg på</button>
    </form>
  </fjord-newsletter-signup>`;

describe('fjord-newsletter-signup on a page', () => {
  before(() => document.documentElement.setAttribute('lang', 'nb'));

  describe('with JavaScript disabled', () => {
    it('the progressive-enhancement form posts natively and the page follows the answer', async () => {
      // The same page with scripts on defines the widget: the script is there to be blocked.
      const control = await page(pageForm('/test-api/signup/form'));
      expect(control.doc.title).to.equal('scripts ran');
      control.frame.remove();

      const key = newKey();
      const { frame, win, doc } = await page(pageForm(`/test-api/signup/form?key=${key}`), { scripts: false });
      try {
        await settle();
        expect(win.customElements.get('fjord-newsletter-signup')).to.equal(undefined);
        expect(doc.title).to.equal('Artikkel');
        const email = doc.querySelector('input[type=email]') as HTMLInputElement;
        const button = doc.querySelector('button')!;
        expect(email.getBoundingClientRect().height).to.be.above(0);

        // The browser's own validation holds back an empty address.
        await click(frame, button);
        await settle();
        expect(await sent(key)).to.have.length(0);
        expect(frame.contentWindow!.location.href).to.equal('about:srcdoc');

        await type(frame, email, ADDRESS);
        const navigated = navigation(frame);
        await click(frame, button);
        await navigated;
        expect(frame.contentWindow!.location.pathname).to.equal('/test-api/signup/thanks');
        expect(frame.contentDocument!.querySelector('h1')!.textContent).to.equal('Takk for påmeldingen');
        const log = await sent(key);
        expect(log).to.have.length(1);
        expect(log[0].method).to.equal('POST');
        expect(log[0].type).to.equal('application/x-www-form-urlencoded');
        expect(log[0].accept).not.to.contain('application/json');
        expect(log[0].body).to.equal('email=ola.nordmann%40eksempel.no&list=klyngenytt');
      } finally {
        frame.remove();
      }
    });

    it('the attribute form shows its heading and description and reserves no space for a form that will not come', async () => {
      const { frame, doc } = await page(
        `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" privacy-href="/personvern" consent-required>
          <h2 style="margin: 0">Meld deg på vårt nyhetsbrev</h2><p style="margin: 0">Nyheter fra klyngene i nord, én gang i uka.</p>
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

        await type(frame, email, 'ola@');
        await click(frame, root.querySelector('[part=button]')!);
        await settle();
        expect(await sent(key)).to.have.length(0);
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
        expect(root.activeElement).to.equal(email);

        await sendKeys({ type: 'eksempel.no' });
        await click(frame, consent);
        const navigated = navigation(frame);
        await click(frame, root.querySelector('[part=button]')!);
        await navigated;
        expect(frame.contentWindow!.location.pathname).to.equal('/test-api/signup/thanks');
        const log = await sent(key);
        expect(log).to.have.length(1);
        expect(log[0].type).to.equal('application/x-www-form-urlencoded');
        expect(log[0].accept).not.to.contain('application/json');
        expect(log[0].body).to.equal('EMAIL=ola%40eksempel.no&list=klyngenytt&consent=yes');
      } finally {
        frame.remove();
      }
    });

    it('validates the page’s form, then lets it post; a filled honeypot posts nothing', async () => {
      const key = newKey();
      const { frame, doc } = await page(pageForm(`/test-api/signup/form?key=${key}`, 'submit-mode="native"') + pageForm(`/test-api/signup/form?key=${key}-bot`, 'submit-mode="native"'));
      try {
        const [el, bot] = doc.querySelectorAll('fjord-newsletter-signup');
        const email = el.querySelector('input[type=email]') as HTMLInputElement;
        await click(frame, el.querySelector('button')!);
        await settle();
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(doc.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Skriv e-postadressen din, som navn@eksempel.no.');
        expect(doc.activeElement).to.equal(email);

        (bot.querySelector('input[type=email]') as HTMLInputElement).value = 'bot@spam.example';
        (bot.querySelector('input[name=website]') as HTMLInputElement).value = 'https://spam.example';
        await click(frame, bot.querySelector('button')!);
        await until(() => !(bot.shadowRoot!.querySelector('[part=success]') as HTMLElement).hidden, 2000, 'bot success');
        await settle();
        expect(await sent(`${key}-bot`)).to.have.length(0);
        expect(frame.contentWindow!.location.href).to.equal('about:srcdoc');

        await type(frame, email, ADDRESS);
        const navigated = navigation(frame);
        await sendKeys({ press: 'Enter' });
        await navigated;
        expect(frame.contentWindow!.location.pathname).to.equal('/test-api/signup/thanks');
        const log = await sent(key);
        expect(log).to.have.length(1);
        expect(log[0].body).to.equal('email=ola.nordmann%40eksempel.no&list=klyngenytt');
      } finally {
        frame.remove();
      }
    });
  });

  describe('before the script arrives (fjord-elements.css)', () => {
    const intro = '<h2>Meld deg på vårt nyhetsbrev</h2><p>Nyheter fra klyngene i nord, én gang i uka.</p>';
    const cases: [string, string][] = [
      ['the plain attribute form', `<fjord-newsletter-signup action="/api/newsletter">${intro}</fjord-newsletter-signup>`],
      ['the attribute form with a name field', `<fjord-newsletter-signup action="/api/newsletter" name-field>${intro}</fjord-newsletter-signup>`],
      ['the canonical attribute form with consent', `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" privacy-href="/personvern" consent-required>${intro}</fjord-newsletter-signup>`],
      ['the attribute form with name and consent but no privacy link', `<fjord-newsletter-signup action="/api/newsletter" name-field consent-required>${intro}</fjord-newsletter-signup>`],
      ['the progressive-enhancement form', pageForm('/api/newsletter')],
    ];
    for (const [name, markup] of cases) {
      it(`keeps the height of ${name} when it upgrades`, async () => {
        const frame = document.createElement('iframe');
        frame.style.cssText = 'width: 700px; height: 800px; border: 0';
        frame.srcdoc = `<!doctype html><html lang="nb"><head><link rel="stylesheet" href="/src/fjord-elements.css"></head><body style="margin: 0"><div style="width: 640px">${markup}</div></body></html>`;
        const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
        document.body.append(frame);
        await loaded;
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
