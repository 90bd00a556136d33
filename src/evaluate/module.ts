// One module instance: its variables, locals, outputs, child module calls and resources.
import { StepCounter } from './budget.js';
import { relative } from 'node:path';
import type { Block, Expr, File } from '../load/ast.js';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import type { ModuleDir } from '../load/module-dir.js';
import { type BodyContext, evaluateBody, evaluateOrUnknown } from './body.js';
import { EvalError } from './convert.js';
import { type Expansion, expandBlock, instanceSuffix } from './expand.js';
import { evaluate, withVariables, type Scope } from './expr.js';
import type { ModuleCall, Origin, Resource } from './model.js';
import { type OriginSource, originAt, traceOrigins } from './provenance.js';
import { ReferenceUnknown, traversalText } from './reference.js';
import type { Session } from './session.js';
import { type ResolvedSource, resolveModuleSource } from './sources.js';
import { CONSTANT_SCOPE, type VariableDecl, convertToType, declaredVariables } from './variables.js';
import { Unknown, type ObjectValue, type Value, newObject, objectFrom, unknown } from './value.js';

const MAX_MODULE_DEPTH = 32;

interface ChildCall {
  block: Block;
  file: string;
  source: string;
  resolved: ResolvedSource;
  expansion: Expansion;
  instances: ModuleInstance[];
}

export interface InstanceSpec {
  address: string;
  /** Manifest key: dot-joined call names from the root (`a.b`). */
  key: string;
  calls: ModuleCall[];
  /** Directories of the calling modules, for cycle detection. */
  ancestors: string[];
  /** Child module inputs, evaluated lazily in the caller's scope. */
  inputs?: Map<string, ModuleInput>;
  /** Root module variable values, already merged by precedence. */
  rootValues?: Map<string, Value>;
  /** Where each root value was written, when in a file (a tfvars line); values from the environment or -var have none. */
  rootOrigins?: Map<string, Origin>;
  /** Set when the calling module's count/for_each is unknown. */
  expansionUnknown?: string;
}

/** One argument of a module call: evaluated lazily in the caller's scope. */
interface ModuleInput {
  expr: Expr;
  /** The whole `name = value` line. */
  range: Range;
  file: string;
  scope: Scope;
  instance: ModuleInstance;
}

export class ModuleInstance implements Scope, OriginSource {
  readonly decls: Map<string, VariableDecl>;
  private readonly localExprs = new Map<string, { expr: Expr; file: string; range: Range }>();
  private readonly originMemo = new Map<string, Origin[]>();
  private readonly localMemo = new Map<string, Value>();
  private readonly varMemo = new Map<string, Value>();
  private readonly outputMemo = new Map<string, Value>();
  private readonly evaluating: string[] = [];
  private childCalls?: Map<string, ChildCall>;
  /** The evaluation steps this module instance has spent (budget.ts: --max-eval-steps). */
  readonly steps = new StepCounter();

  constructor(
    readonly session: Session,
    readonly dir: ModuleDir,
    readonly spec: InstanceSpec,
  ) {
    const declDiagnostics: Diagnostic[] = [];
    this.decls = declaredVariables(dir.files, declDiagnostics);
    declDiagnostics.forEach((d) => this.report(d));
    for (const f of dir.files) {
      for (const b of f.body.blocks) {
        if (b.type !== 'locals') continue;
        for (const a of b.body.attributes) {
          const prev = this.localExprs.get(a.name);
          if (prev) {
            this.report({
              severity: 'error',
              code: 'duplicate-local',
              file: f.path,
              range: a.nameRange,
              message: `local value "${a.name}" is defined twice (first in ${prev.file} line ${prev.expr.range.start.line})`,
              hint: 'rename or remove one of them',
            });
            continue;
          }
          this.localExprs.set(a.name, { expr: a.expr, file: a.file ?? f.path, range: a.range });
        }
      }
    }
  }

  get prefix(): string {
    return this.spec.address ? `${this.spec.address}.` : '';
  }

