// What the checks stage holds: check definitions read from YAML, their compiled logic, and the
// findings and unknown results of running them over a project.
import type { Range } from '../common/diagnostics.js';
import type { Resource } from '../evaluate/model.js';
import type { CompiledRule, Leaf, TraceNode } from '../gsl/index.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Peer scanners whose IDs a check may list as aliases. */
export const ALIAS_TOOLS = ['checkov', 'trivy', 'tfsec', 'kics', 'terrascan', 'panther'] as const;
export type AliasTool = (typeof ALIAS_TOOLS)[number];

/** The inputs a check test can give (the YAML keys); exactly one per test. */
export const TEST_INPUTS = ['terraform', 'resource', 'plan', 'snapshot', 'log'] as const satisfies readonly CheckTestKind[];

/** Where a result must stand, marked by `# expect` in a Terraform snippet (lines and columns of the snippet, 1-based). */
export interface ExpectMark {
  line: number;
  /** The first non-blank column of the marked line: the attribute, element or block header that starts there. */
  column: number;
  /** `# expect: <id>`: the finding there must say the check's message with this id. */
  messageId?: string;
}

/**
 * A message of a check (`messages:` in its YAML), in the manner of ESLint's `meta.messages`: chosen by the test of
 * the logic that decided the result (`when`: the start of that test as written in the logic), the one without `when`
 * otherwise. `{{ <entity type> }}` names the entity of that type in scope of that test, `{{ value }}` and
 * `{{ path }}` what the test saw.
 */
export interface CheckMessage {
  id: string;
  when?: string;
  text: string;
}

/** What a check test feeds the check: exactly one kind of input. */
export type CheckTestInput =
  | {
      kind: 'terraform';
      /** An inline Terraform configuration (one main.tf). */
      text: string;
      /** Line in the check file where the snippet's first line stands. */
      fileLine: number;
      /** Where the finding (or, for `expect: unknown`, the unknown result) must stand; none for `expect: pass`. */
      marks: ExpectMark[];
    }
  | { kind: 'resource'; type: string; values: Record<string, unknown> }
  /** A plan (`terraform show -json`), an AWS snapshot of one trail, or one CloudTrail event (docs/plans.md). */
  | { kind: 'plan' | 'snapshot' | 'log'; document: Record<string, unknown> };

export type CheckTestKind = CheckTestInput['kind'];

export interface CheckTest {
  name: string;
  expect: 'fail' | 'pass' | 'unknown';
  input: CheckTestInput;
  /** The time `before()`/`after()` count from (ISO-8601); default the time of the run. */
  now?: string;
  /** Where the test starts in the check file (1-based line). */
  fileLine: number;
}

/** How findings of an event check fold into alerts: Panther's dedup key, DedupPeriodMinutes and Threshold. */
export interface DedupSpec {
  /** Event attribute paths (`recipientAccountId`, `requestParameters.name`) whose values make the key; none: one key. */
  by?: string[];
  /** Minutes from an alert's first event during which events with its key join it (default 60). */
  window?: number;
  /** Events an alert needs to be reported (default 1). */
  threshold?: number;
}

/** A check file as written (after schema validation). */
export interface CheckFix {
  set: string;
  value: string;
}

export interface CheckDefinition {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  references: string[];
  /** Framework → version → sections: `{"CIS AWS Foundations": {"1.4.0": ["3.4"]}}`. */
  compliance: Record<string, Record<string, string[]>>;
  /** Panther's form, `TA0005:T1562` (tactic:technique). */
  mitre: string[];
  aliases: Partial<Record<AliasTool, string[]>>;
  /**
   * Checks this one can only hold after: where one of them fails for the same resource (and root), this check's
   * result there is blocked (reported once, naming the prerequisite), not a finding of its own.
   */
  requires: string[];
  /** Event checks: Panther's deduplication (dedup.ts). */
  dedup?: DedupSpec;
  /**
   * What `tfguard fix` writes (docs/fixes.md): set the top-level attribute `set` to the HCL literal `value`, where the
   * value was written (the attribute, a tfvars line, a module argument, a variable default), or add it when absent.
   */
  fix?: CheckFix;
  /** The messages its findings say, in the order written (the first whose `when` matches is chosen). */
  messages: CheckMessage[];
  logic: string;
  tests: CheckTest[];
}

