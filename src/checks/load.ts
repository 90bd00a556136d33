// Loading checks: every *.yaml / *.yml file under the check directories is one check. Each is
// validated against the schema, its logic compiled once, and its ID checked for duplicates. Problems
// are diagnostics naming the check file, line and column; a check with problems is not loaded.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type Diagnostic, type DiagnosticCode, type Range, pointRange, unreadable } from '../common/diagnostics.js';
import { type CompiledRule, compileRule } from '../gsl/index.js';
import { findCheckFiles } from './files.js';
import { isBuiltinId, readRetiredIds } from './ids.js';
import { TEST_INPUTS, type Check, type CheckDefinition, type CheckMessage, type CheckTest, type ExpectMark } from './model.js';
import { fieldName, schemaErrors } from './validate.js';
import { prerequisiteProblems } from './requires.js';
import { messageProblems } from './messages.js';
import { entityTypeProblem } from './entity-types.js';
import { nearest } from '../common/did-you-mean.js';
import { type YamlSource, nodeRange, parseYamlSource, rangeOf, scalarText, yamlData } from '../common/yaml-source.js';

export interface CheckSource {
  dir: string;
  /** Built-in checks also follow the ID scheme and may not take a retired ID. */
  builtin?: boolean;
}

export interface LoadedChecks {
  checks: Check[];
  diagnostics: Diagnostic[];
}

export { findCheckFiles };

/** The text handed to the GSL compiler and where it starts in the check file (src/checks/precompiled.ts). */
export interface LogicSource {
  text: string;
  line: number;
  column: number;
}

/** One loaded check with what duplicate-ID messages and the precompiled library need. */
export interface LoadedCheck {
  check: Check;
  idRange: Range;
  logicSource: LogicSource;
}

export interface LoadChecksOptions {
  /** Checks loaded before these directories (the precompiled built-in checks): they come first and take their IDs. */
  before?: LoadedCheck[];
}

/** Load every check of the given directories, in order; later directories add to earlier ones. */
export function loadChecks(sources: CheckSource[], options: LoadChecksOptions = {}): LoadedChecks {
  const r = loadCheckEntries(sources, options);
  return { checks: r.entries.map((e) => e.check), diagnostics: r.diagnostics };
}

/** As loadChecks, keeping each check's ID range and logic source. */
export function loadCheckEntries(
  sources: CheckSource[],
  options: LoadChecksOptions = {},
): { entries: LoadedCheck[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: LoadedCheck[] = [];
  const seen = new Map<string, { file: string; range: Range }>();
  for (const e of options.before ?? []) {
    seen.set(e.check.id, { file: e.check.file, range: e.idRange });
    entries.push(e);
  }
  for (const s of sources) {
    const dir = resolve(s.dir);
    const retired = s.builtin ? readRetiredIds(join(dir, 'retired.txt')) : new Map();
    for (const file of findCheckFiles(dir, diagnostics)) {
      const r = loadCheckFile(file, { builtin: s.builtin === true, retired });
      diagnostics.push(...r.diagnostics);
      if (!r.check || !r.logicSource) continue;
      const prev = seen.get(r.check.id);
      if (prev) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-check-id',
          file,
          range: r.idRange,
          message: `check ID ${r.check.id} is already used by ${prev.file}:${prev.range.start.line}`,
          hint: 'every check needs its own ID; rename one of them (and its file)',
        });
        continue;
      }
      seen.set(r.check.id, { file, range: r.idRange });
      entries.push({ check: r.check, idRange: r.idRange, logicSource: r.logicSource });
    }
  }
  diagnostics.push(...prerequisiteProblems(entries));
  return { entries, diagnostics };
}

export interface LoadFileOptions {
  builtin?: boolean;
  retired?: Map<string, { reason: string }>;
}

/** Read, validate and compile one check file. */
export function loadCheckFile(file: string, options: LoadFileOptions = {}): ParsedCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      diagnostics: [unreadable(file, 'check-unreadable', 'check file', e)],
      idRange: pointRange(),
    };
  }
  return parseCheck(file, text, options);
}

