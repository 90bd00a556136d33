// The syntax model shared by the HCL (.tf, .tfvars) and JSON (.tf.json, .tfvars.json) front ends.
// Later stages read Terraform only through these types, whatever front end made them (src/load/hcl, json.ts).

import type { Diagnostic, Range } from '../common/diagnostics.js';

export interface Comment {
  text: string;
  range: Range;
}

export interface File {
  /** Path as given to the loader (absolute, or relative to the working directory). */
  path: string;
  kind: 'hcl' | 'json';
  body: Body;
  comments: Comment[];
  diagnostics: Diagnostic[];
  /** Full text, kept so reporters can show the offending line. */
  text: string;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
  range: Range;
}

export interface Attribute {
  name: string;
  nameRange: Range;
  expr: Expr;
  /** From the name to the end of the value. */
  range: Range;
  /** Set when merged in from an override file (`*_override.tf`): the file its ranges are in. */
  file?: string;
}

export interface Block {
  type: string;
  typeRange: Range;
  labels: string[];
  labelRanges: Range[];
  body: Body;
  /** From the type keyword to the closing brace. */
  range: Range;
  /** Set when merged in from an override file (`*_override.tf`): the file its ranges are in. */
  file?: string;
}

// ---- expressions -------------------------------------------------------------------------------

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | ForExpr
  | ParensExpr
  | InvalidExpr;

interface ExprBase {
  range: Range;
}

export interface LiteralExpr extends ExprBase {
  kind: 'literal';
  value: null | boolean | number | string;
}

/** A quoted string or heredoc containing interpolations or directives. Plain strings are literals. */
export interface TemplateExpr extends ExprBase {
  kind: 'template';
  parts: TemplatePart[];
  /** True for heredocs. */
  heredoc: boolean;
}

export type TemplatePart =
  | { kind: 'text'; value: string }
  | { kind: 'interp'; expr: Expr; stripLeft: boolean; stripRight: boolean }
  | { kind: 'if'; cond: Expr; then: TemplatePart[]; else?: TemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

export interface TupleExpr extends ExprBase {
  kind: 'tuple';
  items: Expr[];
}

export interface ObjectItem {
  key: Expr;
  /** The key was written as a bare identifier (`a = 1`), which is a literal string, not a variable. */
  keyIsIdent: boolean;
  value: Expr;
}

export interface ObjectExpr extends ExprBase {
  kind: 'object';
  items: ObjectItem[];
}

/** A root name: `var`, `local`, `aws_s3_bucket`, `each`, `count`, `module`, a for-expression variable. */
export interface VariableExpr extends ExprBase {
  kind: 'variable';
  name: string;
}

export interface GetAttrExpr extends ExprBase {
  kind: 'getattr';
  object: Expr;
  name: string;
}

export interface IndexExpr extends ExprBase {
  kind: 'index';
  object: Expr;
  key: Expr;
}

/**
 * `x[*].a.b` (full) or `x.*.a` (attribute-only). `each` is applied to every element; inside it
 * the element is the variable named SPLAT_ELEMENT.
 */
export interface SplatExpr extends ExprBase {
  kind: 'splat';
  object: Expr;
  each: Expr;
  full: boolean;
}

export const SPLAT_ELEMENT = '\u0000splat';

export interface CallExpr extends ExprBase {
  kind: 'call';
  /** Function name as written, e.g. `lookup` or `provider::aws::arn_parse`. */
  name: string;
  args: Expr[];
  /** The last argument was followed by `...`. */
  expandFinal: boolean;
}

export interface UnaryExpr extends ExprBase {
  kind: 'unary';
  op: '-' | '!';
  operand: Expr;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '&&' | '||';

export interface BinaryExpr extends ExprBase {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

export interface ConditionalExpr extends ExprBase {
  kind: 'conditional';
  cond: Expr;
  then: Expr;
  else: Expr;
}

export interface ForExpr extends ExprBase {
  kind: 'for';
  keyVar?: string;
  valueVar: string;
  collection: Expr;
  /** Present for object `for` expressions (`{for k, v in x : k => v}`). */
  keyExpr?: Expr;
  valueExpr: Expr;
  cond?: Expr;
  /** `...` after the value in an object `for`: group values by key. */
  grouping: boolean;
}

export interface ParensExpr extends ExprBase {
  kind: 'parens';
  expr: Expr;
}

/** Syntax the front end could not turn into an expression. Evaluates to unknown. */
export interface InvalidExpr extends ExprBase {
  kind: 'invalid';
  text: string;
}
