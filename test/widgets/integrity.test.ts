// dist/cdn/integrity.json (from `npm run build`): with its hashes in an import map, the browser checks the files the
// drop-in file loads on demand too, and refuses a file that is not the one built; the widget then goes without it.
import { expect } from '@open-wc/testing';
import { until } from '../support/helpers.js';

const DIR = '/test-api/cdn/';

/** A page that loads the drop-in file under `<script integrity>` and an import map naming `hashes`; returns its frame. */
async function page(hashes: Record<string, string>) {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow as Window & typeof globalThis;
  const warnings: string[] = [];
  win.console.warn = (message: string) => warnings.push(String(message));
  const integrity = Object.fromEntries(Object.entries(hashes).map(([file, hash]) => [`${DIR}${file}`, hash]));
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(`<!doctype html><html lang="nb"><head>
    <script type="importmap">${JSON.stringify({ imports: {}, integrity })}</script>
    <script type="module" src="${DIR}fjord-elements.js" integrity="${hashes['fjord-elements.js']}"></script>
    </head><body>
    <fjord-photo structured-data src="/test-api/image.svg" alt="Smelteverket" credit="Kent Erik Sjursen"></fjord-photo>
    </body></html>`);
  doc.close();
  await until(() => !!win.customElements.get('fjord-photo'), 5000, 'the drop-in file');
  return { frame, doc, warnings };
}

describe('integrity.json', () => {
  let hashes: Record<string, string>;
  let chunk: string;

  before(async () => {
    hashes = await (await fetch(`${DIR}integrity.json`)).json();
    chunk = Object.keys(hashes).find((file) => file.startsWith('structured-data-'))!;
  });

  it('lists a sha384 hash for the drop-in file, the module it loads on demand, and the autoloader', async () => {
    expect(chunk, 'the structured-data module').to.be.a('string');
    for (const file of ['fjord-elements.js', chunk, 'autoloader.js', 'photo.js']) expect(hashes[file], file).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    const sri = (await (await fetch(`${DIR}fjord-elements.js.sri`)).text()).trim();
    expect(sri).to.equal(hashes['fjord-elements.js']);
  });

  it('lets the on-demand module load when its hash matches', async () => {
    const { frame, doc, warnings } = await page(hashes);
    try {
      await until(() => !!doc.querySelector('fjord-photo > script[type="application/ld+json"]'), 5000, 'the JSON-LD');
      expect(warnings).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('keeps a module whose hash does not match from running; the photo renders without JSON-LD and says why', async () => {
    const wrong = { ...hashes, [chunk]: `sha384-${'A'.repeat(64)}` };
    const { frame, doc, warnings } = await page(wrong);
    try {
      await until(() => warnings.some((w) => w.includes('could not be loaded')), 5000, 'the warning');
      expect(warnings.find((w) => w.includes('could not be loaded'))).to.contain('<fjord-photo>');
      expect(doc.querySelector('fjord-photo > script')).to.equal(null);
      expect(doc.querySelector('fjord-photo')!.shadowRoot!.querySelector('figcaption')!.textContent).to.contain('Kent Erik Sjursen');
    } finally {
      frame.remove();
    }
  });
});