  report(d: Diagnostic): void {
    this.session.report(d);
  }

  ctx(file: string): BodyContext {
    return { file, refPrefix: this.prefix, report: (d) => this.report(d), origins: this };
  }

  // ---- OriginSource: where variables and locals got their values -----------------------------------

  variableOrigins(name: string): Origin[] {
    return this.memoOrigins(`var.${name}`, () => {
      const decl = this.decls.get(name);
      if (!decl) return [];
      const input = this.spec.inputs?.get(name);
      if (input) {
        const arg = originAt(input.file, input.expr, input.range, `argument "${name}" of ${this.spec.address}`);
        return [arg, ...traceOrigins(input.expr, input.instance, input.scope, input.file)];
      }
      if (this.spec.rootValues?.has(name)) {
        const at = this.spec.rootOrigins?.get(name);
        return at ? [at] : [];
      }
      const attr = decl.block.body.attributes.find((a) => a.name === 'default');
      if (!attr) return [];
      const shared = this.spec.inputs
        ? `the default of a module's variable: changing it changes every call of this module that does not set ${name}`
        : undefined;
      return [originAt(decl.file, attr.expr, attr.range, `the default of variable "${name}"`, shared)];
    });
  }

  localOrigins(name: string): Origin[] {
    return this.memoOrigins(`local.${name}`, () => {
      const l = this.localExprs.get(name);
      if (!l) return [];
      return [originAt(l.file, l.expr, l.range, `local.${name}`), ...traceOrigins(l.expr, this, this, l.file)];
    });
  }

  private memoOrigins(key: string, f: () => Origin[]): Origin[] {
    const memo = this.originMemo.get(key);
    if (memo) return memo;
    // A cycle (already reported as a diagnostic by the evaluation) traces to nothing.
    this.originMemo.set(key, []);
    const hops = f();
    this.originMemo.set(key, hops);
    return hops;
  }

  // ---- Scope -------------------------------------------------------------------------------------

  resolveRoot(name: string): Value | undefined {
    switch (name) {
      case 'var':
        return objectFrom([...this.decls.keys()].map((k) => [k, this.variable(k)]));
      case 'local':
        return objectFrom([...this.localExprs.keys()].map((k) => [k, this.local(k)]));
      case 'module':
        return objectFrom([...this.children().keys()].map((k) => [k, this.moduleValue(k)]));
      case 'path':
        return objectFrom([
          ['module', relative(this.session.root, this.dir.dir) || '.'],
          ['root', '.'],
          ['cwd', '.'],
        ]);
      case 'terraform':
        return objectFrom([['workspace', 'default']]);
      case 'self':
        return unknown({ kind: 'expression', detail: 'self is only known inside provisioners' });
      case 'each':
      case 'count':
        return undefined;
      case 'data':
        return new ReferenceUnknown(`${this.prefix}data`);
      default:
        // Any other root is a resource type: its attributes are known only after apply.
        return new ReferenceUnknown(`${this.prefix}${name}`);
    }
  }

  resolveMember(root: string, name: string, range: Range): Value | undefined {
    if (root === 'var') {
      if (!this.decls.has(name)) {
        this.report({
          severity: 'error',
          code: 'undeclared-variable',
          file: this.diagnosticFile(),
          range,
          message: `reference to undeclared input variable "${name}"`,
          hint: `declare it: variable "${name}" {}`,
        });
        return unknown({ kind: 'variable', name, detail: 'not declared' });
      }
      return this.variable(name);
    }
    if (root === 'local') {
      if (!this.localExprs.has(name)) {
        this.report({
          severity: 'error',
          code: 'undeclared-local',
          file: this.diagnosticFile(),
          range,
          message: `reference to undeclared local value "${name}"`,
          hint: `define it in a locals { ${name} = ... } block`,
        });
        return unknown({ kind: 'expression', detail: `local.${name} is not defined` });
      }
      return this.local(name);
    }
    if (root === 'module') {
      if (!this.children().has(name)) {
        this.report({
          severity: 'error',
          code: 'undeclared-module',
          file: this.diagnosticFile(),
          range,
          message: `reference to undeclared module call "${name}"`,
          hint: `add a module "${name}" { source = ... } block`,
        });
        return unknown({ kind: 'expression', detail: `module.${name} is not declared` });
      }
      return this.moduleValue(name);
    }
    return undefined;
  }

