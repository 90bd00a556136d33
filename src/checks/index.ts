// Public API of the checks stage: load check files, run them over a project, run their tests.
export { builtinChecksDir } from './builtin.js';
export { isBuiltinId, parseRetiredIds } from './ids.js';
export { findCheckFiles, loadCheckFile, loadChecks, parseCheck } from './load.js';
export type { CheckSource, LoadedChecks, LoadFileOptions } from './load.js';
export { isInstalledModuleFile, rangeForPath, reportLocation } from './location.js';
export { ALIAS_TOOLS, SEVERITIES } from './model.js';
export type { AliasTool, Check, CheckDefinition, CheckRunResult, CheckTest, Finding, Severity, UnknownResult } from './model.js';
export { projectWorlds, resourceEntity, runChecks } from './run.js';
export type { RunOptions } from './run.js';
export { CHECK_SCHEMA } from './schema.js';
export { runCheckTests } from './testing.js';
export type { TestOutcome, TestRunOptions } from './testing.js';
