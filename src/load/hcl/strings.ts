// String escapes of HCL templates.
//
// Quoted strings decode backslash escapes (\n \r \t \" \\ \uNNNN \UNNNNNNNN); heredocs do not. Both turn
// `$${` into `${` and `%%{` into `%{`.

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Decode the literal text of a quoted string. Unknown escapes are kept as written (the parser reports them). */
export function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const e = raw[i + 1]!;
      const simple = SIMPLE[e];
      if (simple !== undefined) {
        out += simple;
        i++;
        continue;
      }
      const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (width) {
        const hex = raw.slice(i + 2, i + 2 + width);
        const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : NaN;
        if (!Number.isNaN(cp) && cp <= 0x10ffff) {
          out += String.fromCodePoint(cp);
          i += 1 + width;
          continue;
        }
      }
      out += c;
      continue;
    }
    if (raw.startsWith('$${', i) || raw.startsWith('%%{', i)) {
      out += raw[i + 1] + '{';
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

/** Decode the literal text of a heredoc: only `$${` and `%%{`. */
export function decodeHeredoc(raw: string): string {
  if (!raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