export interface ParsedCheck {
  check?: Check;
  diagnostics: Diagnostic[];
  idRange: Range;
  /** Set with `check`: what the logic was compiled from. */
  logicSource?: LogicSource;
}

/** Validate and compile a check from its text (`file` names it in messages). */
export function parseCheck(file: string, text: string, options: LoadFileOptions = {}): ParsedCheck {
  const src = parseYamlSource(file, text.replace(/^\uFEFF/, ''));
  const idRange = nodeRange(src, ['id']);
  const diagnostics: Diagnostic[] = [];
  const err = (range: Range, message: string, hint?: string, code: DiagnosticCode = 'check-schema'): void => {
    diagnostics.push({ severity: 'error', code, file, range, message, ...(hint ? { hint } : {}) });
  };
  if (src.doc.errors.length) {
    for (const e of src.doc.errors)
      err(
        rangeOf(src, e.pos[0], e.pos[1]),
        `invalid YAML: ${e.message.split('\n')[0]}`,
        'fix the YAML syntax (indentation, quoting, a missing `:`)',
        'check-yaml',
      );
    return { diagnostics, idRange };
  }
  const read = yamlData(src);
  if (!read.ok) {
    err(rangeOf(src, 0, 0), read.message, read.hint, 'check-yaml');
    return { diagnostics, idRange };
  }
  const data = read.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    err(rangeOf(src, 0, 0), 'a check file must be a mapping of fields (id, title, severity, ...)', 'see docs/checks.md for an example');
    return { diagnostics, idRange };
  }
  diagnostics.push(...schemaErrors(data, src));
  // The logic is compiled even when other fields are wrong, so all problems show at once.
  const logicValue = (data as { logic?: unknown }).logic;
  const compiled = typeof logicValue === 'string' && logicValue.trim() ? compileLogic(src, logicValue, diagnostics) : undefined;
  for (const type of compiled?.rule.entities ?? []) {
    const typeProblem = entityTypeProblem(type);
    if (!compiled || !typeProblem) continue;
    // At the type as written in the logic.
    const { text, line, column } = compiled.source;
    const at = Math.max(0, text.indexOf(type));
    const before = text.slice(0, at).split('\n');
    const l = line + before.length - 1;
    const c = before.length > 1 ? before[before.length - 1]!.length + 1 : column + at;
    const start = offsetOf(src, l, c);
    err(rangeOf(src, start, start + type.length), typeProblem.message, typeProblem.hint, 'check-logic');
  }
  if (diagnostics.length || !compiled) return { diagnostics, idRange };

  const def = data as Omit<CheckDefinition, 'tests' | 'messages'> & {
    tests: WrittenTest[];
    messages?: Record<string, { when?: string; text: string }>;
  };
  const messages: CheckMessage[] = Object.entries(def.messages ?? {}).map(([id, m]) => ({ id, ...m }));
  for (const p of messageProblems(messages, def.logic, compiled.rule.entities))
    err(nodeRange(src, ['messages', p.id, ...(p.field ? [p.field] : [])]), p.message, p.hint);
  const ruleTypes = compiled.rule.entities.join(', ');
  if (def.dedup && (compiled.rule.aggregate || ruleTypes.toLowerCase() !== 'aws.cloudtrail.event'))
    err(
      nodeRange(src, ['dedup']),
      `\`dedup\` folds findings on CloudTrail events; this check's logic is on ${compiled.rule.aggregate ? `List<${ruleTypes}>` : ruleTypes}`,
      'remove `dedup`, or write the logic on aws.cloudtrail.event',
    );
  if (options.builtin) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/.test(basename(file)))
      err(
        idRange,
        `the built-in check file ${basename(file)} is not named for what it checks`,
        'name it in lower-case words joined by `-`, such as log-file-validation.yaml (the ID stays inside the file)',
      );
    if (!isBuiltinId(def.id))
      err(
        idRange,
        `the built-in check ID ${def.id} does not follow the ID scheme`,
        "use CloudGuard's ID (D9.TF.AWS.LOG.01) or TFG.<PROVIDER>.<SERVICE>.<n>, such as TFG.AWS.CLOUDTRAIL.1",
      );
    const r = options.retired?.get(def.id);
    if (r)
      err(
        idRange,
        `the check ID ${def.id} was retired${r.reason ? ` (${r.reason})` : ''} and may not be reused`,
        'take the next free number of the service',
      );
  }
  const ids = messages.map((m) => m.id);
  const tests = def.tests.map((t, i) => checkTest(src, t, i, ids, err));
  if (diagnostics.length) return { diagnostics, idRange };
  const check: Check = {
    id: def.id,
    title: def.title,
    severity: def.severity,
    description: def.description,
    remediation: def.remediation,
    references: def.references ?? [],
    compliance: def.compliance ?? {},
    mitre: def.mitre ?? [],
    aliases: def.aliases ?? {},
    requires: def.requires ?? [],
    ...(def.dedup ? { dedup: def.dedup } : {}),
    ...(def.fix ? { fix: def.fix } : {}),
    messages,
    logic: def.logic,
    tests,
    file,
    logicLine: compiled.source.line,
    rule: compiled.rule,
    builtin: options.builtin === true,
  };
  return { check, diagnostics, idRange, logicSource: compiled.source };
}

