// Public API of the GSL stage: compile check logic once, evaluate it per entity.
export { compileRule, evaluateRule, runRule, aggregateEntity } from './rule.js';
export type { CompiledRule, CompileResult, CompileOptions, RuleResult, Blame, EvaluateOptions } from './rule.js';
export type { TraceNode } from './evaluate.js';
export type { GslError, Origin } from './errors.js';
export { createWorld, resolveReference, referencesEntity, baseAddress } from './world.js';
export type { Entity, World } from './world.js';
export { FunctionRegistry } from './functions/registry.js';
export { defaultFunctions, DEFAULT_FUNCTIONS } from './functions/defaults.js';
export { Count, Members } from './functions/types.js';
export type { FunctionSpec, TestFunction, ValueFunction, Input, Env, Arg, ArgKind, Member, Datum, Detail } from './functions/types.js';
export { F, T, U } from './truth.js';
export type { Truth } from './truth.js';
export { IDENTITY_ATTRIBUTES } from './functions/related.js';
