// Workflow-command escaping: values from the scanned code (messages, paths, addresses) can never end
// an annotation early or start a command of their own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from '../../src/common/escape.js';
import { renderGithub } from '../../src/report/github.js';
import type { Report } from '../../src/report/model.js';

const range = { start: { line: 3, column: 5, offset: 0 }, end: { line: 3, column: 9, offset: 0 } };

function report(message: string, file: string, address: string): Report {
  return {
    scanRoot: '/repo',
    repoRoot: '/repo',
    rules: [],
    findings: [{ checkId: 'TEAM.X.1', severity: 'high', title: 'Title, with: punctuation', address, file, range, message }],
    suppressed: [],
    unknowns: [],
    blocked: [],
    passed: [],
    fixed: [],
    diagnostics: [],
    sources: new Map(),
    resources: 1,
    category: 'tfguard',
  };
}

describe('github format', () => {
  it('escapes data and properties as the runner expects', () => {
    assert.equal(escapeData('a%b\r\nc'), 'a%25b%0D%0Ac');
    assert.equal(escapeProperty('x:y,z%\n'), 'x%3Ay%2Cz%25%0A');
  });

  it('keeps injected workflow commands inert', () => {
    const payloads = ['evil\n::set-output name=x::pwned', 'a%0A::add-mask::secret', 'b\r::stop-commands::tok', 'c%0D%0A::error::x'];
    for (const p of payloads) {
      const out = renderGithub(report(`value ${p}`, `/repo/dir,x=1:${p}.tf`, `aws_s3_bucket.b["${p}"]`));
      const lines = out.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, `one command for ${JSON.stringify(p)}`);
      const m = /^::error ([^:]*)::(.*)$/.exec(lines[0]!);
      assert.ok(m, lines[0]);
      // The properties hold no raw separators; the message holds no raw line breaks or literal %0A.
      assert.equal(m[1]!.split(',').length, 6);
      assert.ok(!/[\r\n]/.test(m[2]!));
      // Undo the escaping: the original text comes back exactly.
      const unescape = (s: string): string =>
        s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
      assert.equal(unescape(m[2]!), `value ${p}`);
      assert.equal(unescape(/file=([^,]*)/.exec(m[1]!)![1]!), `dir,x=1:${p}.tf`);
    }
  });
});
