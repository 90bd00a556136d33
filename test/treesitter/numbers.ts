// The tree-sitter grammar only accepts an exponent after a fraction (`1.5e3`), while HCL also allows `1e3`.
// Before parsing we hide such exponents from tree-sitter by turning `e`/`e-` into digits in the text it parses
// (same length, so every offset stays valid). Values are always read from the original text, so `1e3` is
// still 1000, and text inside strings and comments, read from the original too, is unaffected.
const BARE_EXPONENT = /(?<![\p{ID_Continue}\-.])([0-9]+)([eE][-+]?)(?=[0-9])/gu;

export function hideBareExponents(text: string): string {
  if (!/[0-9][eE]/.test(text)) return text;
  return text.replace(BARE_EXPONENT, (_m, digits: string, exp: string) => digits + '0'.repeat(exp.length));
}
