// src/report/source-lines.ts: a reported file's lines, indexed once per report, as the reporters read them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../../src/report/model.js';
import { sourceLines } from '../../src/report/source-lines.js';

describe('sourceLines', () => {
  const report = {
    sources: new Map([
      ['/r/crlf.tf', 'a = 1\r\nb = 2\r\n'],
      ['/r/lf.tf', 'x\n\ty'],
    ]),
  } as unknown as Report;

  it('gives 1-based lines without their line ending, the line ending of the file, and the count', () => {
    const crlf = sourceLines(report, '/r/crlf.tf')!;
    assert.deepEqual([crlf.line(1), crlf.line(2), crlf.line(3), crlf.line(4), crlf.line(0)], ['a = 1', 'b = 2', '', undefined, undefined]);
    assert.equal(crlf.eol, '\r\n');
    assert.equal(crlf.count, 3);
    const lf = sourceLines(report, '/r/lf.tf')!;
    assert.deepEqual([lf.line(1), lf.line(2), lf.eol, lf.count], ['x', '\ty', '\n', 2]);
  });

  it('is undefined for a file the report does not hold, and the same object on each call', () => {
    assert.equal(sourceLines(report, '/r/other.tf'), undefined);
    assert.equal(sourceLines(report, '/r/lf.tf'), sourceLines(report, '/r/lf.tf'));
  });
});
