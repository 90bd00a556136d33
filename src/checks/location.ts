// Where a result is reported: the range of the attribute that decided it (walking up to the nearest
// recorded prefix), else the block header; moved to the module call site when the resource comes from
// a remote module installed under .terraform/, which the user does not edit.
import type { Range } from '../common/diagnostics.js';
import type { Resource } from '../evaluate/model.js';
import type { RelatedPlace } from './model.js';
import { isUnderDotTerraform } from '../common/paths.js';

/**
 * The range recorded for `path` or its nearest recorded prefix (`a.0.b` → `a.0` → `a`), and the file it is in
 * when that is not the resource's (a part merged from an override file).
 */
export function rangeForPath(resource: Resource, path: string): { range: Range; path?: string; file?: string } {
  // A list of blocks blamed as a whole (`ingress`) stands at its first block.
  let p = path && !resource.ranges[path] && resource.ranges[`${path}.0`] ? `${path}.0` : path;
  while (p) {
    const r = resource.ranges[p];
    if (r) {
      const file = resource.rangeFiles ? fileForPath(resource.rangeFiles, p) : undefined;
      return { range: r, path: p, ...(file ? { file } : {}) };
    }
    p = parentPath(p);
  }
  return { range: resource.location.range };
}

function parentPath(p: string): string {
  const dot = p.lastIndexOf('.');
  return dot < 0 ? '' : p.slice(0, dot);
}

function fileForPath(files: Record<string, string>, path: string): string | undefined {
  for (let p = path; p; p = parentPath(p)) if (files[p]) return files[p];
  return undefined;
}

export interface ReportedAt {
  file: string;
  range: Range;
  path?: string;
  via?: string;
  resourceLocation?: { file: string; range: Range };
  origin?: string;
  note?: string;
  related?: RelatedPlace[];
}

/**
 * The place the value at `path` was written, when that is not the attribute itself: the last hop of its origins
 * the user edits (not under .terraform/), with the attribute and the hops before it as related places.
 */
function whereWritten(resource: Resource, path: string, attribute: { file: string; range: Range }): ReportedAt | undefined {
  const hops = resource.origins?.[path];
  if (!hops?.length) return undefined;
  let i = hops.length - 1;
  while (i >= 0 && isUnderDotTerraform(hops[i]!.file)) i--;
  if (i < 0) return undefined;
  const primary = hops[i]!;
  const related: RelatedPlace[] = [
    { ...attribute, message: `${path} of ${resource.address}` },
    ...hops.slice(0, i).map((h) => ({ file: h.file, range: h.range, message: h.what })),
  ];
  return {
    file: primary.file,
    range: primary.range,
    path,
    resourceLocation: attribute,
    origin: primary.what,
    ...(primary.note ? { note: primary.note } : {}),
    related,
  };
}

/**
 * The place to report a result on `resource` at attribute `path` ('' for the block header). For a
 * resource in an installed remote module: the innermost module call that is not itself under
 * .terraform/, i.e. the call site where the configuration leaves the user's own files (for a root
 * module calling a registry module, the root's `module` block).
 */
export function reportLocation(resource: Resource, path: string): ReportedAt {
  const at = rangeForPath(resource, path);
  const file = at.file ?? resource.location.file;
  const written = at.path ? whereWritten(resource, at.path, { file, range: at.range }) : undefined;
  if (written) return written;
  if (!isUnderDotTerraform(resource.location.file)) {
    return { file, range: at.range, ...(at.path ? { path: at.path } : {}) };
  }
  for (let i = resource.moduleCalls.length - 1; i >= 0; i--) {
    const call = resource.moduleCalls[i]!;
    if (isUnderDotTerraform(call.location.file)) continue;
    return {
      file: call.location.file,
      range: call.location.range,
      ...(at.path ? { path: at.path } : {}),
      via: call.address,
      resourceLocation: { file, range: at.range },
      related: [{ file, range: at.range, message: at.path ? `${at.path} of ${resource.address}` : `the resource ${resource.address}` }],
    };
  }
  // Scanning inside .terraform itself: nothing better than the resource's own place.
  return { file, range: at.range, ...(at.path ? { path: at.path } : {}) };
}
