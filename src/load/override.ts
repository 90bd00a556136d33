// Override files (`override.tf`, `*_override.tf`, their `.tf.json` forms and OpenTofu's `.tofu` ones), merged into the module's other
// files as Terraform does (https://developer.hashicorp.com/terraform/language/files/override):
// - a top-level block merges into the block of the same header (type and labels) in a normal file;
// - an argument replaces the argument of the same name;
// - nested blocks of a type replace every block of that type (a `dynamic "x"` block counts as type x),
//   except `lifecycle`, merged argument by argument; nested block contents are not merged;
// - `locals` are overridden value by value, whichever locals block holds them;
// - override files apply in lexical order of their names, then in order within each file.
// Every argument and block taken from an override file keeps `file`, so findings on it point into that file.
// `terraform` and `provider` blocks of override files are not merged (tfguard does not evaluate them).
import type { Attribute, Block, Body, File } from './ast.js';
import type { Diagnostic } from '../common/diagnostics.js';

const MERGED = new Set(['resource', 'data', 'module', 'output', 'variable']);

export function isOverrideFileName(name: string): boolean {
  return /^(?:override|.+_override)\.(?:tf|tofu)(?:\.json)?$/.test(name);
}

/** The normal files with the override files merged in (new objects; the inputs are not changed). */
export function applyOverrides(base: readonly File[], overrides: readonly File[]): { files: File[]; diagnostics: Diagnostic[] } {
  const files = base.map((f) => ({ ...f, body: { ...f.body, blocks: [...f.body.blocks] } }));
  const diagnostics: Diagnostic[] = [];
  const blocks = new Map<string, { file: number; block: number }>();
  const locals = new Map<string, { file: number; block: number; attr: number }>();
  files.forEach((f, fi) =>
    f.body.blocks.forEach((b, bi) => {
      if (MERGED.has(b.type)) {
        const key = headerKey(b);
        if (!blocks.has(key)) blocks.set(key, { file: fi, block: bi });
      } else if (b.type === 'locals') {
        b.body.attributes.forEach((a, ai) => {
          if (!locals.has(a.name)) locals.set(a.name, { file: fi, block: bi, attr: ai });
        });
      }
    }),
  );
  for (const o of overrides) {
    for (const ob of o.body.blocks) {
      if (ob.type === 'locals') {
        for (const a of ob.body.attributes) {
          const at = locals.get(a.name);
          if (!at) {
            diagnostics.push(
              missingBase(
                o,
                a.nameRange,
                `local value "${a.name}"`,
                'define the local value in a normal file, or remove it from the override file',
              ),
            );
            continue;
          }
          const lb = files[at.file]!.body.blocks[at.block]!;
          const attributes = [...lb.body.attributes];
          attributes[at.attr] = { ...a, file: o.path };
          files[at.file]!.body.blocks[at.block] = { ...lb, body: { ...lb.body, attributes } };
        }
        continue;
      }
      if (!MERGED.has(ob.type)) continue;
      const at = blocks.get(headerKey(ob));
      if (!at) {
        const what = [ob.type, ...ob.labels.map((l) => `"${l}"`)].join(' ');
        diagnostics.push(
          missingBase(o, ob.typeRange, what, `add the ${ob.type} block to a normal .tf file, or remove it from the override file`),
        );
        continue;
      }
      const target = files[at.file]!.body.blocks;
      target[at.block] = mergeBlock(target[at.block]!, ob, o.path);
    }
  }
  return { files, diagnostics };
}

function headerKey(b: Block): string {
  return [b.type, ...b.labels].join('\u0000');
}

function missingBase(o: File, range: Block['typeRange'], what: string, hint: string): Diagnostic {
  return {
    severity: 'error',
    code: 'override-without-base',
    file: o.path,
    range,
    message: `override file has ${what}, which no normal file of the module defines`,
    hint,
  };
}

/** The type of the blocks a nested block stands for (`dynamic "ingress"` stands for ingress). */
function nestedType(b: Block): string {
  return b.type === 'dynamic' ? (b.labels[0] ?? 'dynamic') : b.type;
}

function mergeBlock(base: Block, over: Block, file: string): Block {
  const attributes = mergeAttributes(base.body.attributes, over.body.attributes, file);
  const replaced = new Set(over.body.blocks.map(nestedType).filter((t) => t !== 'lifecycle'));
  const blocks = base.body.blocks.filter((b) => !replaced.has(nestedType(b)));
  for (const ob of over.body.blocks) {
    if (ob.type !== 'lifecycle') {
      blocks.push(marked(ob, file));
      continue;
    }
    const i = blocks.findIndex((b) => b.type === 'lifecycle');
    if (i < 0) blocks.push(marked(ob, file));
    else
      blocks[i] = {
        ...blocks[i]!,
        body: { ...blocks[i]!.body, attributes: mergeAttributes(blocks[i]!.body.attributes, ob.body.attributes, file) },
      };
  }
  return { ...base, body: { ...base.body, attributes, blocks } };
}

function mergeAttributes(base: readonly Attribute[], over: readonly Attribute[], file: string): Attribute[] {
  const out = [...base];
  for (const a of over) {
    const i = out.findIndex((x) => x.name === a.name);
    const m = { ...a, file };
    if (i < 0) out.push(m);
    else out[i] = m;
  }
  return out;
}

function marked(b: Block, file: string): Block {
  return { ...b, file, body: markedBody(b.body, file) };
}

function markedBody(body: Body, file: string): Body {
  return { ...body, attributes: body.attributes.map((a) => ({ ...a, file })), blocks: body.blocks.map((b) => marked(b, file)) };
}
