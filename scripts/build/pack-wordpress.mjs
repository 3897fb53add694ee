/**
 * `npm run pack:wordpress`: the WordPress plugin as the zip a site owner uploads (Plugins → Add New → Upload Plugin),
 * dist/wordpress/fjord-elements.zip:
 *   fjord-elements/fjord-elements.php        integrations/wordpress/fjord-elements.php, as it is
 *   fjord-elements/allowlist.json            dist/allowlist.json, the allowlist the plugin gives kses
 *   fjord-elements/elements.json             dist/cms-elements.json: each widget's attributes, slots and display, for
 *                                            the shortcodes and for keeping tags whole through wpautop
 *   fjord-elements/blocks/editor.js          integrations/wordpress/blocks/editor.js, the blocks' editor script
 *   fjord-elements/blocks/<name>/block.json  one block per widget, written here from dist/cms-elements.json
 *   fjord-elements/cdn/…                     dist/cdn/, the drop-in module, its stylesheet and the files they load
 * Needs `npm run build` first. `node scripts/build/pack-wordpress.mjs <file>` writes the zip elsewhere. The zip is made by
 * fflate with a fixed date, so packing the same files twice gives the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';

const root = resolve(import.meta.dirname, '../..');
const target = resolve(process.argv[2] ?? join(root, 'dist/wordpress/fjord-elements.zip'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const plugin = readFileSync(join(root, 'integrations/wordpress/fjord-elements.php'), 'utf8');

for (const file of ['dist/allowlist.json', 'dist/cms-elements.json', 'dist/cdn/fjord-elements.js', 'dist/cdn/fjord-elements.css']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run npm run build first.`);
}
const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(plugin)?.[1];
const constant = /const FJORD_ELEMENTS_VERSION = '([^']+)'/.exec(plugin)?.[1];
if (header !== pkg.version || constant !== pkg.version) {
  fail(`integrations/wordpress/fjord-elements.php says version ${header} (header) and ${constant} (FJORD_ELEMENTS_VERSION); package.json says ${pkg.version}. Make all three the same.`);
}

/**
 * What a block lets the editor write in place, inside the widget, as the widget's own children: block attribute →
 * the child element that holds it. Everything else is a setting in the sidebar (the widget's attributes). The fact
 * box's list is made of blocks (blocks/editor.js).
 */
const IN_PLACE = {
  'fjord-photo': { captionText: 'span' },
  'fjord-article-card': { headlineText: 'h3', leadText: 'p' },
  'fjord-newsletter-signup': { headingText: 'h2', descriptionText: 'p' },
};
const ICONS = { 'fjord-photo': 'format-image', 'fjord-article-card': 'text-page', 'fjord-fact-box': 'info-outline', 'fjord-cluster-badge': 'awards', 'fjord-newsletter-signup': 'email-alt' };

/** block.json for a widget: its attributes as block attributes (stored in the block's comment), its in-place children as HTML sourced from the saved tag. */
function blockJson(element) {
  const attributes = {};
  for (const a of element.attributes) {
    attributes[a.name] = { type: a.kind == 'boolean' ? 'boolean' : 'string', ...(a.values ? { enum: a.values } : {}) };
  }
  for (const [name, child] of Object.entries(IN_PLACE[element.tag] ?? {})) {
    attributes[name] = { type: 'string', source: 'html', selector: `${element.tag} > ${child}` };
  }
  return {
    $schema: 'https://schemas.wp.org/trunk/block.json',
    apiVersion: 2,
    name: `fjord-elements/${element.tag.replace(/^fjord-/, '')}`,
    title: element.title,
    category: 'fjord-elements',
    icon: ICONS[element.tag] ?? 'block-default',
    description: element.description,
    keywords: ['fjord', element.tag],
    textdomain: 'fjord-elements',
    attributes,
    // Saved as the bare tag: no generated class, no "Edit as HTML".
    supports: { html: false, className: false },
    editorScript: 'fjord-elements-blocks',
  };
}

const elements = JSON.parse(readFileSync(join(root, 'dist/cms-elements.json'), 'utf8'));
const files = {
  'fjord-elements/fjord-elements.php': Buffer.from(plugin),
  'fjord-elements/allowlist.json': readFileSync(join(root, 'dist/allowlist.json')),
  'fjord-elements/elements.json': readFileSync(join(root, 'dist/cms-elements.json')),
  'fjord-elements/blocks/editor.js': readFileSync(join(root, 'integrations/wordpress/blocks/editor.js')),
  ...Object.fromEntries(elements.map((el) => [`fjord-elements/blocks/${el.tag.replace(/^fjord-/, '')}/block.json`, Buffer.from(JSON.stringify(blockJson(el), null, 2) + '\n')])),
  ...Object.fromEntries(walk(join(root, 'dist/cdn')).map((file) => [`fjord-elements/cdn/${relative(join(root, 'dist/cdn'), file).split('\\').join('/')}`, readFileSync(file)])),
};
const mtime = new Date(2026, 0, 1);
const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [new Uint8Array(data), { level: 9, mtime, os: 3, attrs: 0o100644 << 16 }]])));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, zip);
console.log(`pack-wordpress: ${Object.keys(files).length} files → ${relative(process.cwd(), target)} (${statSync(target).size} bytes)`);

function fail(message) {
  console.error(`pack-wordpress: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}
