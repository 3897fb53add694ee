/**
 * Puppeteer (pulled in by @web/test-runner-puppeteer to drive Firefox) would download a browser build of its own at
 * `npm install`. The tests drive the system's Chromium, Firefox ESR and WebKitGTK instead, so it downloads nothing.
 */
module.exports = { skipDownload: true };
