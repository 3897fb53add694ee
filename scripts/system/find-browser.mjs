import { existsSync, readdirSync } from 'node:fs';

const first = (paths) => paths.find((path) => path && existsSync(path));

/** Chromium or Chrome on this machine: CHROME_PATH, else Debian's chromium, else Google Chrome. */
export function findChromium() {
  return first([
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ]);
}

/** Firefox ESR (Debian's firefox-esr) or Firefox: FIREFOX_PATH first. */
export function findFirefox() {
  return first([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox']);
}

/** WebKitGTK's WebDriver and its MiniBrowser (Debian's webkit2gtk-driver), plus xvfb-run to give it a display. */
export function findWebKit() {
  const driver = first([process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver']);
  const libs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'].filter(existsSync);
  const miniBrowser = first([
    process.env.WEBKIT_MINIBROWSER_PATH,
    ...libs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.startsWith('webkit2gtk-'))
        .map((name) => `${dir}/${name}/MiniBrowser`),
    ),
  ]);
  const xvfbRun = first(['/usr/bin/xvfb-run']);
  return driver && miniBrowser && xvfbRun ? { driver, miniBrowser, xvfbRun } : undefined;
}

/** Debian packages that provide each engine. */
export const debianPackages = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb'],
};

export const engines = {
  chromium: () => findChromium(),
  firefox: () => findFirefox(),
  webkit: () => findWebKit(),
};

/** Flags for headless Chromium here: root needs --no-sandbox; the closed network wants no background traffic. */
export const chromiumArgs = [
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
