// Public API of the GSL stage: compile check logic once, evaluate it per entity.
export { compileRule, eachResult, evaluateRule, runRule } from './rule.js';
export type { CompiledRule, RuleResult, EvaluateOptions } from './rule.js';
export type { Leaf, TraceNode } from './evaluate.js';
export { renderDatum } from './evaluate.js';

export { createWorld, resolveReference } from './world.js';
export type { Entity, World } from './world.js';

export { defaultFunctions } from './functions/defaults.js';

export { F, T } from './truth.js';