  /** The file being evaluated, for diagnostics raised from inside its expressions. */
  /** The file a diagnostic raised now belongs to: the one being evaluated (withFile), else the module's first. */
  private diagnosticFile(): string {
    return this.currentFile ?? this.dir.files[0]?.path ?? this.dir.dir;
  }

  /** File being evaluated, for diagnostics raised while evaluating it. */
  currentFile?: string;

  private withFile<T>(file: string, f: () => T): T {
    const prev = this.currentFile;
    this.currentFile = file;
    try {
      return f();
    } finally {
      this.currentFile = prev;
    }
  }

  private guard(key: string, f: () => Value, onCycle: (chain: string[]) => Value): Value {
    const at = this.evaluating.indexOf(key);
    if (at >= 0) return onCycle([...this.evaluating.slice(at), key]);
    if (this.evaluating.length > 500) return unknown({ kind: 'expression', detail: 'evaluation is nested too deeply' });
    this.evaluating.push(key);
    try {
      return f();
    } finally {
      this.evaluating.pop();
    }
  }

  variable(name: string): Value {
    const memo = this.varMemo.get(name);
    if (memo !== undefined) return memo;
    const decl = this.decls.get(name)!;
    const v = this.guard(
      `var.${name}`,
      () => this.computeVariable(decl),
      (chain) => {
        this.report({
          severity: 'error',
          code: 'cycle',
          file: decl.file,
          range: decl.block.typeRange,
          message: `variable "${name}" depends on itself: ${chain.join(' → ')}`,
        });
        return unknown({ kind: 'expression', detail: `cycle: ${chain.join(' → ')}` });
      },
    );
    this.varMemo.set(name, v);
    return v;
  }

  private computeVariable(decl: VariableDecl): Value {
    let v: Value | undefined;
    const input = this.spec.inputs?.get(decl.name);
    if (input) {
      v = input.instance.withFile(input.file, () =>
        evaluateOrUnknown(input.expr, input.scope, input.instance.ctx(input.file), `module input "${decl.name}"`),
      );
    } else if (this.spec.rootValues?.has(decl.name)) {
      v = this.spec.rootValues.get(decl.name);
    }
    if ((v === undefined || (v === null && !decl.nullable)) && decl.defaultExpr) {
      try {
        v = evaluate(decl.defaultExpr, CONSTANT_SCOPE);
      } catch (e) {
        this.report({
          severity: 'error',
          code: 'variable-default',
          file: decl.file,
          range: decl.defaultExpr.range,
          message: `the default of variable "${decl.name}" must be a constant: ${(e as Error).message}`,
        });
        v = unknown({ kind: 'variable', name: decl.name, detail: 'default could not be evaluated' });
      }
    }
    if (v === undefined) {
      if (this.spec.inputs) {
        this.report({
          severity: 'warning',
          code: 'missing-input',
          file: decl.file,
          range: decl.block.typeRange,
          message: `module ${this.spec.address} gets no value for required variable "${decl.name}"; it is treated as unknown`,
          hint: `pass ${decl.name} = ... in the module block`,
        });
      }
      return unknown({ kind: 'variable', name: decl.name });
    }
    try {
      return convertToType(v, decl);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      this.report({
        severity: 'error',
        code: 'variable-type',
        file: decl.file,
        range: decl.block.typeRange,
        message: e.message,
        hint: 'pass a value of the declared type',
      });
      return unknown({ kind: 'variable', name: decl.name, detail: 'wrong type' });
    }
  }

