// A check's messages (`messages:` in its YAML): which one a failing result says, chosen from the test of the logic
// that decided it (the GSL leaf), and its placeholders filled from that test's scope and values. Also what a valid
// set of messages is, for the loader.
import type { Value } from '../evaluate/value.js';
import { type Entity, type Leaf, renderDatum } from '../gsl/index.js';
import type { CheckMessage } from './model.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;
/** Placeholders every message may use besides entity types (`resource`: the type and name of what the test read). */
const VALUE_NAMES = ['value', 'path', 'resource'] as const;

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** normalise for texts of check files (tests of the logic, `when`): few, and asked once per failing result. */
const normalisedLogic = new Map<string, string>();
function normaliseLogic(text: string): string {
  let n = normalisedLogic.get(text);
  if (n === undefined) {
    if (normalisedLogic.size > 10_000) normalisedLogic.clear();
    normalisedLogic.set(text, (n = normalise(text)));
  }
  return n;
}

/** The entity types a message of this logic may name: the rule's own and every type it reaches by a reference or `entitiesOf`. */
export function nameableTypes(logic: string, entities: readonly string[]): string[] {
  const out = new Set(entities.map((e) => e.toLowerCase()));
  for (const m of logic.matchAll(/\b(?:references|referencedBy|entitiesOf)\(\s*([A-Za-z_][\w.]*)/g)) out.add(m[1]!.toLowerCase());
  return [...out];
}

export interface MessageProblem {
  id: string;
  /** The field of the message it is about (`when`, `text`), or the message as a whole. */
  field?: 'when' | 'text';
  message: string;
  hint: string;
}

/** What is wrong with a check's messages: ids, `when` texts that are not in the logic, unknown placeholders. */
export function messageProblems(messages: readonly CheckMessage[], logic: string, entities: readonly string[]): MessageProblem[] {
  const out: MessageProblem[] = [];
  const flat = normalise(logic);
  const types = nameableTypes(logic, entities);
  const defaults = messages.filter((m) => m.when === undefined);
  for (const m of defaults.slice(1))
    out.push({
      id: m.id,
      message: `messages.${m.id} has no \`when\`, and neither has messages.${defaults[0]!.id}: only one message can be the default`,
      hint: 'give one of them `when:` (the start of the test of the logic it is about)',
    });
  for (const m of messages) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(m.id))
      out.push({ id: m.id, message: `the message id \`${m.id}\` is not a camelCase word`, hint: 'name it like `noMetricFilter`' });
    if (m.when !== undefined && !flat.includes(normalise(m.when)))
      out.push({
        id: m.id,
        field: 'when',
        message: `messages.${m.id}.when does not occur in the logic: \`${normalise(m.when)}\``,
        hint: 'copy the start of the test this message is about from `logic` (spacing does not matter)',
      });
    for (const p of m.text.matchAll(PLACEHOLDER)) {
      const name = p[1]!;
      if ((VALUE_NAMES as readonly string[]).includes(name) || name.startsWith('value.') || types.includes(name.toLowerCase())) continue;
      out.push({
        id: m.id,
        field: 'text',
        message: `messages.${m.id}.text has an unknown placeholder \`{{ ${name} }}\``,
        hint: `use {{ value }}, {{ value.<field> }}, {{ path }}, {{ resource }} or an entity type the logic names: ${types.map((t) => `{{ ${t} }}`).join(', ')}`,
      });
    }
  }
  return out;
}

/**
 * The name of an entity for people, as written in its block: its address without module path, type and instance key
 * (`trail` for `module.a.aws_cloudwatch_log_group.trail["x"]`), so every instance of one cause says the same.
 */
export function entityName(e: Entity): string {
  const at = e.id.lastIndexOf(`${e.type}.`);
  const name = at < 0 ? e.id : e.id.slice(at + e.type.length + 1);
  return name.replace(/\[[^\]]*\]$/, '');
}

export interface ChosenMessage {
  id: string;
  /** The text with its placeholders filled. */
  text: string;
  /** The entities the text names (for related locations), in the order named. */
  named: Entity[];
}

/** Fill a message from a leaf; undefined when a placeholder names nothing in the leaf's scope. */
function fill(m: CheckMessage, leaf: Leaf | undefined): ChosenMessage | undefined {
  const named: Entity[] = [];
  let ok = true;
  const text = m.text.replace(PLACEHOLDER, (_, name: string) => {
    const input = leaf?.inputs[0];
    if (name === 'value') {
      if (!input) ok = false;
      return input ? renderDatum(input.value) : '';
    }
    if (name.startsWith('value.')) {
      // A field of the value the test saw (an element of networkRules(): `{{ value.cidr }}`).
      let v: unknown = input?.value;
      for (const k of name.slice(6).split('.'))
        v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
      if (v === undefined || v === null) ok = false;
      return v === undefined || v === null ? '' : typeof v === 'string' ? v : renderDatum(v as Value);
    }
    if (name === 'path') {
      if (!input?.path) ok = false;
      return input?.path ?? '';
    }
    if (name === 'resource') {
      // The resource the test read, whatever its type: a rule on several types names it this way.
      const e = input?.entity ?? leaf?.scopes[0];
      if (!e) ok = false;
      else if (!named.includes(e)) named.push(e);
      return e ? `${e.type}.${entityName(e)}` : '';
    }
    const type = name.toLowerCase();
    const e =
      leaf?.scopes.find((s) => s.type.toLowerCase() === type) ??
      leaf?.inputs.map((i) => i.entity).find((s) => s.type.toLowerCase() === type);
    if (!e) {
      ok = false;
      return '';
    }
    if (!named.includes(e)) named.push(e);
    return entityName(e);
  });
  return ok ? { id: m.id, text: normalise(text).replace(/\.$/, ''), named } : undefined;
}

/**
 * The message a failing result says: for each leaf, most specific first, the first message whose `when` starts that
 * test and whose placeholders all name something; else the message without `when`; else none.
 */
export function chooseMessage(messages: readonly CheckMessage[], logic: string, leaves: readonly Leaf[]): ChosenMessage | undefined {
  if (!messages.length) return undefined;
  for (const leaf of leaves) {
    const test = normaliseLogic(logic.slice(leaf.start, leaf.end));
    for (const m of messages) {
      if (m.when === undefined || !test.startsWith(normaliseLogic(m.when))) continue;
      const chosen = fill(m, leaf);
      if (chosen) return chosen;
    }
  }
  const fallback = messages.find((m) => m.when === undefined);
  return fallback ? fill(fallback, leaves[0]) : undefined;
}
