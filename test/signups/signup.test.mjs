import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LIMITS, fixedClock, followLink, readDatabase, request, signup, start, tempDatabase, tokensFor } from './helpers.mjs';
import { MIGRATIONS } from '../../server/migrations.ts';

describe('POST /api/newsletter', () => {
  const db = tempDatabase();
  const clock = fixedClock();
  let server;
  before(async () => {
    server = await start({ database: db.file, now: clock.now, rateLimit: NO_LIMITS });
  });
  after(async () => {
    await server.close();
    db.remove();
  });

  it('takes a urlencoded signup, stores it pending and queues the confirmation mail', async () => {
    const res = await signup(server, {
      email: 'ola.nordmann@example.no',
      name: 'Ola Nordmann',
      list: 'klyngenytt',
      consent: 'yes',
      consent_text: 'Ja, send meg nyhetsbrevet på e-post.',
      locale: 'nb',
      source: 'https://avis.example/sak/ny-klynge',
    });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^application\/json/);
    assert.deepEqual(res.json(), { message: 'Takk! Sjekk e-posten din for å bekrefte påmeldingen.' });

    const { signups, outbox, journal, version } = readDatabase(db.file);
    assert.equal(journal, 'wal');
    assert.equal(version, MIGRATIONS.length);
    const row = signups.find((r) => r.email === 'ola.nordmann@example.no');
    assert.equal(row.status, 'pending');
    assert.equal(row.list, 'klyngenytt');
    assert.equal(row.name, 'Ola Nordmann');
    assert.equal(row.locale, 'nb');
    assert.equal(row.source, 'https://avis.example/sak/ny-klynge');
    assert.equal(row.consent_text, 'Ja, send meg nyhetsbrevet på e-post.');
    assert.equal(row.consent_at, '2030-03-01T09:00:00.000Z');
    assert.equal(row.created_at, '2030-03-01T09:00:00.000Z');
    assert.equal(row.updated_at, '2030-03-01T09:00:00.000Z');
    assert.match(row.ip_hash, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(row).includes('127.0.0.1'), 'the client IP itself is not stored');

    const mail = outbox.find((m) => m.to_address === 'ola.nordmann@example.no');
    assert.equal(mail.subject, 'Bekreft påmeldingen til Klyngenytt');
    assert.match(mail.body, /^Hei!\n/);
    assert.ok(!mail.body.includes('Ola') && !mail.html.includes('Ola'), 'the name the reader typed is stored, not mailed');
    assert.match(mail.body, new RegExp(`${server.url}/api/newsletter/confirm\\?token=[\\w-]{43}\\n`));
    assert.match(mail.body, /Lenken virker i 48 timer/);
    const { confirm } = tokensFor(db.file, 'ola.nordmann@example.no');
    assert.ok(server.logs.some((line) => line.includes(`${server.url}/api/newsletter/confirm?token=${confirm}`)), 'the link is in the log');
    assert.ok(!server.logs.some((line) => line.includes('ola.nordmann@')), 'the log does not spell out the address');
  });

  it('takes a JSON signup (encoding="json") with the page form’s own fields', async () => {
    const res = await signup(
      server,
      { email: 'kari@example.no', list: 'klyngenytt', consent: true, consent_text: 'Eg vil ha Klyngenytt.', locale: 'nn-NO', source: 'https://avis.example/', region: 'Nordland', topics: ['industri', 'havbruk'] },
      { encoding: 'json' },
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { message: 'Takk! Sjekk e-posten din for å stadfeste påmeldinga.' });
    const row = readDatabase(db.file).signups.find((r) => r.email === 'kari@example.no');
    assert.equal(row.locale, 'nn');
    assert.equal(row.consent_text, 'Eg vil ha Klyngenytt.');
    assert.deepEqual(JSON.parse(row.extra), { region: 'Nordland', topics: ['industri', 'havbruk'] });
    assert.equal(tokensFor(db.file, 'kari@example.no').mail.subject, 'Stadfest påmeldinga til Klyngenytt');
  });

  it('keeps repeated urlencoded fields (a group of checkboxes) as a list', async () => {
    const body = 'email=per%40example.no&list=morgenbrevet&topic=a&topic=b';
    const res = await request(`${server.url}/api/newsletter`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body,
    });
    assert.equal(res.status, 200);
    const row = readDatabase(db.file).signups.find((r) => r.email === 'per@example.no');
    assert.deepEqual(JSON.parse(row.extra), { topic: ['a', 'b'] });
    assert.equal(row.consent_text, null, 'a list that asks for no consent records none');
  });

  it('stores the consent sentence of the list when a form consents without sending its text', async () => {
    await signup(server, { email: 'plain@example.no', list: 'klyngenytt', consent: 'on', locale: 'en' });
    const row = readDatabase(db.file).signups.find((r) => r.email === 'plain@example.no');
    assert.equal(row.consent_text, 'I agree that my email address is stored to send me Klyngenytt.');
  });

  it('answers the same address twice with one row, one mail and the same answer', async () => {
    const fields = { email: 'twice@example.no', list: 'morgenbrevet', locale: 'nb' };
    const first = await signup(server, fields);
    const second = await signup(server, { ...fields, email: 'Twice@Example.NO' });
    assert.equal(second.status, first.status);
    assert.equal(second.text, first.text);
    const { signups, outbox } = readDatabase(db.file);
    assert.equal(signups.filter((r) => r.email_key === 'twice@example.no').length, 1);
    assert.equal(outbox.filter((m) => m.to_address.toLowerCase() === 'twice@example.no').length, 1);
  });

  it('gives a new, a pending and a confirmed address the very same answer', async () => {
    const fields = { email: 'enumerate@example.no', list: 'morgenbrevet', locale: 'en' };
    const fresh = await signup(server, fields);
    const pending = await signup(server, fields);
    const { confirm } = tokensFor(db.file, 'enumerate@example.no');
    assert.equal((await followLink(`${server.url}/api/newsletter/confirm?token=${confirm}`)).status, 200);
    const confirmed = await signup(server, fields);
    for (const res of [pending, confirmed]) {
      assert.equal(res.status, fresh.status);
      assert.equal(res.text, fresh.text);
      assert.equal(res.headers['content-type'], fresh.headers['content-type']);
    }
    const row = readDatabase(db.file).signups.find((r) => r.email === 'enumerate@example.no');
    assert.equal(row.status, 'confirmed', 'signing up again leaves a confirmed address confirmed');
  });

  it('sends a pending address a new mail once the last one is older than ten minutes', async () => {
    const fields = { email: 'again@example.no', list: 'morgenbrevet' };
    await signup(server, fields);
    clock.advance(11 * 60_000);
    await signup(server, fields);
    const mails = readDatabase(db.file).outbox.filter((m) => m.to_address === 'again@example.no');
    assert.equal(mails.length, 2);
  });

  it('takes 200 concurrent signups for 100 addresses: exactly 100 rows and no failed request', async () => {
    const addresses = Array.from({ length: 100 }, (_, i) => `load${i}@example.no`);
    const posts = [...addresses, ...addresses].map((email, i) =>
      signup(server, { email, list: 'klyngenytt', consent: 'yes', locale: 'nb' }, { encoding: i % 2 ? 'json' : 'form' }),
    );
    const answers = await Promise.all(posts);
    assert.deepEqual(
      answers.map((r) => r.status),
      answers.map(() => 200),
    );
    const { signups, outbox } = readDatabase(db.file);
    const rows = signups.filter((r) => r.email.startsWith('load'));
    assert.equal(rows.length, 100);
    assert.deepEqual(new Set(rows.map((r) => r.email)), new Set(addresses));
    assert.equal(outbox.filter((m) => m.to_address.startsWith('load')).length, 100);
  });

  describe('refuses', () => {
    const post = (body, headers = {}, options = {}) =>
      request(`${server.url}/api/newsletter`, { method: 'POST', headers: { accept: 'application/json', ...headers }, body, ...options });

    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      it(`${method} with 405 and Allow: POST`, async () => {
        const res = await request(`${server.url}/api/newsletter`, { method, headers: { accept: 'application/json' } });
        assert.equal(res.status, 405);
        assert.equal(res.headers.allow, 'POST');
        assert.equal(res.json().message, 'Denne adressen tar ikke imot slike forespørsler.');
      });
    }

    for (const link of ['confirm', 'unsubscribe']) {
      it(`PUT or DELETE to the ${link} link with 405 and Allow: GET, POST`, async () => {
        for (const method of ['PUT', 'DELETE']) {
          const res = await request(`${server.url}/api/newsletter/${link}?token=x`, { method });
          assert.equal(res.status, 405);
          assert.equal(res.headers.allow, 'GET, POST');
        }
      });
    }

    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', undefined]) {
      it(`a body of type ${type ?? '(none)'} with 415`, async () => {
        const res = await post('email=a@example.no&list=morgenbrevet', type ? { 'content-type': type } : {});
        assert.equal(res.status, 415);
        assert.equal(res.json().message, 'Skjemaet må sendes som et vanlig skjema eller som JSON.');
      });
    }

    it('a body over 8 KB with 413, and takes one of exactly 8 KB', async () => {
      const base = 'email=big%40example.no&list=morgenbrevet&note=';
      const exact = base + 'x'.repeat(8192 - base.length);
      assert.equal(Buffer.byteLength(exact), 8192);
      assert.equal((await post(exact, { 'content-type': 'application/x-www-form-urlencoded' })).status, 200);
      const res = await post(exact + 'x', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(res.status, 413);
      assert.equal(res.json().message, 'Skjemaet er for stort.');
    });

    it('a chunked body over 8 KB (no Content-Length) with 413', async () => {
      const body = JSON.stringify({ email: 'chunked@example.no', list: 'morgenbrevet', note: 'y'.repeat(9000) });
      const res = await post(body, { 'content-type': 'application/json' }, { chunked: true });
      assert.equal(res.status, 413);
      assert.ok(!readDatabase(db.file).signups.some((r) => r.email === 'chunked@example.no'));
    });

    it('JSON that does not parse, or is not an object, with 400', async () => {
      for (const body of ['{"email": "a@example.no",', '["a@example.no"]', 'null']) {
        const res = await post(body, { 'content-type': 'application/json' });
        assert.equal(res.status, 400);
        assert.deepEqual(res.json(), { message: 'Skjemaet kunne ikke leses.' });
      }
    });

    const cases = [
      ['a missing address', { email: undefined }, 'email', 'Skriv inn e-postadressen din.', 'Skriv inn e-postadressa di.', 'Enter your email address.'],
      ['a blank address', { email: '   ' }, 'email', 'Skriv inn e-postadressen din.', 'Skriv inn e-postadressa di.', 'Enter your email address.'],
      ...['ola', 'ola@', '@example.no', 'ola@example', 'ola nordmann@example.no', 'ola@exa mple.no', 'ola@example.', 'ola@@example.no', 'ola@.example.no', 'ola\u0000@example.no',
        // What a mail library reads as another address (a display name, a comment, a list, a quoted part) than the one stored.
        'a<victim@example.no>', '(c)victim@example.no', 'victim@example.no(c)', 'x,victim@example.no', 'x;victim@example.no', '"a b"@example.no', 'a\\b@example.no', 'a:b@example.no', 'a@[127.0.0.1]', 'a\tb@example.no'].map((email) => [
        `a malformed address (${JSON.stringify(email)})`,
        { email },
        'email',
        'Skriv inn en gyldig e-postadresse, som navn@eksempel.no.',
        'Skriv inn ei gyldig e-postadresse, som namn@døme.no.',
        'Enter a valid email address, like name@example.com.',
      ]),
      [
        'an address over 254 characters',
        { email: `${'a'.repeat(64)}@${'b'.repeat(180)}.example.no` },
        'email',
        'E-postadressen er for lang (høyst 254 tegn).',
        'E-postadressa er for lang (høgst 254 teikn).',
        'The email address is too long (254 characters at most).',
      ],
      ['an unknown list', { list: 'ukjent' }, 'list', 'Vi fant ikke dette nyhetsbrevet.', 'Vi fann ikkje dette nyheitsbrevet.', "We couldn't find this newsletter."],
      ['no list', { list: '' }, 'list', 'Vi fant ikke dette nyhetsbrevet.', 'Vi fann ikkje dette nyheitsbrevet.', "We couldn't find this newsletter."],
      ['a list name from Object.prototype', { list: 'constructor' }, 'list', 'Vi fant ikke dette nyhetsbrevet.', 'Vi fann ikkje dette nyheitsbrevet.', "We couldn't find this newsletter."],
      ['missing consent where the list asks for it', { list: 'klyngenytt', consent: '' }, 'consent', 'Du må samtykke for å melde deg på.', 'Du må samtykkje for å melde deg på.', 'Please give your consent to sign up.'],
      ['consent said no', { list: 'klyngenytt', consent: 'false' }, 'consent', 'Du må samtykke for å melde deg på.', 'Du må samtykkje for å melde deg på.', 'Please give your consent to sign up.'],
      ['a name over 200 characters', { name: 'N'.repeat(201) }, 'name', 'Navnet er for langt (høyst 200 tegn).', 'Namnet er for langt (høgst 200 teikn).', 'The name is too long (200 characters at most).'],
      ['a source over 2048 characters', { source: `https://avis.example/${'s'.repeat(2048)}` }, 'source', 'Feltet er for langt.', 'Feltet er for langt.', 'This field is too long.'],
    ];
    const valid = { email: 'valid@example.no', list: 'morgenbrevet' };
    for (const [what, change, field, nb, nn, en] of cases) {
      it(`${what} with 422 { message, field: "${field}" } in nb, nn and en`, async () => {
        for (const [locale, message] of [['nb', nb], ['nn', nn], ['en', en]]) {
          for (const encoding of ['form', 'json']) {
            const res = await signup(server, { ...valid, ...change, locale }, { encoding });
            assert.equal(res.status, 422, `${locale} ${encoding}`);
            assert.deepEqual(res.json(), { message, field });
          }
        }
      });
    }

    it('a field that is not text (JSON) with 422 for that field', async () => {
      const res = await signup(server, { ...valid, name: { first: 'Ola' }, locale: 'en' }, { encoding: 'json' });
      assert.equal(res.status, 422);
      assert.deepEqual(res.json(), { message: 'This field has content we cannot use.', field: 'name' });
      const email = await signup(server, { ...valid, email: ['a@example.no'], locale: 'en' }, { encoding: 'json' });
      assert.deepEqual(email.json(), { message: 'Enter a valid email address, like name@example.com.', field: 'email' });
    });

    it('in the language of Accept-Language when the form sends no locale', async () => {
      const ask = (acceptLanguage) => signup(server, { list: 'morgenbrevet' }, { headers: { 'accept-language': acceptLanguage } });
      assert.equal((await ask('nn-NO,nb;q=0.9,en;q=0.5')).json().message, 'Skriv inn e-postadressa di.');
      assert.equal((await ask('en-GB,en;q=0.9')).json().message, 'Enter your email address.');
      assert.equal((await ask('de-DE,nb;q=0.3')).json().message, 'Enter your email address.', 'another language → English');
      assert.equal((await ask('en;q=0.4, nn;q=0.8')).json().message, 'Skriv inn e-postadressa di.', 'by weight, not order');
      assert.equal((await ask('')).json().message, 'Skriv inn e-postadressen din.', 'none → nb');
    });

    it('and stores nothing for a refused signup', async () => {
      const rows = readDatabase(db.file).signups;
      assert.ok(!rows.some((r) => r.email === 'valid@example.no'));
    });
  });

  describe('a form posted without JavaScript (Accept without application/json)', () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const native = (fields, headers) => signup(server, fields, { accept: browserAccept, headers });

    it('goes back to the same-origin page with ?signup=ok (303)', async () => {
      const res = await native({ email: 'native@example.no', list: 'morgenbrevet' }, { referer: `${server.url}/demo/?lang=nn#signup` });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `${server.url}/demo/?lang=nn&signup=ok`);
      const row = readDatabase(db.file).signups.find((r) => r.email === 'native@example.no');
      assert.equal(row.source, `${server.url}/demo/`, 'the page it came from stands in for source');
    });

    it('goes back with ?signup=error (303) when the signup is refused, replacing an earlier outcome', async () => {
      const res = await native({ email: 'not-an-address', list: 'morgenbrevet' }, { referer: `${server.url}/demo/?signup=ok` });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `${server.url}/demo/?signup=error`);
    });

    it('answers a page instead when the referer is another origin, or missing', async () => {
      for (const referer of ['https://evil.example/phish', undefined, 'not a url', 'javascript:alert(1)']) {
        const res = await native({ email: 'elsewhere@example.no', list: 'morgenbrevet', locale: 'en' }, referer ? { referer } : {});
        assert.equal(res.status, 200);
        assert.equal(res.headers.location, undefined);
        assert.match(res.headers['content-type'], /^text\/html/);
        assert.match(res.text, /<html lang="en">/);
        assert.match(res.text, /Thanks! Check your email to confirm your signup\./);
      }
      const refused = await native({ email: 'nope', list: 'morgenbrevet', locale: 'nb' });
      assert.equal(refused.status, 422);
      assert.match(refused.text, /<h1>Påmeldingen gikk ikke gjennom<\/h1>/);
    });

    it('never redirects off the site, even for a referer path that starts with //', async () => {
      const res = await native({ email: 'slashes@example.no', list: 'morgenbrevet' }, { referer: `${server.url}//evil.example/x` });
      assert.equal(res.status, 303);
      assert.equal(new URL(res.headers.location).origin, server.url);
    });
  });

  it('stores an injection attempt in every field verbatim, and it stays harmless', async () => {
    const sql = "'); DROP TABLE signups; --";
    const script = '<script>alert(1)</script>';
    const email = `o'brien&co--@example.no`;
    const fields = {
      email,
      name: `${sql} ${script}`,
      list: 'klyngenytt',
      consent: 'yes',
      consent_text: `<b onmouseover=alert(1)>ja</b> ${sql}`,
      locale: `nb'; DROP TABLE signups; --`,
      source: `https://avis.example/"><script>alert(2)</script>?x=' OR '1'='1`,
      [`${script}${sql}`]: `=HYPERLINK("https://evil.example") ${sql}`,
    };
    const res = await signup(server, fields, { encoding: 'json' });
    assert.equal(res.status, 200);
    const { signups } = readDatabase(db.file);
    const row = signups.find((r) => r.email === email);
    assert.ok(row, 'the address is stored as typed');
    assert.equal(row.name, fields.name);
    assert.equal(row.consent_text, fields.consent_text);
    assert.equal(row.source, fields.source);
    assert.equal(row.locale, 'nb', 'locale is not a language tag: the reader’s language is used');
    assert.deepEqual(JSON.parse(row.extra), { [`${script}${sql}`]: fields[`${script}${sql}`] });
    assert.ok(signups.length > 100, 'the table is still there, with every row');

    // An injection in `list` or `locale` of an urlencoded post is refused or ignored, and changes nothing.
    const list = await signup(server, { email: 'list@example.no', list: `klyngenytt' OR '1'='1` });
    assert.deepEqual(list.json(), { message: 'Vi fant ikke dette nyhetsbrevet.', field: 'list' });

    // The confirmation page shows the address escaped.
    const { confirm } = tokensFor(db.file, email);
    const page = await followLink(`${server.url}/api/newsletter/confirm?token=${confirm}`);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('o&#39;brien&amp;co--@example.no'));
    assert.equal(readDatabase(db.file).signups.find((r) => r.email === email).status, 'confirmed');
  });
  describe('form fields named after what an object inherits', () => {
    const post = (body, type = 'application/x-www-form-urlencoded') =>
      request(`${server.url}/api/newsletter`, { method: 'POST', headers: { accept: 'application/json', 'content-type': type }, body });
    const stored = (email) => readDatabase(db.file).signups.find((r) => r.email === email);

    it('stores __proto__, constructor, valueOf, toString and hasOwnProperty as fields like any other (urlencoded)', async () => {
      const res = await post('email=proto%40example.no&list=morgenbrevet&valueOf=b&constructor=x&__proto__=p&toString=t&hasOwnProperty=h&__proto__=q');
      assert.equal(res.status, 200, res.text);
      const extra = JSON.parse(stored('proto@example.no').extra);
      assert.deepEqual(Object.entries(extra), [['valueOf', 'b'], ['constructor', 'x'], ['__proto__', ['p', 'q']], ['toString', 't'], ['hasOwnProperty', 'h']]);
      assert.equal(Object.getPrototypeOf(extra), Object.prototype, 'JSON.parse made __proto__ an own field');
    });

    it('stores them verbatim from JSON too, and takes no known field from a __proto__ object', async () => {
      const res = await post('{"list":"morgenbrevet","email":"proto-json@example.no","__proto__":{"name":"x"},"constructor":{"prototype":{"list":"x"}},"valueOf":"b"}', 'application/json');
      assert.equal(res.status, 200, res.text);
      const row = stored('proto-json@example.no');
      assert.equal(row.name, null, 'no known field read through the prototype');
      assert.deepEqual(Object.entries(JSON.parse(row.extra)), [['__proto__', { name: 'x' }], ['constructor', { prototype: { list: 'x' } }], ['valueOf', 'b']]);
      const noList = await post('{"email":"proto-nolist@example.no","__proto__":{"list":"morgenbrevet"}}', 'application/json');
      assert.equal(noList.status, 422, 'the list is not read through the prototype');
      assert.equal(noList.json().field, 'list');
      assert.equal({}.list, undefined, 'Object.prototype is untouched');
    });

    it('refuses a repeated known field (two addresses, two lists) with 422 for that field', async () => {
      for (const [body, field] of [
        ['email=a%40example.no&email=b%40example.no&list=morgenbrevet', 'email'],
        ['email=twolists%40example.no&list=morgenbrevet&list=klyngenytt', 'list'],
      ]) {
        const res = await post(body);
        assert.equal(res.status, 422, body);
        assert.equal(res.json().field, field);
      }
      assert.equal(stored('twolists@example.no'), undefined);
    });

    it('takes 100 fields and refuses more with 422 (the 8 KB body holds thousands), quickly', async () => {
      const fields = (n) => Array.from({ length: n }, (_, i) => `f${i}=1`).join('&');
      const hundred = await post(`email=hundred%40example.no&list=morgenbrevet&${fields(98)}`);
      assert.equal(hundred.status, 200);
      assert.equal(Object.keys(JSON.parse(stored('hundred@example.no').extra)).length, 98);
      const more = await post(`email=more%40example.no&list=morgenbrevet&${fields(99)}`);
      assert.equal(more.status, 422);
      assert.deepEqual(more.json(), { message: 'Skjemaet har for mange felt.' });
      const started = performance.now();
      const huge = await post(`email=huge%40example.no&list=morgenbrevet&${'a=&'.repeat(2700)}`.slice(0, 8192));
      assert.equal(huge.status, 200, 'one field repeated 2,700 times is one field, a list');
      const distinct = await post(`email=distinct%40example.no&list=morgenbrevet&${fields(1500)}`.slice(0, 8192));
      assert.equal(distinct.status, 422);
      assert.ok(performance.now() - started < 2_000, 'answered in well under the request budget');
      assert.equal(stored('more@example.no'), undefined);
      assert.equal(stored('distinct@example.no'), undefined);
    });
  });
});
