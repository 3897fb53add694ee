import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../scripts/find-browser.mjs';
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const root = '/work/main';
const out = process.argv[2];
const T = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.jpg': 'image/jpeg' };
const server = createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  const f = p.startsWith('/bench-out/') ? join(out, p.slice(11)) : join(root, p);
  if (!existsSync(f) || !statSync(f).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': T[extname(f)] ?? 'application/octet-stream' });
  createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: findChromium(), args: [...chromiumArgs, '--js-flags=--expose-gc'] });
const cases = [['static', ''], ['static', '.teaser{container-type:normal}'], ['minimal', ''], ['minimal', 'bench-minimal-card{container-type:normal}'], ['fjord', ''], ['fjord', 'fjord-article-card{container-type:normal}'], ['shoelace', '']];
const pages = [];
for (const [name, css] of cases) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${base}/bench/${name}.html`);
  await page.waitForFunction(() => window.bench);
  await page.evaluate(() => bench.ready());
  if (css) await page.addStyleTag({ content: css });
  pages.push({ name: name + (css ? ' -ct' : ''), page, runs: [] });
}
for (let r = 0; r < 14; r++) for (const p of (r % 2 ? [...pages].reverse() : pages)) { await p.page.bringToFront(); const x = await p.page.evaluate(() => bench.run()); if (r >= 2) p.runs.push(x); }
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const p of pages) console.log(p.name.padEnd(14), ['total', 'insert', 'render', 'layout'].map((k) => k + ' ' + med(p.runs.map((x) => x[k])).toFixed(1)).join('  '));
await browser.close(); server.close();
