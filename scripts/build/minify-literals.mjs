/**
 * Minifies the insides of Lit's html`…`, svg`…` and css`…` template literals. Vite's minifier leaves
 * template text as written, and that indentation is a real share of the drop-in file's bytes.
 * Hand-written (about 80 lines) because the published plugins for this pull in an HTML and a CSS
 * minifier each; collapsing whitespace is all the size we need.
 */

/** Index of the backtick that closes a template literal whose text starts at `i`. */
function templateEnd(code, i) {
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i;
    else if (c === '$' && code[i + 1] === '{') i = expressionEnd(code, i + 2) + 1;
    else i++;
  }
  throw new Error('unterminated template literal');
}

/** Index of the `}` that closes an expression starting at `i`. */
function expressionEnd(code, i) {
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i++;
      while (code[i] !== c) {
        if (i >= code.length) throw new Error('unterminated string');
        i += code[i] === '\\' ? 2 : 1;
      }
    } else if (c === '`') i = templateEnd(code, i + 1);
    // A comment (whose apostrophe starts no string) ends at its line's end or at `*/`.
    else if (c === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) {
      i = code[i + 1] === '/' ? code.indexOf('\n', i) : code.indexOf('*/', i) + 1;
      if (i < 1) throw new Error('unterminated comment');
    } else if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) return i;
    i++;
  }
  throw new Error('unterminated template expression');
}

function minifyHtml(text) {
  return (
    text
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/>\s*\n\s*</g, '><')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/ {2,}/g, ' ')
      // Quotes around a plain static value (part="figure") are not needed when a space or `>` follows. (Templates
      // hold markup, not prose: text such as `x="y"` between tags would lose its quotes too.)
      .replace(/(\s[\w-]+)="([\w-]+)"(?=[\s>])/g, '$1=$2')
      // A void HTML element needs no self-closing slash (an SVG element inside <svg> does).
      .replace(/(<(?:img|input|br|hr)\b[^<>]*?)\s*\/>/g, '$1>')
  );
}

/** Strings and url() in CSS, which are kept exactly as written. */
const CSS_VERBATIM = /('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|url\([^)]*\))/;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(CSS_VERBATIM)
    .map((piece, i) =>
      i % 2
        ? piece
        : piece
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            // Leading zeros (0.75em → .75em), spaces around `/` and `~` and before `!important`.
            .replace(/([^\w.-])0\.(\d)/g, '$1.$2')
            .replace(/\s*([/~])\s*/g, '$1')
            .replace(/\s+!important/g, '!important'),
    )
    .join('')
    .trim();
}

/**
 * Rewrites every tagged html/svg/css template in `code`, nested ones included. Source the scanner cannot
 * follow (a tag name inside a comment or string, say) is returned unchanged rather than guessed at.
 */
export function minifyLiterals(code) {
  try {
    return minifyTemplates(code);
  } catch {
    return code;
  }
}

function minifyTemplates(code) {
  let out = '';
  let last = 0;
  const tag = /\b(html|svg|css)`/g;
  let m;
  while ((m = tag.exec(code))) {
    // A tag name mentioned in a comment is not a template.
    const line = code.slice(code.lastIndexOf('\n', m.index) + 1, m.index);
    if (/\/\/|^\s*\/?\*/.test(line)) continue;
    const minify = m[1] === 'css' ? minifyCss : minifyHtml;
    let i = m.index + m[0].length;
    out += code.slice(last, i);
    // Walk the template: minify text chunks, recurse into expressions.
    for (;;) {
      let j = i;
      while (code[j] !== '`' && !(code[j] === '$' && code[j + 1] === '{')) {
        if (j >= code.length) throw new Error('unterminated template literal');
        j += code[j] === '\\' ? 2 : 1;
      }
      out += minify(code.slice(i, j));
      if (code[j] === '`') {
        i = j;
        break;
      }
      const end = expressionEnd(code, j + 2);
      out += '${' + minifyTemplates(code.slice(j + 2, end)) + '}';
      i = end + 1;
    }
    last = i;
    tag.lastIndex = i;
  }
  return out + code.slice(last);
}
