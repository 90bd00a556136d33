// Public API of the report stage: one model, one renderer per format.

export { renderDiagnostics } from './diagnostics.js';

export { SUPPRESSIONS_DOC_URI, checkDocUri, countBySeverity, oneFindingPerCause, reportFinding } from './model.js';
export type { Report, ReportFinding, RuleInfo } from './model.js';
export { defaultCategory, renderSarif } from './sarif.js';

export { renderGithub } from './github.js';
export { renderMarkdown } from './markdown.js';
import type { Report } from './model.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color?: boolean;
  base?: string;
  showUnknown?: boolean;
  showBlocked?: boolean;
  includeSuppressed?: boolean;
}

export function render(format: Format, report: Report, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, options);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { includeSuppressed: options.includeSuppressed ?? false });
    case 'junit':
      return renderJunit(report);
    case 'github':
      return renderGithub(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
  }
}
