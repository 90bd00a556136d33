// Diagnostics compiler-style (src/report/diagnostics.ts): the source line under each, from one line index per file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/common/diagnostics.js';
import { renderDiagnostics } from '../../src/report/diagnostics.js';

const at = (line: number, column: number, endColumn: number): Diagnostic['range'] => ({
  start: { line, column, offset: 0 },
  end: { line, column: endColumn, offset: 0 },
});

describe('renderDiagnostics', () => {
  const text = 'first\r\n\tsecond = 1\r\nthird\nlast';
  const known = [{ path: '/r/main.tf', text }];
  const d = (line: number, column: number, endColumn: number, message = 'm'): Diagnostic => ({
    severity: 'error',
    code: 'limit-reached',
    file: '/r/main.tf',
    range: at(line, column, endColumn),
    message,
  });

  it('shows the line of each diagnostic of a file, without its CR, tabs as spaces, with a caret under the range', () => {
    const out = renderDiagnostics([d(2, 2, 8, 'a'), d(4, 1, 5, 'b'), d(1, 1, 2, 'c')], known);
    assert.equal(
      out,
      [
        'error[limit-reached]: a\n  --> /r/main.tf:2:2\n  |\n2 |  second = 1\n  |  ^^^^^^\n\n',
        'error[limit-reached]: b\n  --> /r/main.tf:4:1\n  |\n4 | last\n  | ^^^^\n\n',
        'error[limit-reached]: c\n  --> /r/main.tf:1:1\n  |\n1 | first\n  | ^\n\n',
      ].join(''),
    );
  });

  it('a line past the end of the file shows no source line', () => {
    assert.equal(renderDiagnostics([d(9, 1, 2)], known), 'error[limit-reached]: m\n  --> /r/main.tf:9:1\n\n');
  });
});