/** A check ready to run: its definition, file and compiled rule. */
export interface Check extends CheckDefinition {
  /** Path of the YAML file, as found (absolute). */
  file: string;
  /** Where `logic` starts in the file. */
  logicLine: number;
  rule: CompiledRule;
  /** True for the checks shipped with tfguard. */
  builtin: boolean;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  title: string;
  /** Resource address (`module.a.aws_cloudtrail.t[0]`). */
  address: string;
  /** The resource itself (absent for findings about no resource, e.g. suppression problems). */
  resource?: Resource;
  /** File the finding is reported in: the attribute's file, or the module call site for remote modules. */
  file: string;
  range: Range;
  /** Set when `path` names an attribute the resource does not set (the range is then the block header). */
  missing?: true;
  /** The attribute path that decided it (`is_multi_region_trail`), when there is one. */
  path?: string;
  /**
   * Set when the finding stands elsewhere than the resource's attribute (where its value was written, or the call
   * of an installed module): the attribute (or block header) in the resource itself.
   */
  resourceLocation?: { file: string; range: Range };
  /** The module call the finding was moved to (for remote modules). */
  via?: string;
  /** Set when the finding stands where the value was written: what that place is (`default of variable "x"`). */
  origin?: string;
  /** Set when fixing the value where it was written changes more than this instance (a shared module default). */
  note?: string;
  /**
   * The other places a reviewer follows, from the resource to the primary location: the attribute in the resource,
   * then each module argument, local or variable the value passed through.
   */
  related?: RelatedPlace[];
  /**
   * A finding on a CloudTrail event: its eventID and eventTime; for a check with `dedup`, the alert's number of
   * events, the time of its last one and the address of each (the first is this finding's).
   */
  event?: { id?: string; time?: string; count?: number; lastTime?: string; addresses?: string[] };
  /** Set for a finding about a suppression comment itself (tfguard's own rules): what is wrong with it. */
  suppressionProblem?: SuppressionProblem;
  /** The id of the check's message the finding says (`messages:` in the check), when one was chosen. */
  messageId?: string;
  /** That message with its placeholders filled: what failed, naming the link (the finding's message after the title). */
  detail?: string;
  /**
   * When no message of the check was chosen: the test of the logic that decided it, as written, and whether it held
   * (under `should not`) or not, so the finding still says what failed.
   */
  decidedBy?: { test: string; holds: boolean; at?: string };
  /** With `explain`: how the logic came to it (`tfguard explain`). */
  explained?: Explained;
}

/** How a result came about: the tests of the logic that decided it, most specific first, and the whole trace. */
export interface Explained {
  leaves: Leaf[];
  trace?: TraceNode;
}

export interface RelatedPlace {
  file: string;
  range: Range;
  /** What this place is, for people: `enable_log_file_validation of module.trail.aws_cloudtrail.this`. */
  message: string;
  /** A resource the finding's message names (the topic without subscription), not a hop of the value. */
  named?: true;
}

/** What can be wrong with a suppression comment itself. `comment` is how it names its checks (`tfguard:ignore:X`). */
export type SuppressionProblem =
  | { kind: 'expired'; comment: string; expires: string; file: string; range: Range }
  | { kind: 'unexplained'; comment: string; file: string; range: Range };

/** A failing result blocked by a prerequisite that fails for the same resource: reported once, counted as no finding. */
export interface BlockedResult {
  checkId: string;
  title: string;
  severity: Severity;
  address: string;
  resource?: Resource;
  /** Where the prerequisite's finding stands (the one edit that unblocks this check too). */
  file: string;
  range: Range;
  /** The prerequisite's check ID. */
  requires: string;
}

/** A result the checks could not decide: no finding, but listed by `--show-unknown`. */
export interface UnknownResult {
  checkId: string;
  title: string;
  address: string;
  resource?: Resource;
  file: string;
  range: Range;
  /** Why, one per reason: `var.x has no value`, `aws_kms_key.k.arn is known only after apply`. */
  reasons: string[];
  /** With `explain`: how the logic came to it. */
  explained?: Explained;
}

/** Where a resource stands: what results keep of it once its root module's checks have run. */
export type ResourcePlace = Pick<Resource, 'address' | 'location' | 'moduleCalls' | 'root'>;

/** A check that held for a resource (JUnit lists them as passing test cases). */
export interface PassResult {
  checkId: string;
  address: string;
  resource?: ResourcePlace;
  /** Where the resource is reported (its block header; the module call site for remote modules). */
  file: string;
  range: Range;
  /** `where` left the resource out (or an aggregate rule's condition did not hold): it passes, but was not judged. */
  excluded?: true;
}

export interface CheckRunResult {
  findings: Finding[];
  /** Failing results whose prerequisite fails for the same resource (`requires:`). */
  blocked: BlockedResult[];
  unknowns: UnknownResult[];
  passes: PassResult[];
  /** How many (check, resource) pairs were evaluated. */
  evaluations: number;
}
