/**
 * `npm run pack:wordpress`: the WordPress plugin as the zip a site owner uploads (Plugins → Add New → Upload Plugin),
 * dist/wordpress/fjord-elements.zip:
 *   fjord-elements/fjord-elements.php   integrations/wordpress/fjord-elements.php, as it is
 *   fjord-elements/allowlist.json       dist/allowlist.json, the allowlist the plugin gives kses
 *   fjord-elements/cdn/…                dist/cdn/, the drop-in module, its stylesheet and the files they load
 * Needs `npm run build` first. `node scripts/pack-wordpress.mjs <file>` writes the zip elsewhere.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** CRC-32 of each byte value, for the zip's checksums. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const root = resolve(import.meta.dirname, '..');
const target = resolve(process.argv[2] ?? join(root, 'dist/wordpress/fjord-elements.zip'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const plugin = readFileSync(join(root, 'integrations/wordpress/fjord-elements.php'), 'utf8');

for (const file of ['dist/allowlist.json', 'dist/cdn/fjord-elements.js', 'dist/cdn/fjord-elements.css']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run npm run build first.`);
}
const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(plugin)?.[1];
const constant = /const FJORD_ELEMENTS_VERSION = '([^']+)'/.exec(plugin)?.[1];
if (header !== pkg.version || constant !== pkg.version) {
  fail(`integrations/wordpress/fjord-elements.php says version ${header} (header) and ${constant} (FJORD_ELEMENTS_VERSION); package.json says ${pkg.version}. Make all three the same.`);
}

const files = [
  ['fjord-elements/fjord-elements.php', Buffer.from(plugin)],
  ['fjord-elements/allowlist.json', readFileSync(join(root, 'dist/allowlist.json'))],
  ...walk(join(root, 'dist/cdn')).map((file) => [`fjord-elements/cdn/${relative(join(root, 'dist/cdn'), file).split('\\').join('/')}`, readFileSync(file)]),
];
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, zip(files));
console.log(`pack-wordpress: ${files.length} files → ${relative(process.cwd(), target)} (${statSync(target).size} bytes)`);

function fail(message) {
  console.error(`pack-wordpress: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function crc32(data) {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip archive (deflate, no extras): local headers and data, then the central directory. Every entry carries the same
 * fixed date, so packing the same files twice gives the same bytes.
 */
function zip(entries) {
  const DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01, 00:00
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(0x031e, 4); // made by: Unix, spec 3.0
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