  local(name: string): Value {
    const memo = this.localMemo.get(name);
    if (memo !== undefined) return memo;
    const { expr, file } = this.localExprs.get(name)!;
    const v = this.guard(
      `local.${name}`,
      () => this.withFile(file, () => evaluateOrUnknown(expr, this, this.ctx(file), `local.${name}`)),
      (chain) => {
        this.report({
          severity: 'error',
          code: 'cycle',
          file,
          range: expr.range,
          message: `local.${name} depends on itself: ${chain.join(' → ')}`,
          hint: 'break the cycle: a local value cannot refer to itself, directly or through others',
        });
        return unknown({ kind: 'expression', detail: `cycle: ${chain.join(' → ')}` });
      },
    );
    this.localMemo.set(name, v);
    return v;
  }

  output(name: string): Value | undefined {
    const memo = this.outputMemo.get(name);
    if (memo !== undefined) return memo;
    for (const f of this.dir.files) {
      for (const b of f.body.blocks) {
        if (b.type !== 'output' || b.labels[0] !== name) continue;
        const valueAttr = b.body.attributes.find((a) => a.name === 'value');
        if (!valueAttr) return null;
        const v = this.guard(
          `output.${name}`,
          () => this.withFile(f.path, () => evaluateOrUnknown(valueAttr.expr, this, this.ctx(f.path), `output "${name}"`)),
          (chain) => unknown({ kind: 'expression', detail: `cycle: ${chain.join(' → ')}` }),
        );
        this.outputMemo.set(name, v);
        return v;
      }
    }
    return undefined;
  }

  outputs(): ObjectValue {
    const out = newObject();
    for (const f of this.dir.files)
      for (const b of f.body.blocks) if (b.type === 'output' && b.labels[0]) out[b.labels[0]] = this.output(b.labels[0]) ?? null;
    return out;
  }

  // ---- module calls ------------------------------------------------------------------------------

  children(): Map<string, ChildCall> {
    if (this.childCalls) return this.childCalls;
    this.childCalls = new Map();
    for (const f of this.dir.files) {
      for (const b of f.body.blocks) {
        if (b.type !== 'module' || b.labels.length !== 1) continue;
        const name = b.labels[0]!;
        if (this.childCalls.has(name)) {
          this.report({
            severity: 'error',
            code: 'duplicate-module',
            file: f.path,
            range: b.typeRange,
            message: `module "${name}" is called twice in this module`,
            hint: 'give each module block its own name',
          });
          continue;
        }
        this.childCalls.set(name, this.makeCall(name, b, f));
      }
    }
    return this.childCalls;
  }

