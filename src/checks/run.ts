// Running checks over a project: one world of entities (managed resources and data sources), every
// compiled rule run over it, `fail` results turned into findings at the exact range, `unknown`
// results kept (no finding) for --show-unknown.
import type { Project, Resource } from '../evaluate/model.js';
import { type Entity, type EvaluateOptions, type RuleResult, type World, createWorld, eachResult, T } from '../gsl/index.js';
import { reportLocation } from './location.js';
import { applyPrerequisites } from './requires.js';
import { chooseMessage, entityName } from './messages.js';
import type { Check, CheckRunResult, Finding, PassResult, RelatedPlace, ResourcePlace, UnknownResult } from './model.js';
import { byPlace } from '../common/order.js';
import { pointRange } from '../common/diagnostics.js';

/**
 * The entity of a resource: managed resources have their Terraform type (`aws_cloudtrail`), data
 * sources `data.<type>` (so a rule on `aws_s3_bucket` never runs on a data source); the id is the
 * resource's address, which references resolve to.
 */
export function resourceEntity(r: Resource): Entity {
  const e: Entity = { type: r.mode === 'data' ? `data.${r.type}` : r.type, id: r.address, values: r.values, references: r.references };
  if (r.fromConfiguration) e.computed = r.values.name_prefix !== undefined ? COMPUTED_WITH_NAME : COMPUTED;
  return e;
}

/** What the provider sets at apply on every managed resource, and the name when `name_prefix` asks it to make one. */
const COMPUTED: ReadonlySet<string> = new Set(['id', 'arn']);
const COMPUTED_WITH_NAME: ReadonlySet<string> = new Set(['id', 'arn', 'name']);

export interface RootWorld {
  /** The root module these resources belong to (the project's root when resources name none). */
  root: string;
  world: World;
  byAddress: Map<string, Resource>;
}

/**
 * One world per root module: addresses are unique only within a root, and references never cross
 * from one configuration to another. A project of one root gives one world.
 */
export function projectWorlds(project: Project): RootWorld[] {
  const groups = new Map<string, Resource[]>();
  for (const r of project.resources) {
    const root = r.root ?? project.root;
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(r);
  }
  if (!groups.size) groups.set(project.root, []);
  return [...groups].map(([root, resources]) => ({
    root,
    world: createWorld(resources.map(resourceEntity)),
    byAddress: new Map(resources.map((r) => [r.address, r])),
  }));
}

const START = pointRange();

export interface RunOptions extends EvaluateOptions {
  /** Only checks with these IDs. */
  only?: ReadonlySet<string>;
}

/** Run every check over the project. Results are sorted by file, line, column, check ID, address. */
export function runChecks(checks: readonly Check[], project: Project, options: RunOptions = {}): CheckRunResult {
  const run = new CheckRun(checks, options);
  for (const w of projectWorlds(project)) run.addWorld(w);
  return run.finish();
}

/**
 * Checks run one root module at a time, as the scan evaluates them (`add`), so that a root's resources can be let go
 * once its checks have run: what the results keep of a passing resource is its place, not its values.
 */
export class CheckRun {
  private readonly findings: Finding[] = [];
  private readonly unknowns: UnknownResult[] = [];
  private readonly passes: PassResult[] = [];
  private evaluations = 0;
  private readonly evalOptions: EvaluateOptions;

  constructor(
    private readonly checks: readonly Check[],
    private readonly options: RunOptions = {},
  ) {
    this.evalOptions = { now: options.now ?? Date.now(), ...(options.explain ? { explain: true } : {}) };
  }

  /** Run every check over the resources of one root module. */
  add(root: string, resources: readonly Resource[]): void {
    this.addWorld({ root, world: createWorld(resources.map(resourceEntity)), byAddress: new Map(resources.map((r) => [r.address, r])) });
  }

  addWorld({ root, world, byAddress }: RootWorld): void {
    const { checks, options, evalOptions, findings, unknowns, passes } = this;
    const places = new Map<Resource, ResourcePlace>();
    const placeOf = (r: Resource): ResourcePlace => {
      let p = places.get(r);
      if (!p) places.set(r, (p = { address: r.address, location: r.location, moduleCalls: r.moduleCalls, root: r.root }));
      return p;
    };
    // One visitor for every check of the root (a closure per check and root was 40 MB over the corpus).
    let check: Check = checks[0]!;
    const visit = (result: RuleResult): void => {
      this.evaluations++;
      if (result.status === 'pass') {
        // A resource rule holds for its resource; an aggregate rule (`List<type>`) for the root module.
        const own = byAddress.get(result.entity);
        const at = own ? reportLocation(own, '') : { file: root, range: START };
        // Built without spreads of optional parts (each one a copy at run time); keys in the same order.
        const pass: PassResult = own
          ? { checkId: check.id, address: own.address, resource: placeOf(own), file: at.file, range: at.range }
          : { checkId: check.id, address: result.entity, file: at.file, range: at.range };
        if (result.excluded) pass.excluded = true;
        passes.push(pass);
        return;
      }
      const target = resultTarget(result, check, world, byAddress);
      const explained: Pick<Finding, 'explained'> = options.explain
        ? { explained: { leaves: result.leaves, ...(result.trace ? { trace: result.trace } : {}) } }
        : {};
      // A `List<type>` rule failing with no resource of the type: reported on the scanned directory.
      const at = target ? reportLocation(target.resource, target.path) : { file: root, range: START };
      const address = target ? target.resource.address : result.entity;
      if (result.status === 'fail') {
        const said = chooseMessage(check.messages, check.rule.text, result.leaves);
        // The resources the message names are places a reviewer goes to as well (the topic without subscription).
        const named: RelatedPlace[] = (said?.named ?? []).flatMap((e) => {
          const r = byAddress.get(e.id);
          if (!r || r === target?.resource) return [];
          return [
            {
              file: r.location.file,
              range: r.location.range,
              message: `${r.type} ${entityName(e)} (${r.address})`,
              named: true as const,
            },
          ];
        });
        const related = at.related ? [...at.related, ...named] : named;
        // Built field by field (no spreads of optional parts, each one a copy at run time); keys in this order.
        const f = { checkId: check.id, severity: check.severity, title: check.title, address } as Finding;
        if (target) f.resource = target.resource;
        f.file = at.file;
        f.range = at.range;
        if (at.path) f.path = at.path;
        else if (target?.missing) {
          f.path = target.missing;
          f.missing = true;
        }
        if (at.via) f.via = at.via;
        if (at.resourceLocation) f.resourceLocation = at.resourceLocation;
        if (at.origin) f.origin = at.origin;
        if (at.note) f.note = at.note;
        if (related.length) f.related = related;
        if (said) {
          f.messageId = said.id;
          f.detail = said.text;
        } else {
          const d = decidedBy(check, result, target?.resource.address);
          if (d.decidedBy) f.decidedBy = d.decidedBy;
        }
        if (explained.explained) f.explained = explained.explained;
        findings.push(f);
      } else {
        unknowns.push({
          checkId: check.id,
          title: check.title,
          address,
          ...(target ? { resource: target.resource } : {}),
          file: at.file,
          range: at.range,
          reasons: result.reasonText.length ? result.reasonText : ['unknown'],
          ...explained,
        });
      }
    };
    for (const c of checks) {
      if (options.only && !options.only.has(c.id)) continue;
      check = c;
      eachResult(c.rule, world, evalOptions, visit);
    }
  }

