/**
 * `npm run test:consumer`: uses the package the way an npm user does. `npm pack` → install the tarball into a
 * fresh Vite + TypeScript project in a temporary folder → `import 'fjord-elements/photo.js'` compiles with `tsc`
 * (tag map, typed properties, React JSX types from `fjord-elements/react`) → `vite build` → the page renders in
 * Chromium with <fjord-photo> upgraded and no other widget defined; `fjord-elements/ssr.js` renders in Node;
 * `fjord-elements/server` imports, and `npx fjord-signups` sends a confirmation mail (to an SMTP server started here,
 * on ports 7140-7141 when free) whose link confirms. This proves the `exports` map, the `files`
 * list, the types and the `sideEffects` list. It runs `npm run build` first (`--no-build` skips that). The project's
 * dependencies are the versions this repository uses, installed with --prefer-offline from the npm cache.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import puppeteer from 'puppeteer-core';
import { SMTPServer } from 'smtp-server';
import { chromiumArgs, findChromium } from '../system/find-browser.mjs';
import { freePort } from '../system/free-port.mjs';

const root = resolve(import.meta.dirname, '../..');
const started = performance.now();
const step = (what) => console.log(`consumer: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const npm = (args, cwd) => {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

if (!process.argv.includes('--no-build')) {
  npm(['run', 'build'], root);
  step('npm run build');
}
for (const file of ['dist/npm/photo/photo.js', 'dist/npm/react.d.ts', 'dist/cdn/autoloader.js', 'dist/custom-elements.json']) {
  if (!existsSync(join(root, file))) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'fjord-consumer-'));
let failed = false;
try {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root));
  step(`packed ${filename}`);

  const app = join(dir, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  mkdirSync(join(app, 'public'), { recursive: true });
  const files = {
    'package.json': JSON.stringify(
      {
        name: 'fjord-consumer',
        private: true,
        type: 'module',
        devDependencies: {
          'fjord-elements': `file:../${filename}`,
          vite: versionOf('vite'),
          typescript: versionOf('typescript'),
          '@types/react': versionOf('@types/react'),
          '@lit-labs/ssr': versionOf('@lit-labs/ssr'),
          // The signup service's optional peers: nodemailer from the registry, and this repository's better-sqlite3,
          // whose native addon is already built (the install here runs no scripts).
          nodemailer: versionOf('nodemailer'),
          'better-sqlite3': `file:${join(root, 'node_modules/better-sqlite3')}`,
        },
      },
      null,
      2,
    ),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    }),
    'index.html': `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fjord-elements consumer</title></head>
<body>
  <fjord-photo src="/photo.svg" alt="Et tomt bilde" width="1600" height="900" caption="Havbruk er en del av klyngen." credit="Kent Erik Sjursen"></fjord-photo>
  <fjord-fact-box heading="Fakta">Ikke importert: forblir udefinert.</fjord-fact-box>
  <script type="module" src="/src/main.ts"></script>
</body>
</html>
`,
    'public/photo.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#0b55a3"/></svg>\n`,
    // What an app writes: a per-widget import, the stylesheet, typed DOM access.
    'src/main.ts': `import 'fjord-elements/photo.js';
import 'fjord-elements/fjord-elements.css';
import type { FjordPhoto } from 'fjord-elements/photo.js';

const photo: FjordPhoto = document.querySelector('fjord-photo')!;
photo.zoomable = true;
// @ts-expect-error zoomable is a boolean
photo.zoomable = 'yes';
(window as unknown as { consumerReady: boolean }).consumerReady = true;
`,
    // Type-checked only: the sanitizer presets with a page's own configuration.
    'src/sanitize-types.ts': `import { allowlist, forDOMPurify, forSanitizeHtml } from 'fjord-elements/sanitize.js';

forDOMPurify({ FORBID_TAGS: ['form'] }).FORBID_TAGS satisfies string[];
const options = { allowedTags: ['p'], allowedAttributes: {}, allowedSchemes: ['https'], allowedSchemesAppliedToAttributes: ['href'], selfClosing: ['br'] };
forSanitizeHtml({ ...options, parser: { lowerCaseTags: true } }).parser.lowerCaseTags satisfies boolean;
allowlist.urlAttributes['fjord-photo'] satisfies string[];
`,
    // Type-checked only: React 19 JSX with the generated IntrinsicElements and typed events.
    'src/react-types.tsx': `import type {} from 'fjord-elements/react';
import type { FjordSignupResult } from 'fjord-elements';

export const story = (
  <>
    <fjord-photo src="act.jpg" alt="Tre kvinner" credit="Kent Erik Sjursen" credit-label="Bilde" zoomable class="lead" />
    <fjord-fact-box heading="Fakta om ACT" open onfjord-fact-box-toggle={(e) => e.detail.open satisfies boolean}>
      <p>Fakta</p>
    </fjord-fact-box>
    <fjord-cluster-badge name="Arctic Cluster Team" level="arena-pro" now={new Date()} />
    <fjord-newsletter-signup action="/signup" consent-required onfjord-signup-success={(e) => e.detail satisfies FjordSignupResult} />
    {/* @ts-expect-error zoomable is a boolean */}
    <fjord-photo zoomable="yes" />
    {/* @ts-expect-error open is a boolean */}
    <fjord-fact-box open={1} />
    {/* @ts-expect-error the toggle event's detail has no 'closed' */}
    <fjord-fact-box onfjord-fact-box-toggle={(e) => e.detail.closed} />
  </>
);
`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text);

  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
  step('installed the tarball, vite, typescript, @types/react and @lit-labs/ssr');

  const pkgDir = join(app, 'node_modules/fjord-elements');
  for (const file of [
    'dist/cdn/fjord-elements.js',
    'dist/cdn/fjord-elements.js.sri',
    'dist/cdn/autoloader.js',
    'dist/custom-elements.json',
    'dist/web-types.json',
    'dist/vscode.html-custom-data.json',
    'dist/vscode.css-custom-data.json',
    'dist/npm/react.d.ts',
  ]) {
    if (!existsSync(join(pkgDir, file))) throw new Error(`the package lacks ${file}`);
  }
  const installed = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  for (const field of ['customElements', 'web-types']) {
    if (!existsSync(join(pkgDir, installed[field]))) throw new Error(`package.json "${field}" points at a missing file`);
  }
  // The exports map from Node's side: every subpath the README names resolves.
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `for (const s of ['fjord-elements/photo.js', 'fjord-elements/fact-box.js', 'fjord-elements/autoloader.js', 'fjord-elements/custom-elements.json', 'fjord-elements/web-types.json', 'fjord-elements/cdn/fjord-elements.js', 'fjord-elements/fjord-elements.css', 'fjord-elements/sanitize.js', 'fjord-elements/allowlist.json']) import.meta.resolve(s);
const { allowlist } = await import('fjord-elements/sanitize.js');
const { default: json } = await import('fjord-elements/allowlist.json', { with: { type: 'json' } });
if (JSON.stringify(allowlist) !== JSON.stringify(json) || !allowlist.tags.includes('fjord-photo')) throw new Error('fjord-elements/sanitize.js and allowlist.json differ');`,
    ],
    { cwd: app, stdio: 'inherit' },
  );

  // Server rendering from the package, in plain Node.
  const ssr = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { renderFragment } from 'fjord-elements/ssr.js'; process.stdout.write(renderFragment('<fjord-photo src="a.jpg" alt="" credit="Ola"></fjord-photo>', { lang: 'nb' }));`,
    ],
    { cwd: app, encoding: 'utf8' },
  );
  if (!/<template [^>]*shadowrootmode="open">[\s\S]*Foto[\s\S]*Ola/.test(ssr)) throw new Error(`fjord-elements/ssr.js rendered no shadow root:\n${ssr.slice(0, 400)}`);
  step('fjord-elements/ssr.js renders a widget with its shadow root in Node');

  await signupService(app);
  step('fjord-elements/server imports in Node; npx fjord-signups sent a confirmation mail over SMTP whose link confirmed');

  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { cwd: app, stdio: 'inherit' });
  step('tsc: per-widget import, tag map and React JSX types compile');

  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
  step('vite build');

  const dist = join(app, 'dist');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = join(dist, new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    if (!path.startsWith(dist) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction('window.consumerReady === true', { timeout: 10000 });
    const seen = await page.evaluate(async () => {
      const photo = document.querySelector('fjord-photo');
      await photo.updateComplete;
      const q = (part) => photo.shadowRoot.querySelector(`[part~=${part}]`);
      return {
        credit: q('credit').textContent.replace(/\s+/g, ' ').trim(),
        zoom: !q('zoom').hidden,
        height: Math.round(photo.getBoundingClientRect().height),
        factBox: Boolean(customElements.get('fjord-fact-box')),
      };
    });
    const expected = { credit: 'Foto: Kent Erik Sjursen', zoom: true, factBox: false };
    for (const [key, value] of Object.entries(expected)) {
      if (seen[key] !== value) throw new Error(`in Chromium, ${key} is ${JSON.stringify(seen[key])}, expected ${JSON.stringify(value)}`);
    }
    if (!(seen.height > 100)) throw new Error(`<fjord-photo> is ${seen.height}px high: it did not render`);
    if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  } finally {
    await browser.close();
    server.close();
  }
  step('Chromium rendered <fjord-photo> from the installed package');
} catch (error) {
  failed = true;
  console.error(`consumer: ${error.message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
/**
 * The signup service from the installed package: `fjord-elements/server` exports its API, and `npx fjord-signups`
 * with FJORD_SMTP_URL pointing at an SMTP server started here delivers a confirmation mail whose link confirms.
 */
async function signupService(app) {
  const api = execFileSync(process.execPath, ['--input-type=module', '-e', `import * as s from 'fjord-elements/server'; process.stdout.write(Object.keys(s).join(' '))`], { cwd: app, encoding: 'utf8' });
  for (const name of ['createSignupHandler', 'startServer', 'signupServer']) {
    if (!api.split(' ').includes(name)) throw new Error(`fjord-elements/server does not export ${name} (it exports: ${api})`);
  }
  const [httpPort, smtpPort] = [await freePort(7140), await freePort(7141)];
  const mails = [];
  const smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 100,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => (mails.push(mail), callback()), callback);
    },
  });
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  const env = {
    ...process.env,
    PORT: String(httpPort),
    HOST: '127.0.0.1',
    FJORD_SIGNUPS_DATABASE: join(app, '.data/signups.sqlite'),
    FJORD_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    FJORD_MAIL_FROM: 'Fjordavisa <nyhetsbrev@fjordavisa.example>',
    FJORD_PUBLIC_URL: '',
  };
  const child = spawn('npx', ['--no-install', 'fjord-signups'], { cwd: app, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const waitFor = async (what, ok, ms = 30_000) => {
    for (const until = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`npx fjord-signups: no ${what}:\n${output}`);
    }
  };
  try {
    await waitFor('start', () => output.includes('Signup endpoint on'));
    const res = await fetch(`http://127.0.0.1:${httpPort}/api/newsletter`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=consumer%40example.no&list=morgenbrevet&locale=en',
    });
    if (res.status !== 200) throw new Error(`the signup answered ${res.status}: ${await res.text()}`);
    await waitFor('mail', () => mails.length > 0);
    const link = new RegExp(`http://127\\.0\\.0\\.1:${httpPort}/api/newsletter/confirm\\?token=[\\w-]{43}`).exec(mails[0].text)?.[0];
    if (!link || !mails[0].html?.includes(link)) throw new Error(`the mail has no confirmation link in both parts:\n${mails[0].text}`);
    // The link opens a page that asks; its button posts to the same link, and that confirms.
    const ask = await fetch(link);
    const action = /<form method="post" action="([^"]+)">/.exec(await ask.text())?.[1];
    if (ask.status !== 200 || !action) throw new Error(`the link's page answered ${ask.status} without a form`);
    const page = await fetch(new URL(action.replaceAll('&amp;', '&'), link), { method: 'POST' });
    const text = await page.text();
    if (page.status !== 200 || !text.includes('consumer@example.no will now receive The Morning Letter.')) throw new Error(`the link answered ${page.status}:\n${text}`);
    const list = execFileSync('npx', ['--no-install', 'fjord-signups', 'list', '--csv'], { cwd: app, env, encoding: 'utf8' });
    if (!/^1,consumer@example\.no,morgenbrevet,confirmed,/m.test(list)) throw new Error(`fjord-signups list does not show the confirmed signup:\n${list}`);
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => smtp.close(resolve));
  }
}

/** `preferred` when it is free, else a port the system picks. */

console.log(`consumer test: ${failed ? '0 passed, 1 failed' : '1 passed, 0 failed'}`);
process.exit(failed ? 1 : 0);
