// Stepping over a bracketed construct without parsing it (one nested past the depth budget, a block body past the
// block-depth limit). A loop over characters with an explicit stack, so no input can exhaust the JS stack.
import type { Scanner } from './scanner.js';

const CODE = 0;
const STRING = 1;

/** Where the construct that starts at the scanner's current token (`(`, `[`, `{`, `"` or `<<`) ends. */
export function skipBalanced(sc: Scanner): number {
  const s = sc.src;
  const n = s.length;
  if (sc.kind === 'heredoc') return skipHeredoc(s, sc.start);
  const stack: number[] = [sc.kind === 'quote' ? STRING : CODE];
  let i = sc.end;
  while (i < n && stack.length) {
    const c = s[i]!;
    if (stack[stack.length - 1] === STRING) {
      if (c === '\\') i += 2;
      else if (c === '"' || c === '\n') {
        stack.pop();
        i += c === '"' ? 1 : 0;
        if (c === '\n' && stack.length === 0) return i;
        if (c === '\n') i++;
      } else if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') i += 3;
      else if ((c === '$' || c === '%') && s[i + 1] === '{') {
        stack.push(CODE);
        i += 2;
      } else i++;
      continue;
    }
    if (c === '"') stack.push(STRING);
    else if (c === '(' || c === '[' || c === '{') stack.push(CODE);
    else if (c === ')' || c === ']' || c === '}') stack.pop();
    else if (c === '#' || (c === '/' && s[i + 1] === '/')) {
      const nl = s.indexOf('\n', i);
      i = nl === -1 ? n : nl;
      continue;
    } else if (c === '/' && s[i + 1] === '*') {
      const e = s.indexOf('*/', i + 2);
      i = e === -1 ? n : e + 2;
      continue;
    } else if (c === '<' && s[i + 1] === '<') {
      i = skipHeredoc(s, i);
      continue;
    }
    i++;
  }
  return Math.min(i, n);
}

/** The end of the heredoc starting at `at` (`<<`): after its closing marker, or the end of the text. */
export function skipHeredoc(s: string, at: number): number {
  const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(s.slice(at, at + 300));
  if (!m) return at + 2;
  const marker = m[1]!;
  let line = at + m[0].length;
  while (line < s.length) {
    let e = s.indexOf('\n', line);
    if (e === -1) e = s.length;
    if (s.slice(line, e).trim() === marker) {
      return s.indexOf(marker, line) + marker.length;
    }
    line = e + 1;
  }
  return s.length;
}