  /** The finished results of other root modules (a worker thread's): prerequisites were applied per root there. */
  merge(run: CheckRunResult): void {
    this.merged.push(run);
  }

  private readonly merged: CheckRunResult[] = [];

  /** The results of every root added or merged, sorted by file, line, column, check ID, address. */
  finish(): CheckRunResult {
    const { findings: standing, blocked } = applyPrerequisites(this.checks, this.findings);
    for (const m of this.merged) {
      standing.push(...m.findings);
      blocked.push(...m.blocked);
      this.unknowns.push(...m.unknowns);
      this.passes.push(...m.passes);
      this.evaluations += m.evaluations;
    }
    standing.sort(byPlace);
    blocked.sort(byPlace);
    this.unknowns.sort(byPlace);
    this.passes.sort(byPlace);
    return { findings: standing, blocked, unknowns: this.unknowns, passes: this.passes, evaluations: this.evaluations };
  }
}

/** A test of the logic as one line of at most 100 characters (asked once per finding: kept per logic text). */
const testTexts = new Map<string, Map<number, string>>();
function testText(logic: string, leaf: { start: number; end: number }): string {
  let tests = testTexts.get(logic);
  if (!tests) {
    if (testTexts.size > 1000) testTexts.clear();
    testTexts.set(logic, (tests = new Map()));
  }
  const at = leaf.start * 1e6 + leaf.end;
  let test = tests.get(at);
  if (test === undefined) {
    const text = logic.slice(leaf.start, leaf.end).replace(/\s+/g, ' ').trim();
    tests.set(at, (test = text.length > 100 ? `${text.slice(0, 99)}…` : text));
  }
  return test;
}

/** The test that decided a result, for a finding no message of its check describes. */
function decidedBy(check: Check, result: RuleResult, address: string | undefined): Pick<Finding, 'decidedBy'> {
  const leaf = result.leaves[0];
  if (!leaf) return {};
  const test = testText(check.rule.text, leaf);
  const scope = leaf.scopes[0];
  const at = scope && scope.id !== address && !scope.id.startsWith('List<') ? scope.id : undefined;
  return { decidedBy: { test, holds: leaf.result === T, ...(at ? { at } : {}) } };
}

/**
 * The resource a result is reported on and the attribute path that decided it: the first blame path
 * on the evaluated resource. For `List<type>` rules, the first blamed resource of the type, else the
 * first blamed resource, else the first resource of the type; undefined when there is no resource of the type at all.
 */
function resultTarget(
  result: RuleResult,
  check: Check,
  world: World,
  byAddress: Map<string, Resource>,
): { resource: Resource; path: string; missing?: string } | undefined {
  const own = byAddress.get(result.entity);
  if (own) {
    // Prefer an attribute that is set (its own line) over one that is missing (the block header).
    const b = result.blame.find((x) => x.address === result.entity && !x.absent) ?? result.blame.find((x) => x.address === result.entity);
    return b?.absent ? { resource: own, path: '', missing: b.path } : { resource: own, path: b?.path ?? '' };
  }
  // An aggregate (`List<type>`) result goes on a blamed resource of the type itself when there is one
  // (the trail whose chain breaks), not on whatever deeper resource was blamed first.
  const ownTypes = check.rule.entities.map((t) => t.toLowerCase());
  const blamed = result.blame
    .map((b) => ({ r: byAddress.get(b.address), path: b.path }))
    .filter((x): x is { r: Resource; path: string } => x.r !== undefined);
  const ofType = blamed.find((x) => ownTypes.includes(resourceEntity(x.r).type.toLowerCase())) ?? blamed[0];
  if (ofType) return { resource: ofType.r, path: ofType.path };
  const first = world.entitiesOfType(check.rule.entities[0]!)[0];
  const r = first ? byAddress.get(first.id) : undefined;
  return r ? { resource: r, path: '' } : undefined;
}
