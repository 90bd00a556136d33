// Public API of the checks stage: load check files, run them over a project, run their tests.
export { builtinChecksDir, builtinPrecompiledPath } from './builtin.js';
export { isBuiltinId, parseRetiredIds } from './ids.js';
export { findCheckFiles, loadCheckEntries, loadCheckFile, loadChecks, parseCheck } from './load.js';
export type { CheckSource, LoadChecksOptions, LoadedCheck, LoadedChecks, LoadFileOptions, LogicSource, ParsedCheck } from './load.js';
export { loadCheckLibrary } from './library.js';
export type { LibraryOptions } from './library.js';
export { precompileChecks } from './precompile.js';
export { PRECOMPILED_FORMAT, checkLibraryHash, readPrecompiledChecks } from './precompiled.js';
export type { PrecompiledCheck, PrecompiledDefinition, PrecompiledLibrary, PrecompiledRead } from './precompiled.js';
export { isInstalledModuleFile, rangeForPath, reportLocation } from './location.js';
export { ALIAS_TOOLS, SEVERITIES } from './model.js';
export type {
  AliasTool,
  Check,
  CheckDefinition,
  CheckRunResult,
  CheckTest,
  Finding,
  PassResult,
  Severity,
  UnknownResult,
} from './model.js';
export { projectWorlds, resourceEntity, runChecks } from './run.js';
export type { RunOptions } from './run.js';
export { CHECK_SCHEMA } from './schema.js';
export { runCheckTests } from './testing.js';
export type { TestOutcome, TestRunOptions } from './testing.js';