  private makeCall(name: string, b: Block, f: File): ChildCall {
    const sourceAttr = b.body.attributes.find((a) => a.name === 'source');
    const source = sourceAttr?.expr.kind === 'literal' && typeof sourceAttr.expr.value === 'string' ? sourceAttr.expr.value : undefined;
    const key = this.spec.key ? `${this.spec.key}.${name}` : name;
    const ctx = this.ctx(f.path);
    const call: ChildCall = {
      block: b,
      file: f.path,
      source: source ?? '',
      resolved: { kind: 'remote', reason: '' },
      expansion: { shape: 'single', instances: [] },
      instances: [],
    };
    if (source === undefined) {
      this.report({
        severity: 'error',
        code: 'module-source',
        file: f.path,
        range: sourceAttr?.expr.range ?? b.typeRange,
        message: `module "${name}" needs a source that is a literal string`,
        hint: 'write source = "./modules/x" or a registry address',
      });
      call.resolved = { kind: 'error', code: 'module-source', message: 'no literal source', hint: '' };
      return call;
    }
    call.resolved = resolveModuleSource(source, this.dir.dir, key, this.session.root, this.session.manifestFor(this));
    if (call.resolved.kind === 'error') {
      this.report({
        severity: 'error',
        code: call.resolved.code,
        file: f.path,
        range: sourceAttr!.expr.range,
        message: call.resolved.message,
        hint: call.resolved.hint,
      });
      return call;
    }
    if (call.resolved.kind === 'remote') {
      this.session.modules.push({ address: `${this.prefix}module.${name}`, dir: '', source, skipped: call.resolved.reason });
      this.report({ severity: 'note', code: 'module-not-installed', file: f.path, range: b.typeRange, message: call.resolved.reason });
      return call;
    }
    const childDir = call.resolved.dir;
    if (this.spec.ancestors.includes(childDir) || childDir === this.dir.dir) {
      this.report({
        severity: 'error',
        code: 'module-cycle',
        file: f.path,
        range: sourceAttr!.expr.range,
        message: `module "${name}" calls a module that is already being evaluated (${childDir}): the modules call each other in a cycle`,
        hint: 'remove the cycle between these modules',
      });
      call.resolved = { kind: 'error', code: 'module-cycle', message: 'cycle', hint: '' };
      return call;
    }
    if (this.spec.ancestors.length >= MAX_MODULE_DEPTH) {
      this.report({
        severity: 'error',
        code: 'module-depth',
        file: f.path,
        range: b.typeRange,
        message: `modules are nested more than ${MAX_MODULE_DEPTH} deep; module "${name}" was not evaluated`,
      });
      call.resolved = { kind: 'error', code: 'module-depth', message: 'too deep', hint: '' };
      return call;
    }
    call.expansion = this.withFile(f.path, () => expandBlock(b, this, ctx));
    if (!this.withinTotal(call.expansion.instances.length, f.path, b, `module "${name}"`)) {
      call.resolved = { kind: 'error', code: 'limit-reached', message: 'too many instances', hint: '' };
      return call;
    }
    const dir = this.session.moduleDir(childDir);
    for (const inst of call.expansion.instances) {
      const address = `${this.prefix}module.${name}${call.expansion.unknown ? '' : instanceSuffix(inst.key)}`;
      const scope = Object.keys(inst.vars).length ? withVariables(this, inst.vars) : this;
      const inputs = new Map<string, ModuleInput>();
      for (const a of b.body.attributes) {
        if (['source', 'version', 'count', 'for_each', 'providers', 'depends_on'].includes(a.name)) continue;
        inputs.set(a.name, { expr: a.expr, range: a.range, file: a.file ?? f.path, scope, instance: this });
      }
      const callRecord: ModuleCall = { address, source, location: { file: f.path, range: b.range } };
      const child = new ModuleInstance(this.session, dir, {
        address,
        key,
        calls: [...this.spec.calls, callRecord],
        ancestors: [...this.spec.ancestors, this.dir.dir],
        inputs,
        expansionUnknown: call.expansion.unknown ? describeUnknown(call.expansion.unknown, `module.${name}`) : this.spec.expansionUnknown,
      });
      for (const name of inputs.keys()) {
        if (!child.decls.has(name)) {
          const a = b.body.attributes.find((x) => x.name === name)!;
          this.report({
            severity: 'error',
            code: 'unsupported-argument',
            file: f.path,
            range: a.nameRange,
            message: `module "${b.labels[0]}" has no variable named "${name}"`,
            hint: `declare variable "${name}" {} in ${relative(this.session.root, childDir) || '.'}, or remove the argument`,
          });
        }
      }
      call.instances.push(child);
      this.session.modules.push({ address, dir: childDir, source });
    }
    return call;
  }

  /**
   * Count `n` more instances against --max-total-instances (nested count/for_each multiply: 10 modules of 10 of 10
   * ...); past it the block is not evaluated, counted in one error per root module (src/evaluate/total-instances.ts).
   */
  private withinTotal(n: number, file: string, b: Block, what: string): boolean {
    const root = this.spec.ancestors[0] ?? this.dir.dir;
    return this.session.total.take(n, root, { block: b, file, range: b.typeRange, what }, (d) => this.report(d));
  }

