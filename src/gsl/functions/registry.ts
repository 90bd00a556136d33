// The table of attribute functions the parser knows. Lookup is case-insensitive.
import type { FunctionSpec } from './types.js';

export class FunctionRegistry {
  private readonly byName = new Map<string, FunctionSpec>();

  constructor(specs: Iterable<FunctionSpec> = []) {
    for (const s of specs) this.register(s);
  }

  /** Add a function; a second function with the same name (in any case) is an error. */
  register(spec: FunctionSpec): this {
    const key = spec.name.toLowerCase();
    if (this.byName.has(key)) throw new Error(`GSL function ${spec.name}() is already registered`);
    this.byName.set(key, spec);
    return this;
  }

  get(name: string): FunctionSpec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  names(): string[] {
    return [...this.byName.values()].map((s) => s.name);
  }

  /** A copy that can be extended without touching this one. */
  clone(): FunctionRegistry {
    return new FunctionRegistry(this.byName.values());
  }
}
