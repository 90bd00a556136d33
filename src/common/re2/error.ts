/** An RE2 pattern that is invalid, or that tfguard refuses (it could not be matched in linear time). */
export class RegexError extends Error {
  override name = 'RegexError';
}

export function fail(message: string): never {
  throw new RegexError(message);
}