  private moduleValue(name: string): Value {
    const call = this.children().get(name)!;
    if (call.resolved.kind !== 'dir' || call.expansion.unknown) return new ReferenceUnknown(`${this.prefix}module.${name}`);
    if (call.expansion.shape === 'single') return call.instances[0]?.outputs() ?? null;
    if (call.expansion.shape === 'count') return call.instances.map((i) => i.outputs());
    return objectFrom(call.expansion.instances.map((inst, i) => [String(inst.key), call.instances[i]!.outputs()]));
  }

  // ---- resources ---------------------------------------------------------------------------------

  /** Evaluate every resource and data block of this instance and its children, in source order. */
  collect(out: Resource[]): void {
    const calls = this.children();
    for (const f of this.dir.files) {
      this.withFile(f.path, () => {
        for (const b of f.body.blocks) {
          if ((b.type === 'resource' || b.type === 'data') && b.labels.length === 2) this.collectResource(b, f, out);
          else if (b.type === 'module' && b.labels.length === 1) {
            const call = calls.get(b.labels[0]!);
            if (call?.block === b) for (const child of call.instances) child.collect(out);
          }
        }
      });
    }
  }

  private collectResource(b: Block, f: File, out: Resource[]): void {
    const [type, name] = b.labels as [string, string];
    // A block with a syntax error inside is not evaluated: its missing parts would look like findings.
    const broken = f.diagnostics.find(
      (d) => d.code === 'syntax' && d.range && d.range.start.offset >= b.range.start.offset && d.range.start.offset < b.range.end.offset,
    );
    if (broken) {
      this.report({
        severity: 'note',
        code: 'skipped-block',
        file: f.path,
        range: b.typeRange,
        message: `${b.type} "${type}" "${name}" has a syntax error (line ${broken.range!.start.line}) and was not evaluated`,
      });
      return;
    }
    const mode = b.type === 'data' ? 'data' : 'managed';
    const ctx = this.ctx(f.path);
    const expansion = expandBlock(b, this, ctx);
    if (!this.withinTotal(expansion.instances.length, f.path, b, `${b.type} "${type}" "${name}"`)) return;
    const last = b.labelRanges[b.labelRanges.length - 1] ?? b.typeRange;
    const header: Range = { start: b.typeRange.start, end: last.end };
    const providerAttr = b.body.attributes.find((a) => a.name === 'provider');
    const dependsOn = b.body.attributes.find((a) => a.name === 'depends_on');
    for (const inst of expansion.instances) {
      const scope = Object.keys(inst.vars).length ? withVariables(this, inst.vars) : this;
      const body = evaluateBody(b.body, scope, ctx);
      const r: Resource = {
        address: `${this.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}${expansion.unknown ? '' : instanceSuffix(inst.key)}`,
        root: this.spec.ancestors[0] ?? this.dir.dir,
        module: this.spec.address,
        mode,
        type,
        name,
        values: body.values,
        location: { file: f.path, range: header },
        blockRange: b.range,
        ranges: body.ranges,
        moduleCalls: this.spec.calls,
        dependsOn:
          dependsOn?.expr.kind === 'tuple' ? dependsOn.expr.items.map((e) => traversalText(e)).filter((t): t is string => !!t) : [],
        references: body.references,
      };
      for (const _ in body.origins) {
        r.origins = body.origins;
        break;
      }
      for (const _ in body.files) {
        r.rangeFiles = body.files;
        break;
      }
      if (inst.key !== undefined && !expansion.unknown) r.index = inst.key;
      if (mode === 'managed') r.fromConfiguration = true;
      if (providerAttr) r.provider = traversalText(providerAttr.expr);
      const why = expansion.unknown ? describeUnknown(expansion.unknown, expansion.shape) : this.spec.expansionUnknown;
      if (why) r.expansionUnknown = why;
      out.push(r);
    }
  }
}

function describeUnknown(u: Unknown, what: string): string {
  return `${what} is not known (${u.describe()}); this one instance stands for all of them`;
}