/** A test as written in the YAML (after schema validation): exactly one input key. */
type WrittenTest = { name: string; expect: CheckTest['expect']; now?: string } & {
  terraform?: string;
  resource?: { type: string; values: Record<string, unknown> };
  plan?: Record<string, unknown>;
  snapshot?: Record<string, unknown>;
  log?: Record<string, unknown>;
};

function checkTest(
  src: YamlSource,
  t: WrittenTest,
  i: number,
  messageIds: readonly string[],
  err: (r: Range, m: string, h?: string) => void,
): CheckTest {
  const path = ['tests', i];
  const at = nodeRange(src, path);
  const name = fieldName(path);
  const inputs = TEST_INPUTS.filter((k) => t[k] !== undefined);
  if (inputs.length !== 1) {
    err(
      at,
      `${name} ("${t.name}") needs exactly one of \`terraform\` (a Terraform snippet), \`resource\` (type and JSON values), \`plan\` (a plan JSON), \`snapshot\` (a CloudTrail trail) or \`log\` (a CloudTrail event)${inputs.length ? `; it has ${inputs.map((k) => `\`${k}\``).join(' and ')}` : ''}`,
    );
  }
  if (t.now !== undefined && Number.isNaN(Date.parse(t.now)))
    err(
      nodeRange(src, [...path, 'now']),
      `${name}.now is not a timestamp: ${JSON.stringify(t.now)}`,
      'write an ISO-8601 time such as 2019-01-01T12:00:00Z',
    );
  const head = { name: t.name, expect: t.expect, ...(t.now !== undefined ? { now: t.now } : {}), fileLine: at.start.line };
  if (t.terraform !== undefined) {
    const s = scalarText(src, [...path, 'terraform']);
    const fileLine = s?.line ?? at.start.line;
    const marks = expectMarks(t.terraform, messageIds, (line, message, hint) => {
      const l = fileLine + line - 1;
      err({ start: { line: l, column: 1, offset: 0 }, end: { line: l, column: 1, offset: 0 } }, `${name}: ${message}`, hint);
    });
    const where = nodeRange(src, [...path, 'terraform']);
    if (t.expect === 'fail' && !marks.length)
      err(
        where,
        `${name} ("${t.name}") expects a finding but its snippet marks no line with \`# expect\``,
        'end the line where the finding must stand with `# expect` (the block header when the attribute is absent)',
      );
    if (t.expect === 'pass' && marks.length)
      err(where, `${name} ("${t.name}") expects a pass, but its snippet marks a line with \`# expect\``, 'remove the `# expect` comment');
    return { ...head, input: { kind: 'terraform', text: t.terraform, fileLine, marks } };
  }
  if (t.resource !== undefined) return { ...head, input: { kind: 'resource', type: t.resource.type, values: t.resource.values } };
  const kind = t.plan !== undefined ? 'plan' : t.snapshot !== undefined ? 'snapshot' : 'log';
  return { ...head, input: { kind, document: (t.plan ?? t.snapshot ?? t.log ?? {}) as Record<string, unknown> } };
}

