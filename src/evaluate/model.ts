// The resource model: what every later stage (GSL, checks, reporters) sees of Terraform.
import type { Comment } from '../load/ast.js';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import type { ObjectValue } from './value.js';

/** A range in a named file. */
export interface Location {
  file: string;
  range: Range;
}

/**
 * One place a value passed through or was written: a module call's argument, a tfvars line, a variable's default,
 * a local's definition. `what` says which, for people (`default of variable "validate"`).
 */
export interface Origin extends Location {
  what: string;
  /** Set when changing the value here changes more than this instance (a child module's variable default). */
  note?: string;
}

/** One `module "x" { ... }` call a resource was instantiated through, outermost first. */
export interface ModuleCall {
  /** Address of the module instance, e.g. `module.network` or `module.app["eu"]`. */
  address: string;
  /** The `source` argument as written. */
  source: string;
  /** Where the `module` block stands. */
  location: Location;
}

export interface Resource {
  /** Full address with module path and instance key: `module.a.aws_s3_bucket.b["logs"]`. */
  address: string;
  /**
   * The root module (directory, or plan/data file) this resource belongs to. Addresses are unique
   * only within one root: a scan of several roots holds several configurations, and references
   * never cross from one to another. Absent means the project's one root.
   */
  root?: string;
  /** Module instance path, empty for the root module: `module.a` or `module.a.module.b[0]`. */
  module: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** count index or for_each key; absent for single instances. */
  index?: number | string;
  /**
   * Attributes in the shape of Terraform's JSON: nested blocks are lists of objects, unknown
   * values are `Unknown` with their reasons.
   */
  values: ObjectValue;
  /** The block header: `resource "aws_cloudtrail" "main" {` */
  location: Location;
  /** The whole block, from the type keyword to the closing brace. */
  blockRange: Range;
  /**
   * Ranges of every attribute and nested block, keyed by path: `name`, `versioning.0.enabled`,
   * `logging.0` (the nested block's header). For dynamic blocks, the `content` attributes.
   */
  ranges: Record<string, Range>;
  /**
   * For paths merged in from an override file (`*_override.tf`): the file their range is in. A path not
   * listed takes the file of its nearest listed prefix, else `location.file`.
   */
  rangeFiles?: Record<string, string>;
  /**
   * Where an attribute's value came from when it was not written in the attribute itself, keyed by path as in
   * `ranges`: each hop nearest first, the last the place the value was written (a module argument, a tfvars line,
   * a default). Absent for attributes whose own text is the value.
   */
  origins?: Record<string, Origin[]>;
  /**
   * A managed resource read from configuration (not a plan or AWS data): what the provider sets at apply (`id`,
   * `arn`, a `name` from `name_prefix`) is not in `values`, and checks read it as unknown, not absent.
   */
  fromConfiguration?: true;
  /** The module calls this resource was instantiated through, outermost first. */
  moduleCalls: ModuleCall[];
  /** Provider config key as written (`aws`, `aws.west`), when given. */
  provider?: string;
  /** Raw `depends_on` references. */
  dependsOn: string[];
  /**
   * References each attribute makes to other objects, keyed by path as in `ranges`:
   * `kms_key_id` → [`aws_kms_key.k.arn`]. Addresses are module-qualified.
   */
  references: Record<string, string[]>;
  /** Set when count/for_each could not be evaluated: this one instance stands for all of them. */
  expansionUnknown?: string;
}

/** A module directory that was evaluated (root or a local/installed child). */
export interface ModuleInfo {
  /** Module instance address, empty for the root. */
  address: string;
  dir: string;
  source?: string;
  /** Remote modules that are not installed: recorded, not evaluated. */
  skipped?: string;
}

/** Everything the loader and evaluator produce for one scan root. */
export interface Project {
  root: string;
  resources: Resource[];
  modules: ModuleInfo[];
  diagnostics: Diagnostic[];
  /** Every configuration and variable file read, with its text and comments (reporters show source lines; suppressions read comments). */
  files: SourceFile[];
  /** CloudTrail events read from streamed logs but not kept as resources, because every event check passed them. */
  unkeptEvents?: number;
  /** Resources handed to the caller root by root as they were evaluated (ProjectOptions.eachRoot), not kept here. */
  handedOver?: number;
}

export interface SourceFile {
  path: string;
  text: string;
  comments: Comment[];
}
