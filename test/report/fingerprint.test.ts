// primaryLocationLineHash: the values github/codeql-action's own tests expect for these inputs, and
// stability when lines are added above a finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineHashes } from '../../src/report/fingerprint.js';

const hashes = (text: string): string[] => lineHashes(text).slice(1);

describe('lineHashes', () => {
  it('matches upload-sarif on an empty file and on mixed whitespace', () => {
    assert.deepEqual(hashes(''), ['c129715d7a2bc9a3:1']);
    assert.deepEqual(hashes(' a\nb\n  \t\tc\n d'), ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']);
  });

  it('reads LF, CR and CRLF alike', () => {
    const want = [
      'e9496ae3ebfced30:1',
      'fb7c023a8b9ccb3f:1',
      'ce8ba1a563dcdaca:1',
      'e20e36e16fcb0cc8:1',
      'b3edc88f2938467e:1',
      'c8e28b0b4002a3a0:1',
      'c129715d7a2bc9a3:1',
    ];
    assert.deepEqual(hashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n'), want);
    assert.deepEqual(hashes(' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r'), want);
    assert.deepEqual(hashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n'), want);
    assert.deepEqual(hashes(' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n'), want);
  });

  it('numbers repeated hashes', () => {
    const h = hashes('Lorem ipsum dolor sit amet.\n'.repeat(10));
    assert.deepEqual(h.slice(0, 7), [
      'a7f2ff13bc495cf2:1',
      'a7f2ff13bc495cf2:2',
      'a7f2ff13bc495cf2:3',
      'a7f2ff13bc495cf2:4',
      'a7f2ff13bc495cf2:5',
      'a7f2ff13bc495cf2:6',
      'a7f2ff1481e87703:1',
    ]);
    assert.equal(h.length, 11);
  });

  it('keeps a line hash when lines are added above it', () => {
    const body = 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n';
    const before = lineHashes(body)[2];
    const after = lineHashes('# a comment\nlocals {\n  x = 1\n}\n\n' + body)[7];
    assert.equal(after, before);
    assert.match(before!, /^[0-9a-f]{1,16}:1$/);
  });
});
