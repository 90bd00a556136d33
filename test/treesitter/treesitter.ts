// The tree-sitter HCL grammar, loaded once per process. Parsing is synchronous after initParser().
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Tree } from 'web-tree-sitter';

export type { Language, Tree };

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
/** The Emscripten module object given to Parser.init (the runtime adds its WASM exports to it); see cursor.ts. */
let runtime: Record<string, unknown> | undefined;
/** The wasmDir initParser was given (parse workers load the same files). */
let initWasmDir: string | undefined;

/** The tree-sitter runtime's module object, once initParser() is done (for the fast tree walk of hcl/cursor.ts). */
export function treeSitterRuntime(): Record<string, unknown> | undefined {
  return parser ? runtime : undefined;
}

/**
 * Load the tree-sitter runtime and the HCL grammar. Safe to call many times; only the first call does work.
 * `wasmDir` holds tree-sitter.wasm and tree-sitter-hcl.wasm (a bundle without node_modules, such as the
 * GitHub Action); by default both come from the installed packages.
 */
export async function initParser(given?: string): Promise<void> {
  if (parser) return;
  // A bundle (dist/cli, dist/action) has the WASM files beside it.
  const here = dirname(fileURLToPath(import.meta.url));
  const wasmDir = given ?? (existsSync(join(here, 'tree-sitter-hcl.wasm')) ? here : undefined);
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = wasmDir
      ? join(wasmDir, 'tree-sitter-hcl.wasm')
      : require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm');
    // WASM's own prints (`Aborted()`) go nowhere: a failed parse is an exception, reported as a diagnostic.
    const quiet = { print: (): void => undefined, printErr: (): void => undefined };
    const moduleObject: Record<string, unknown> = wasmDir ? { ...quiet, locateFile: (name: string) => join(wasmDir, name) } : { ...quiet };
    await Parser.init(moduleObject);
    runtime = moduleObject;
    const language = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    initWasmDir = wasmDir;
  })();
  try {
    await loading;
  } catch (e) {
    loading = undefined;
    throw e;
  }
}

export function isParserReady(): boolean {
  return parser !== undefined;
}

/** The directory initParser loaded the WASM files from (undefined: the installed packages). */
export function parserWasmDir(): string | undefined {
  return initWasmDir;
}

/** The HCL grammar, once initParser() is done. */
export function hclLanguage(): Language | undefined {
  return parser?.language ?? undefined;
}

/**
 * Parse text and hand the tree to `use`; the tree is deleted afterwards (its memory lives in the WASM heap
 * and is not freed by the garbage collector). `use` must not keep nodes.
 */
export function withTree<T>(text: string, use: (tree: Tree) => T): T {
  if (!parser) throw new Error('HCL parser is not initialised: await initParser() from src/load/treesitter.js first');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
