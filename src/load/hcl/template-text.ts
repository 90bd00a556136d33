// Template text after parsing: strip markers (`~`) applied to the neighbouring text, the common indentation of `<<-`
// heredocs removed, and empty text parts dropped, so the evaluator only concatenates parts.
import type { TemplatePart } from '../ast.js';

export type TextPart = Extract<TemplatePart, { kind: 'text' }>;
/** Text parts and the strip markers of the sequences between them, in source order (they alternate). */
export type Seq = Array<TextPart | { stripLeft: boolean; stripRight: boolean }>;

/** `${~` / `%{~` trim the whitespace before; `~}` trims the whitespace after (the neighbouring literal only). */
export function applyStrip(seq: Seq): void {
  for (let i = 0; i < seq.length; i++) {
    const m = seq[i]!;
    if ('kind' in m) continue;
    const prev = seq[i - 1];
    const next = seq[i + 1];
    if (m.stripLeft && prev && 'kind' in prev) prev.value = prev.value.trimEnd();
    if (m.stripRight && next && 'kind' in next) next.value = next.value.trimStart();
  }
}

/**
 * `<<-` heredocs: remove the smallest indentation of the lines (spaces and tabs count one character each,
 * whitespace-only lines do not count and keep their whitespace; a line starting with an interpolation or
 * directive counts as zero), as Terraform does.
 */
export function flushIndent(seq: Seq): void {
  let min = Infinity;
  const adjust: Array<{ part: TextPart; at: number }> = [];
  let newline = true;
  for (const e of seq) {
    if (!('kind' in e)) {
      if (newline) min = 0;
      newline = false;
      continue;
    }
    const t = e.value;
    let pos = 0;
    while (pos < t.length) {
      const nl = t.indexOf('\n', pos);
      const line = nl === -1 ? t.slice(pos) : t.slice(pos, nl + 1);
      if (newline) {
        const ws = /^\s*/.exec(line)![0];
        if (!(ws.length === line.length && line.endsWith('\n'))) {
          const lead = /^[^\S\n]*/.exec(line)![0];
          min = Math.min(min, [...lead].length);
          adjust.push({ part: e, at: pos });
        }
      }
      newline = nl !== -1;
      if (nl === -1) break;
      pos = nl + 1;
    }
  }
  if (min === 0 || min === Infinity) return;
  for (let i = adjust.length - 1; i >= 0; i--) {
    const { part, at } = adjust[i]!;
    let cut = at;
    for (let n = 0; n < min; n++) cut += part.value.codePointAt(cut)! > 0xffff ? 2 : 1;
    part.value = part.value.slice(0, at) + part.value.slice(cut);
  }
}

export function dropEmpty(parts: TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const p of parts) {
    if (p.kind === 'text' && p.value === '') continue;
    if (p.kind === 'if') {
      p.then = dropEmpty(p.then);
      if (p.else) p.else = dropEmpty(p.else);
    } else if (p.kind === 'for') p.body = dropEmpty(p.body);
    out.push(p);
  }
  return out;
}
