/**
 * `npm run demo:images`: draws the demo's photos as SVG scenes and renders them to JPEG and WebP with
 * headless Chromium, so the demo uses no pictures from the web. Output: demo/assets/<name>-<width>.{jpg,webp}.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../system/find-browser.mjs';

const out = resolve(import.meta.dirname, '../../demo/assets');
mkdirSync(out, { recursive: true });

const sky = (top, bottom) => `
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#33566e"/><stop offset="1" stop-color="#1b3347"/></linearGradient></defs>
  <rect width="1600" height="1067" fill="url(#sky)"/>`;

const mountains = `
  <path d="M0 560 L180 380 L300 470 L470 300 L640 480 L820 350 L1010 500 L1200 330 L1390 470 L1600 380 L1600 700 L0 700Z" fill="#5d7387"/>
  <path d="M470 300 L520 350 L500 360 L470 330 L440 360 L430 345Z M1200 330 L1250 375 L1230 385 L1200 360 L1170 385 L1160 370Z" fill="#eef3f6"/>
  <path d="M0 640 L240 520 L420 600 L700 500 L980 610 L1250 520 L1600 620 L1600 720 L0 720Z" fill="#43596b"/>`;

/** A person seen from the front: coat colour, position, height. */
const person = (x, coat, h = 330, hair = '#3a2a20') => `
  <g transform="translate(${x} ${1067 - h - 30})">
    <ellipse cx="40" cy="${h + 22}" rx="70" ry="12" fill="rgb(0 0 0 / 0.25)"/>
    <rect x="5" y="95" width="70" height="${h - 140}" rx="30" fill="${coat}"/>
    <rect x="14" y="${h - 60}" width="22" height="80" fill="#26303a"/><rect x="44" y="${h - 60}" width="22" height="80" fill="#26303a"/>
    <circle cx="40" cy="55" r="38" fill="#e9c3a4"/>
    <path d="M2 55 Q4 8 40 10 Q78 8 78 55 Q70 28 40 26 Q12 28 2 55Z" fill="${hair}"/>
    <rect x="30" y="95" width="20" height="26" fill="#f4efe6"/>
  </g>`;

const scenes = {
  // Lead photo: three cluster leaders in front of an industrial hall in Mo i Rana, winter dusk.
  'act-ledere': `${sky('#9fb7c9', '#e9d6bd')}${mountains}
    <rect x="120" y="420" width="1360" height="430" fill="#8b929a"/>
    <path d="M120 420 L800 300 L1480 420Z" fill="#6f767e"/>
    ${Array.from({ length: 9 }, (_, i) => `<rect x="${180 + i * 145}" y="520" width="90" height="120" fill="#f2d38b" opacity="0.85"/>`).join('')}
    <rect x="700" y="660" width="200" height="190" fill="#4b535b"/>
    <rect x="1260" y="180" width="60" height="260" fill="#70777f"/><rect x="1360" y="220" width="50" height="220" fill="#70777f"/>
    <circle cx="1290" cy="150" r="50" fill="#f4f1ea" opacity="0.7"/><circle cx="1340" cy="110" r="70" fill="#f4f1ea" opacity="0.5"/>
    <rect y="850" width="1600" height="217" fill="#d9dde0"/>
    ${person(470, '#1f4e79')}${person(740, '#8a2f3c', 345, '#c9a66b')}${person(1010, '#2f5d50', 320, '#6b4a3a')}`,
  // The smelter by the fjord.
  smelteverk: `${sky('#36465c', '#d98c5f')}${mountains}
    <rect y="700" width="1600" height="367" fill="url(#sea)"/>
    <rect x="200" y="470" width="900" height="240" fill="#2b3038"/>
    <rect x="1100" y="540" width="300" height="170" fill="#353b44"/>
    ${[300, 480, 660, 840].map((x) => `<rect x="${x}" y="250" width="46" height="230" fill="#2b3038"/><circle cx="${x + 23}" cy="215" r="55" fill="#c9c2b8" opacity="0.55"/>`).join('')}
    ${Array.from({ length: 12 }, (_, i) => `<rect x="${230 + i * 72}" y="560" width="36" height="24" fill="#ffb45c"/>`).join('')}
    <path d="M200 720 L1100 720" stroke="#ffb45c" stroke-width="6" opacity="0.5"/>`,
  // Fish farm rings on a calm fjord.
  havbruk: `${sky('#bcd4e3', '#f1e7d0')}${mountains}
    <rect y="680" width="1600" height="387" fill="url(#sea)"/>
    ${[[380, 820], [760, 860], [1150, 810], [560, 960], [1000, 980]].map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="170" ry="46" fill="none" stroke="#e8e2d4" stroke-width="12"/><ellipse cx="${x}" cy="${y}" rx="150" ry="38" fill="#2a4a60"/>`).join('')}
    <rect x="1320" y="700" width="200" height="60" fill="#c0392b"/><rect x="1350" y="660" width="90" height="40" fill="#ecf0f1"/>`,
  // Mo i Rana town by the river.
  'mo-i-rana': `${sky('#7fa6c4', '#dfe9ef')}${mountains}
    <rect y="760" width="1600" height="307" fill="url(#sea)"/>
    ${Array.from({ length: 16 }, (_, i) => {
      const h = 120 + ((i * 53) % 140);
      const colours = ['#c0392b', '#f1e3c6', '#e6b655', '#ecf0f1', '#6e8fa8'];
      return `<rect x="${40 + i * 96}" y="${760 - h}" width="84" height="${h}" fill="${colours[i % 5]}"/><path d="M${34 + i * 96} ${760 - h} L${82 + i * 96} ${712 - h} L${130 + i * 96} ${760 - h}Z" fill="#3b3f45"/>`;
    }).join('')}`,
};

const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
try {
  const page = await browser.newPage();
  for (const [name, body] of Object.entries(scenes)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 1067" width="1600" height="1067">${body}</svg>`;
    for (const width of [800, 1600]) {
      const height = Math.round((width * 1067) / 1600);
      await page.setViewport({ width, height });
      await page.setContent(`<style>html,body{margin:0}svg{display:block;width:100vw;height:100vh}</style>${svg}`);
      for (const type of ['jpeg', 'webp']) {
        const ext = type === 'jpeg' ? 'jpg' : 'webp';
        await page.screenshot({ path: join(out, `${name}-${width}.${ext}`), type, quality: 78 });
      }
    }
    console.log(`demo/assets/${name}-{800,1600}.{jpg,webp}`);
  }
} finally {
  await browser.close();
}
