// Input variables: declarations, type conversion, and the root module's value sources in
// Terraform's precedence order (lowest first): default, TF_VAR_*, terraform.tfvars,
// terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then -var-file / -var in command-line order.
import type { Block, Expr, File } from '../load/ast.js';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { evaluate, type Scope } from './expr.js';
import { type TypeConstraint, convertValue, parseType } from './types.js';
import { Unknown, type Value } from './value.js';

export interface VariableDecl {
  name: string;
  block: Block;
  file: string;
  defaultExpr?: Expr;
  /** The type constraint (`any` when absent or not understood). */
  type: TypeConstraint;
  /** The type constraint is a collection/structural type (values from env/CLI are parsed as HCL). */
  complexType: boolean;
  nullable: boolean;
}

export function declaredVariables(files: File[], diagnostics: Diagnostic[]): Map<string, VariableDecl> {
  const out = new Map<string, VariableDecl>();
  for (const f of files) {
    for (const b of f.body.blocks) {
      if (b.type !== 'variable' || b.labels.length !== 1) continue;
      const name = b.labels[0]!;
      const prev = out.get(name);
      if (prev) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-variable',
          file: f.path,
          range: b.typeRange,
          message: `variable "${name}" is declared twice (first at line ${prev.block.typeRange.start.line} of ${prev.file})`,
          hint: 'remove or rename one of the declarations',
        });
        continue;
      }
      const attr = (n: string): Expr | undefined => b.body.attributes.find((a) => a.name === n)?.expr;
      const typeExpr = attr('type');
      const type = parseType(typeExpr);
      // Unparsed structural types (`any` from parseType) still take HCL from the command line.
      const complexType =
        !['string', 'number', 'bool'].includes(type.kind) && !!typeExpr && !(typeExpr.kind === 'variable' && typeExpr.name === 'any');
      const nullableExpr = attr('nullable');
      out.set(name, {
        name,
        block: b,
        file: f.path,
        defaultExpr: attr('default'),
        type,
        complexType,
        nullable: !(nullableExpr?.kind === 'literal' && nullableExpr.value === false),
      });
    }
  }
  return out;
}

/** Convert a value to the variable's type constraint, as Terraform does for inputs. */
export function convertToType(v: Value, decl: VariableDecl): Value {
  return convertValue(v, decl.type, `variable "${decl.name}"`);
}

/** An empty scope: variable defaults and tfvars may not refer to anything. */
export const CONSTANT_SCOPE: Scope = { resolveRoot: () => undefined };

/** One value assignment from a variable source, with where it came from. */
export interface Assignment {
  name: string;
  value: Value;
  source: string;
  range?: Range;
  /** A string from the command line or environment: parsed as HCL when the variable's type is complex. */
  raw?: boolean;
  /** In a variable file: the whole `name = value` line and the value as written (where the value was written). */
  written?: { range: Range; expr: Expr };
}

/** Values assigned by a .tfvars / .tfvars.json file. */
export function assignmentsFromVarFile(file: File, diagnostics: Diagnostic[]): Assignment[] {
  const out: Assignment[] = [];
  for (const b of file.body.blocks) {
    diagnostics.push({
      severity: 'error',
      code: 'tfvars-block',
      file: file.path,
      range: b.typeRange,
      message: `a variable file may only assign values (name = value); found a "${b.type}" block`,
      hint: 'move blocks into a .tf file',
    });
  }
  for (const a of file.body.attributes) {
    let value: Value;
    try {
      value = evaluate(a.expr, CONSTANT_SCOPE);
    } catch (e) {
      diagnostics.push({
        severity: 'error',
        code: 'tfvars-value',
        file: file.path,
        range: a.expr.range,
        message: `the value of "${a.name}" must be a constant: ${(e as Error).message}`,
        hint: 'variable files cannot refer to variables, locals or resources',
      });
      value = new Unknown([{ kind: 'expression', detail: `${file.path}: value of ${a.name} could not be evaluated` }]);
    }
    out.push({ name: a.name, value, source: file.path, range: a.nameRange, written: { range: a.range, expr: a.expr } });
  }
  return out;
}