/**
 * The `# expect` marks of a snippet. `# expect` (or `// expect`) ending a line marks that line; on a line of its
 * own it marks the next line that is not blank or a comment (for a line that cannot take a comment, such as one
 * opening a heredoc). The result must stand at the first non-blank column of the marked line.
 */
export function expectMarks(
  text: string,
  messageIds: readonly string[],
  err: (line: number, message: string, hint?: string) => void,
): ExpectMark[] {
  const lines = text.split('\n');
  const marks: ExpectMark[] = [];
  let pending: { line: number; messageId?: string } | undefined;
  lines.forEach((raw, i) => {
    const m = /(?:#|\/\/)\s*expect\b(.*)$/.exec(raw);
    const rest = m?.[1]?.trim() ?? '';
    const id = /^:\s*([A-Za-z0-9]+)$/.exec(rest)?.[1];
    if (m && rest !== '' && id === undefined) {
      err(
        i + 1,
        `\`# expect\` takes nothing after it but \`: <message id>\`, found \`${rest}\``,
        "write `# expect` alone at the end of the line, or `# expect: <id>` with the id of one of the check's messages",
      );
      return;
    }
    if (id !== undefined && !messageIds.includes(id)) {
      const near = nearest(id, messageIds);
      err(
        i + 1,
        `\`# expect: ${id}\` names no message of this check`,
        messageIds.length
          ? near
            ? `did you mean \`${near}\`?`
            : `the check's messages are ${messageIds.map((x) => `\`${x}\``).join(', ')}`
          : 'the check declares no `messages:`; write `# expect` alone',
      );
      return;
    }
    const code = m ? raw.slice(0, m.index) : raw;
    const blankOrComment = /^\s*((#|\/\/).*)?$/.test(code);
    if (m && blankOrComment) {
      pending = { line: i + 1, ...(id !== undefined ? { messageId: id } : {}) };
      return;
    }
    if (!m && (blankOrComment || pending === undefined)) return;
    const messageId = m ? id : pending?.messageId;
    marks.push({ line: i + 1, column: code.search(/\S/) + 1, ...(messageId !== undefined ? { messageId } : {}) });
    pending = undefined;
  });
  if (pending !== undefined) err(pending.line, '`# expect` on a line of its own marks the next line, but no line of code follows');
  return marks;
}

/** Compile the logic with positions in the check file; errors become `check-logic` diagnostics. */
function compileLogic(src: YamlSource, value: string, diagnostics: Diagnostic[]): { rule: CompiledRule; source: LogicSource } | undefined {
  const source = scalarText(src, ['logic']) ?? { text: value, line: 1, column: 1 };
  const compiled = compileRule(source.text, src.file, { origin: { line: source.line, column: source.column } });
  if (compiled.ok) return { rule: compiled.rule, source };
  for (const e of compiled.errors) {
    const start = offsetOf(src, e.line, e.column);
    diagnostics.push({
      severity: 'error',
      code: 'check-logic',
      file: src.file,
      range: rangeOf(src, start, start + e.length),
      message: e.message,
      ...(e.hint ? { hint: e.hint } : {}),
    });
  }
  return undefined;
}

function offsetOf(src: YamlSource, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.text.indexOf('\n', offset);
    if (nl < 0) return src.text.length;
    offset = nl + 1;
  }
  return Math.min(src.text.length, offset + column - 1);
}
