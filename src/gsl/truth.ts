// Three-valued (Kleene) truth. Numbers, not objects, so that evaluation allocates nothing.

export const F = 0;
export const T = 1;
export const U = 2;
export type Truth = typeof F | typeof T | typeof U;

export function not(a: Truth): Truth {
  return a === U ? U : a === T ? F : T;
}

export function and(a: Truth, b: Truth): Truth {
  if (a === F || b === F) return F;
  if (a === U || b === U) return U;
  return T;
}

export function truthName(t: Truth): 'true' | 'false' | 'unknown' {
  return t === T ? 'true' : t === F ? 'false' : 'unknown';
}
