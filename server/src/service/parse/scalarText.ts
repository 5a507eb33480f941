// The text of quoted and multi-line scalars as the `yaml` package makes it:
// line folding and double-quoted escapes (parse/fastYaml.ts).

/** A multi-line flow scalar's lines folded as `yaml` folds them: a line break is a space, a blank line a line break. */
export function unfold(source: string): string {
  const lines = source.split('\n');
  let value = lines[0].replace(/ +$/, '');
  let sep = ' ';
  for (let i = 1; i < lines.length; i++) {
    const last = i === lines.length - 1;
    const line = last ? lines[i].replace(/^ +/, '') : lines[i].trim();
    if (line === '' && !last) {
      if (sep === '\n') value += sep;
      else sep = '\n';
      continue;
    }
    value += sep + line;
    sep = ' ';
  }
  return value;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * A double-quoted scalar's text between the quotes, unescaped and folded as
 * `yaml` does (an escaped line break joins the lines; spaces before a line
 * break are dropped; a line break is a space, more of them line breaks).
 * An escape `yaml` would reject calls `invalid`.
 */
export function unescapeDouble(source: string, invalid: () => never): string {
  if (!source.includes('\\') && !source.includes('\n')) return source;
  let res = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n') {
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\n') {
        if (next === '\n') fold += '\n';
        i++;
        next = source[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      const next = source[++i];
      const code = ESCAPES[next];
      if (code !== undefined) res += code;
      else if (next === '\n') {
        while (source[i + 1] === ' ') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        const cp = hex.length === length && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (!(cp <= 0x10ffff)) invalid();
        res += String.fromCodePoint(cp);
        i += length;
      } else invalid();
    } else if (ch === ' ') {
      const from = i;
      while (source[i + 1] === ' ') i++;
      if (source[i + 1] !== '\n') res += source.slice(from, i + 1);
    } else res += ch;
  }
  return res;
}
