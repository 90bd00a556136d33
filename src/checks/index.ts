// Public API of the checks stage: load check files, run them over a project, run their tests.
export { builtinChecksDir } from './builtin.js';
export { isBuiltinId, parseRetiredIds } from './ids.js';
export { loadChecks, parseCheck } from './load.js';

export { rangeForPath, reportLocation } from './location.js';
export { ALIAS_TOOLS } from './model.js';
export type { BlockedResult, Check, Finding, ResourcePlace, Severity } from './model.js';
export { CheckRun, projectWorlds, resourceEntity, runChecks } from './run.js';

export { runCheckTests } from './testing.js';
